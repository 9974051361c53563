// Who may do what in a negotiation. Member States negotiate: their delegates table amendments and
// give positions, one voice per State. Stakeholders propose, comment through their advisory
// committee and, where the body's rules allow it, table amendments. Only the Chair declares
// consensus and circulates text under silence; the Secretariat runs the documents and answers
// the committees' comments.
import { type Actor, delegationsOf, isSignedIn, isStaff, organizationsOf } from '../actor.ts'
import { chairsBody } from './processes.ts'

/** Proponents of a proposal or amendment: the States and organizations it speaks for. */
export interface Proponents {
  memberStates: readonly string[]
  organizations: readonly number[]
}

function speaksForAny(actor: Actor, p: Proponents): boolean {
  const states = delegationsOf(actor)
  const orgs = organizationsOf(actor)
  return p.memberStates.some((s) => states.includes(s)) || p.organizations.some((o) => orgs.includes(o))
}

export const negotiationPolicy = {
  'negotiation.read': () => true,
  /** Open negotiating documents, import text, issue revisions, rule on amendments. */
  'negotiation.manage': (actor: Actor, subject: { bodyId: number }) =>
    isStaff(actor) || chairsBody(actor, subject.bodyId),
  /** Declare a paragraph agreed ad ref, adopted or without consensus; circulate under silence. */
  'consensus.declare': (actor: Actor, subject: { bodyId: number }) => chairsBody(actor, subject.bodyId),
  /** Put a proposal forward on behalf of a State or an organization. */
  'proposal.submit': (actor: Actor) => delegationsOf(actor).length > 0 || organizationsOf(actor).length > 0,
  /** Revise or withdraw a proposal: whoever speaks for one of its proponents. */
  'proposal.revise': (actor: Actor, subject: Proponents) => speaksForAny(actor, subject),
  /** Answer a request to co-sponsor (accept, decline, withdraw): whoever speaks for the party asked. */
  'proposal.cosponsor': (actor: Actor, subject: Proponents) => speaksForAny(actor, subject),
  /** Merge proposals into one: the Chair or the Secretariat. */
  'proposal.merge': (actor: Actor, subject: { bodyId: number }) => isStaff(actor) || chairsBody(actor, subject.bodyId),
  /** Table an amendment: a State's delegation; a stakeholder where the body's rules allow it. */
  'amendment.table': (actor: Actor, subject: { stakeholdersMayTable: boolean }) =>
    delegationsOf(actor).length > 0 || (subject.stakeholdersMayTable && organizationsOf(actor).length > 0),
  /** Withdraw an amendment: whoever speaks for its proponent. */
  'amendment.withdraw': (actor: Actor, subject: Proponents) => speaksForAny(actor, subject),
  /** Give a State's position: its delegates only. */
  'position.take': (actor: Actor, subject: { memberStateIso3: string }) =>
    delegationsOf(actor).includes(subject.memberStateIso3),
  /** Comment as a stakeholder advisory committee: representatives of organizations. */
  'comment.post': (actor: Actor) => isSignedIn(actor) && organizationsOf(actor).length > 0,
  /** Answer a committee's comment with how it was taken into account. */
  'comment.answer': (actor: Actor) => isStaff(actor),
}
