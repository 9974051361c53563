// Who may change the map of issues and mechanisms: anyone signed in proposes an issue; the
// Secretariat triages proposals and records mechanisms.
import { type ActionsOf, defineActions } from '../../core/auth/actions.ts'
import { type Actor, isSignedIn, isStaff } from '../../core/auth/actor.ts'
import { SIGNED_IN, STAFF } from '../../core/auth/personas.ts'

export const coordinationActions = defineActions({
  'issue.propose': {
    scope: 'contribute',
    allow: (actor: Actor) => isSignedIn(actor),
    expect: [{ allowed: SIGNED_IN }],
  },
  'issue.triage': { scope: 'secretariat', allow: (actor: Actor) => isStaff(actor), expect: [{ allowed: STAFF }] },
  'mechanism.manage': { scope: 'secretariat', allow: (actor: Actor) => isStaff(actor), expect: [{ allowed: STAFF }] },
})

declare module '../../core/auth/actions.ts' {
  interface Actions extends ActionsOf<typeof coordinationActions> {}
}
