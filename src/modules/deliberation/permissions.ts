// Deliberations: the Secretariat opens them and moderates statements (and imports past ones);
// anyone signed in writes statements and votes.
import { type ActionsOf, defineActions } from '../../core/auth/actions.ts'
import { type Actor, isSignedIn, isStaff } from '../../core/auth/actor.ts'
import { SIGNED_IN, STAFF } from '../../core/auth/personas.ts'

export const deliberationActions = defineActions({
  'deliberation.open': { scope: 'secretariat', allow: (actor: Actor) => isStaff(actor), expect: [{ allowed: STAFF }] },
  'deliberation.moderate': {
    scope: 'secretariat',
    allow: (actor: Actor) => isStaff(actor),
    expect: [{ allowed: STAFF }],
  },
  /** close it: no statement or vote afterwards (the record stays, and its analysis) */
  'deliberation.close': {
    scope: 'secretariat',
    allow: (actor: Actor) => isStaff(actor),
    expect: [{ allowed: STAFF }],
  },
  'deliberation.participate': {
    scope: 'contribute',
    allow: (actor: Actor) => isSignedIn(actor),
    expect: [{ allowed: SIGNED_IN }],
  },
})

declare module '../../core/auth/actions.ts' {
  interface Actions extends ActionsOf<typeof deliberationActions> {}
}
