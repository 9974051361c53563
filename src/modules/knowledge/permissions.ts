// The knowledge library: anyone signed in suggests; the Secretariat, as knowledge focal point, curates.
import { type ActionsOf, defineActions } from '../../core/auth/actions.ts'
import { type Actor, isSignedIn, isStaff } from '../../core/auth/actor.ts'
import { SIGNED_IN, STAFF } from '../../core/auth/personas.ts'

export const knowledgeActions = defineActions({
  'library.suggest': {
    scope: 'contribute',
    allow: (actor: Actor) => isSignedIn(actor),
    expect: [{ allowed: SIGNED_IN }],
  },
  'library.curate': { scope: 'secretariat', allow: (actor: Actor) => isStaff(actor), expect: [{ allowed: STAFF }] },
})

declare module '../../core/auth/actions.ts' {
  interface Actions extends ActionsOf<typeof knowledgeActions> {}
}
