// Who may do what with proposals. A State's delegates and an organization's representatives put
// proposals forward for it; its original proponents revise or withdraw it; a State or organization
// asked to co-sponsor answers for itself; the Chair or the Secretariat merges proposals.
import { type ActionsOf, defineActions } from '../../core/auth/actions.ts'
import { type Actor, delegationsOf, organizationsOf } from '../../core/auth/actor.ts'
import { NOBODY, PERSONA, STAFF } from '../../core/auth/personas.ts'
import { DELEGATE_OR_REPRESENTATIVE, type Proponents, runsBody, speaksForAny, THE_BODY } from './proponents.ts'

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
