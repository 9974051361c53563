// Who may take contributions in bulk and run the campaign analysis: the Secretariat.
import { type ActionsOf, defineActions } from '../../core/auth/actions.ts'
import { type Actor, isStaff } from '../../core/auth/actor.ts'
import { STAFF } from '../../core/auth/personas.ts'

export const consultationActions = defineActions({
  /** Import contributions to a call (a file, the bulk API) and read the imports and their rejects. */
  'contribution.import': {
    scope: 'secretariat',
    allow: (actor: Actor) => isStaff(actor),
    expect: [{ allowed: STAFF }],
  },
  /** Rebuild a call's campaigns and set the similarity that joins two texts. */
  'campaign.rebuild': {
    scope: 'secretariat',
    allow: (actor: Actor) => isStaff(actor),
    expect: [{ allowed: STAFF }],
  },
})

declare module '../../core/auth/actions.ts' {
  interface Actions extends ActionsOf<typeof consultationActions> {}
}
