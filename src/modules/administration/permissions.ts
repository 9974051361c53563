// Who may see the Secretariat's administration pages and grant the staff roles.
import { type ActionsOf, defineActions } from '../../core/auth/actions.ts'
import { type Actor, hasRole, isStaff } from '../../core/auth/actor.ts'
import { STAFF } from '../../core/auth/personas.ts'

export const administrationActions = defineActions({
  /** See the Secretariat's administration pages. */
  'administration.view': {
    scope: 'secretariat',
    allow: (actor: Actor) => isStaff(actor),
    expect: [{ allowed: STAFF }],
  },
  /** Grant or revoke the Chair, Secretariat and administrator roles. */
  'role.grant': {
    scope: 'secretariat',
    allow: (actor: Actor) => hasRole(actor, 'administrator'),
    expect: [{ allowed: ['administrator'] }],
  },
})

declare module '../../core/auth/actions.ts' {
  interface Actions extends ActionsOf<typeof administrationActions> {}
}
