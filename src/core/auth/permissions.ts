// Core's own actions: one's own account (its password, sessions and tokens live in core/auth) and
// the audit log (core/audit). Every other action is declared by the module it belongs to.
import { type ActionsOf, defineActions } from './actions.ts'
import { type Actor, isSignedIn } from './actor.ts'
import { EVERYONE, SIGNED_IN } from './personas.ts'

export const coreActions = defineActions({
  /** Change one's own name, language, password and API tokens (never with a token). */
  'account.manage_own': {
    scope: 'session',
    allow: (actor: Actor) => isSignedIn(actor),
    expect: [{ allowed: SIGNED_IN }],
  },
  /** Read the public audit log (restricted entries show only their hashes). */
  'audit.read': { scope: 'read', allow: () => true, expect: [{ allowed: EVERYONE }] },
})

declare module './actions.ts' {
  interface Actions extends ActionsOf<typeof coreActions> {}
}
