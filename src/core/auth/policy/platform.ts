// Who may do what on the platform itself: accounts, accreditation, administration, the audit log.
import { type Actor, hasRole, isSignedIn, isStaff } from '../actor.ts'

export const platformPolicy = {
  /** Change one's own name, language, password and API tokens. */
  'account.manage_own': (actor: Actor) => isSignedIn(actor),
  /** Ask to be accredited as a State's delegate or an organization's representative. */
  'accreditation.request': (actor: Actor) => isSignedIn(actor),
  /** Withdraw one's own pending accreditation request. */
  'accreditation.withdraw': (actor: Actor, subject: { requestAccountId: number }) =>
    actor.kind === 'account' && actor.accountId === subject.requestAccountId,
  /** Appeal one's own refused accreditation request (once, with a reason). */
  'accreditation.appeal': (actor: Actor, subject: { requestAccountId: number }) =>
    actor.kind === 'account' && actor.accountId === subject.requestAccountId,
  /**
   * Approve or refuse accreditation requests and decide appeals; never one's own request, nor an
   * appeal against one's own refusal (src/modules/accreditation/rules/lifecycle.ts).
   */
  'accreditation.review': (actor: Actor) => isStaff(actor),
  /** See the Secretariat's administration pages. */
  'administration.view': (actor: Actor) => isStaff(actor),
  /** Grant or revoke the Chair, Secretariat and administrator roles. */
  'role.grant': (actor: Actor) => hasRole(actor, 'administrator'),
  /** Read the public audit log (restricted entries show only their hashes). */
  'audit.read': () => true,
}
