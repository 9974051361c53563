// Who may do what with proposals. A State's delegates and an organization's representatives put
// proposals forward for it; its original proponents revise or withdraw it; a State or organization
// asked to co-sponsor answers for itself; the Chair or the Secretariat merges proposals.
import { type ActionsOf, defineActions } from '../../core/auth/actions.ts'
import { type Actor, chairsBody, delegationsOf, isStaff, organizationsOf } from '../../core/auth/actor.ts'
import { NOBODY, PERSONA, STAFF } from '../../core/auth/personas.ts'

/** Proponents of a proposal: the States and organizations it speaks for. */
export interface Proponents {
  memberStates: readonly string[]
  organizations: readonly number[]
}

function speaksForAny(actor: Actor, p: Proponents): boolean {
  const states = delegationsOf(actor)
  const orgs = organizationsOf(actor)
  return p.memberStates.some((s) => states.includes(s)) || p.organizations.some((o) => orgs.includes(o))
}

function runsBody(actor: Actor, subject: { bodyId: number }): boolean {
  return isStaff(actor) || chairsBody(actor, subject.bodyId)
}

const THE_BODY = { bodyId: PERSONA.bodyId }
const DELEGATE_OR_REPRESENTATIVE = ['government_delegate', 'stakeholder_representative'] as const

export const proposalActions = defineActions({
  /** Put a proposal forward on behalf of a State or an organization. */
  'proposal.submit': {
    scope: 'negotiate',
    allow: (actor: Actor) => delegationsOf(actor).length > 0 || organizationsOf(actor).length > 0,
    expect: [{ allowed: DELEGATE_OR_REPRESENTATIVE }],
  },
  /** Revise or withdraw a proposal: whoever speaks for one of its proponents. */
  'proposal.revise': {
    scope: 'negotiate',
    allow: (actor: Actor, subject: Proponents) => speaksForAny(actor, subject),
    expect: [
      // co-sponsored by the delegate's State and the representative's organization
      {
        subject: {
          memberStates: [PERSONA.memberState, PERSONA.otherMemberState],
          organizations: [PERSONA.organizationId],
        },
        allowed: DELEGATE_OR_REPRESENTATIVE,
      },
      { subject: { memberStates: [PERSONA.otherMemberState], organizations: [] }, allowed: NOBODY },
    ],
  },
  /** Answer a request to co-sponsor (accept, decline, withdraw): whoever speaks for the party asked. */
  'proposal.cosponsor': {
    scope: 'negotiate',
    allow: (actor: Actor, subject: Proponents) => speaksForAny(actor, subject),
    expect: [
      {
        subject: { memberStates: [PERSONA.memberState], organizations: [PERSONA.organizationId] },
        allowed: DELEGATE_OR_REPRESENTATIVE,
      },
    ],
  },
  /** Merge proposals into one: the Chair or the Secretariat. */
  'proposal.merge': { scope: 'chair', allow: runsBody, expect: [{ subject: THE_BODY, allowed: [...STAFF, 'chair'] }] },
})

declare module '../../core/auth/actions.ts' {
  interface Actions extends ActionsOf<typeof proposalActions> {}
}
