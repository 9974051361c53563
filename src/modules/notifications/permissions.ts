// Who may follow bodies and processes.
import { type ActionsOf, defineActions } from '../../core/auth/actions.ts'
import { type Actor, isSignedIn } from '../../core/auth/actor.ts'
import { SIGNED_IN } from '../../core/auth/personas.ts'

export const notificationsActions = defineActions({
  /** Follow bodies and processes, and choose the digest's frequency. */
  'follow.manage': {
    scope: 'contribute',
    allow: (actor: Actor) => isSignedIn(actor),
    expect: [{ allowed: SIGNED_IN }],
  },
})

declare module '../../core/auth/actions.ts' {
  interface Actions extends ActionsOf<typeof notificationsActions> {}
}
