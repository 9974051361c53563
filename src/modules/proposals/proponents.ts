// Who speaks for a proposal's or an amendment's proponents, and who runs a body: the predicates the
// proposals' and the negotiation's permissions share (negotiation reads them through index.ts).
import type { Actor } from '../../core/auth/actor.ts'
import { chairsBody, delegationsOf, isStaff, organizationsOf } from '../../core/auth/actor.ts'
import { PERSONA } from '../../core/auth/personas.ts'

/** Proponents of a proposal or amendment: the States and organizations it speaks for. */
export interface Proponents {
  memberStates: readonly string[]
  organizations: readonly number[]
}

/** A delegate of one of the States, or a representative of one of the organizations. */
export function speaksForAny(actor: Actor, p: Proponents): boolean {
  const states = delegationsOf(actor)
  const orgs = organizationsOf(actor)
  return p.memberStates.some((s) => states.includes(s)) || p.organizations.some((o) => orgs.includes(o))
}

/** The Secretariat, or the body's Chair. */
export function runsBody(actor: Actor, subject: { bodyId: number }): boolean {
  return isStaff(actor) || chairsBody(actor, subject.bodyId)
}

/** The persona's body, as the expected outcomes of the authorization matrix name it. */
export const THE_BODY = { bodyId: PERSONA.bodyId }
export const DELEGATE_OR_REPRESENTATIVE = ['government_delegate', 'stakeholder_representative'] as const
