// Who may ask to be accredited as a State's delegate or an organization's representative, and who
// reviews the requests.
import { type ActionsOf, defineActions } from '../../core/auth/actions.ts'
import { type Actor, isSignedIn, isStaff } from '../../core/auth/actor.ts'
import { NOBODY, PERSONA, SIGNED_IN, STAFF } from '../../core/auth/personas.ts'

function ownRequest(actor: Actor, subject: { requestAccountId: number }): boolean {
  return actor.kind === 'account' && actor.accountId === subject.requestAccountId
}

export const accreditationActions = defineActions({
  /** Ask to be accredited as a State's delegate or an organization's representative. */
  'accreditation.request': {
    scope: 'contribute',
    allow: (actor: Actor) => isSignedIn(actor),
    expect: [{ allowed: SIGNED_IN }],
  },
  /** Withdraw one's own pending accreditation request. */
  'accreditation.withdraw': {
    scope: 'contribute',
    allow: ownRequest,
    expect: [
      { subject: { requestAccountId: PERSONA.accountId }, allowed: SIGNED_IN },
      { subject: { requestAccountId: PERSONA.otherAccountId }, allowed: NOBODY },
    ],
  },
  /** Appeal one's own refused accreditation request (once, with a reason). */
  'accreditation.appeal': {
    scope: 'contribute',
    allow: ownRequest,
    expect: [
      { subject: { requestAccountId: PERSONA.accountId }, allowed: SIGNED_IN },
      // not even the Secretariat appeals someone else's refusal
      { subject: { requestAccountId: PERSONA.otherAccountId }, allowed: NOBODY },
    ],
  },
  /**
   * Approve or refuse accreditation requests and decide appeals; never one's own request, nor an
   * appeal against one's own refusal (rules/lifecycle.ts).
   */
  'accreditation.review': {
    scope: 'secretariat',
    allow: (actor: Actor) => isStaff(actor),
    expect: [{ allowed: STAFF }],
  },
})

declare module '../../core/auth/actions.ts' {
  interface Actions extends ActionsOf<typeof accreditationActions> {}
}
