// Who may do what in a negotiation. Member States negotiate: their delegates table amendments and
// give positions, one voice per State. Stakeholders propose, comment through their advisory
// committee and, where the body's rules allow it, table amendments. Only the Chair declares
// consensus and circulates text under silence; the Secretariat runs the documents and answers
// the committees' comments.
import { type ActionsOf, defineActions } from '../../core/auth/actions.ts'
import { type Actor, chairsBody, delegationsOf, isSignedIn, isStaff, organizationsOf } from '../../core/auth/actor.ts'
import { EVERYONE, NOBODY, PERSONA, STAFF } from '../../core/auth/personas.ts'
import { DELEGATE_OR_REPRESENTATIVE, type Proponents, runsBody, speaksForAny, THE_BODY } from '../proposals/index.ts'

export const negotiationActions = defineActions({
  'negotiation.read': { scope: 'read', allow: () => true, expect: [{ allowed: EVERYONE }] },
  /** Open negotiating documents, import text, issue revisions, rule on amendments. */
  'negotiation.manage': {
    scope: 'chair',
    allow: runsBody,
    expect: [{ subject: THE_BODY, allowed: [...STAFF, 'chair'] }],
  },
  /** Declare a paragraph agreed ad ref, adopted or without consensus; circulate under silence. */
  'consensus.declare': {
    scope: 'chair',
    allow: (actor: Actor, subject: { bodyId: number }) => chairsBody(actor, subject.bodyId),
    // the Chair alone, not the Secretariat
    expect: [{ subject: THE_BODY, allowed: ['chair'] }],
  },
  /**
   * Put an explanation of position or a reservation on the record: a State's own delegation files
   * its own, on adoption; the Chair records any State's (said from the floor).
   */
  'statement.file': {
    scope: 'negotiate',
    allow: (actor: Actor, subject: { bodyId: number; memberStateIso3: string }) =>
      chairsBody(actor, subject.bodyId) || delegationsOf(actor).includes(subject.memberStateIso3),
    expect: [
      { subject: { ...THE_BODY, memberStateIso3: PERSONA.memberState }, allowed: ['chair', 'government_delegate'] },
      { subject: { ...THE_BODY, memberStateIso3: PERSONA.otherMemberState }, allowed: ['chair'] },
    ],
  },
  /** Table an amendment: a State's delegation; a stakeholder where the body's rules allow it. */
  'amendment.table': {
    scope: 'negotiate',
    allow: (actor: Actor, subject: { stakeholdersMayTable: boolean }) =>
      delegationsOf(actor).length > 0 || (subject.stakeholdersMayTable && organizationsOf(actor).length > 0),
    expect: [
      { subject: { stakeholdersMayTable: true }, allowed: DELEGATE_OR_REPRESENTATIVE },
      { subject: { stakeholdersMayTable: false }, allowed: ['government_delegate'] },
    ],
  },
  /** Withdraw an amendment: whoever speaks for its proponent. */
  'amendment.withdraw': {
    scope: 'negotiate',
    allow: (actor: Actor, subject: Proponents) => speaksForAny(actor, subject),
    expect: [{ subject: { memberStates: [PERSONA.memberState], organizations: [] }, allowed: ['government_delegate'] }],
  },
  /** Give a State's position: its delegates only. */
  'position.take': {
    scope: 'negotiate',
    allow: (actor: Actor, subject: { memberStateIso3: string }) =>
      delegationsOf(actor).includes(subject.memberStateIso3),
    expect: [
      { subject: { memberStateIso3: PERSONA.memberState }, allowed: ['government_delegate'] },
      { subject: { memberStateIso3: PERSONA.otherMemberState }, allowed: NOBODY },
    ],
  },
  /** Comment as a stakeholder advisory committee: representatives of organizations. */
  'comment.post': {
    scope: 'negotiate',
    allow: (actor: Actor) => isSignedIn(actor) && organizationsOf(actor).length > 0,
    expect: [{ allowed: ['stakeholder_representative'] }],
  },
  /** Answer a committee's comment with how it was taken into account. */
  'comment.answer': { scope: 'secretariat', allow: (actor: Actor) => isStaff(actor), expect: [{ allowed: STAFF }] },
})

declare module '../../core/auth/actions.ts' {
  interface Actions extends ActionsOf<typeof negotiationActions> {}
}
