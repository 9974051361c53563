// Who may follow bodies and processes, and read and manage their own notices.
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
  /** Read one's own notices (a read-only token may: the inbox is the owner's reading). */
  'notice.read': {
    scope: 'read',
    allow: (actor: Actor) => isSignedIn(actor),
    expect: [{ allowed: SIGNED_IN }],
  },
  /** Mark one's own notices read, choose how each kind arrives and one's time zone. */
  'notice.manage': {
    scope: 'contribute',
    allow: (actor: Actor) => isSignedIn(actor),
    expect: [{ allowed: SIGNED_IN }],
  },
})

declare module '../../core/auth/actions.ts' {
  interface Actions extends ActionsOf<typeof notificationsActions> {}
}
