// Who may set bodies up: the Secretariat (composition, members, officers). A Chair chairs one
// body and runs its processes (processes/permissions.ts) but does not set any body up.
import { type ActionsOf, defineActions } from '../../core/auth/actions.ts'
import { type Actor, isStaff } from '../../core/auth/actor.ts'
import { EVERYONE, STAFF } from '../../core/auth/personas.ts'

export const bodiesActions = defineActions({
  'body.read': { scope: 'read', allow: () => true, expect: [{ allowed: EVERYONE }] },
  /** Set up bodies: names, mandate, term, composition rules, members, representatives, officers. */
  'body.manage': { scope: 'secretariat', allow: (actor: Actor) => isStaff(actor), expect: [{ allowed: STAFF }] },
})

declare module '../../core/auth/actions.ts' {
  interface Actions extends ActionsOf<typeof bodiesActions> {}
}
