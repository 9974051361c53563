// Who may contribute to a call, revise a contribution and moderate them.
import { type ActionsOf, defineActions } from '../../core/auth/actions.ts'
import { type Actor, delegationsOf, isSignedIn, isStaff, organizationsOf } from '../../core/auth/actor.ts'
import { NOBODY, PERSONA, SIGNED_IN, STAFF } from '../../core/auth/personas.ts'

interface Author {
  authorAccountId: number
  memberStateIso3: string | null
  organizationId: number | null
}

/** Speaks for the contribution's author: the author, or a fellow delegate or representative. */
function speaksFor(actor: Actor, subject: Author): boolean {
  if (actor.kind !== 'account') return false
  if (subject.memberStateIso3) return delegationsOf(actor).includes(subject.memberStateIso3)
  if (subject.organizationId) return organizationsOf(actor).includes(subject.organizationId)
  return actor.accountId === subject.authorAccountId
}

export const contributionsActions = defineActions({
  /** Submit to a call; who may speak for whom is the call's eligibility rule. */
  'contribution.submit': {
    scope: 'contribute',
    allow: (actor: Actor) => isSignedIn(actor),
    expect: [{ allowed: SIGNED_IN }],
  },
  /** Revise or withdraw a contribution: whoever speaks for its author. */
  'contribution.revise': {
    scope: 'contribute',
    allow: speaksFor,
    expect: [
      // written on behalf of the delegate's State by another of its delegates
      {
        subject: {
          authorAccountId: PERSONA.otherAccountId,
          memberStateIso3: PERSONA.memberState,
          organizationId: null,
        },
        allowed: ['government_delegate'],
      },
      {
        subject: {
          authorAccountId: PERSONA.otherAccountId,
          memberStateIso3: PERSONA.otherMemberState,
          organizationId: null,
        },
        allowed: NOBODY,
      },
      {
        subject: {
          authorAccountId: PERSONA.otherAccountId,
          memberStateIso3: null,
          organizationId: PERSONA.organizationId,
        },
        allowed: ['stakeholder_representative'],
      },
      // written in one's own name: the author alone
      {
        subject: { authorAccountId: PERSONA.accountId, memberStateIso3: null, organizationId: null },
        allowed: SIGNED_IN,
      },
      {
        subject: { authorAccountId: PERSONA.otherAccountId, memberStateIso3: null, organizationId: null },
        allowed: NOBODY,
      },
    ],
  },
  /** Publish contributions held for review, hide abusive content with a public reason. */
  'contribution.moderate': {
    scope: 'secretariat',
    allow: (actor: Actor) => isStaff(actor),
    expect: [{ allowed: STAFF }],
  },
})

declare module '../../core/auth/actions.ts' {
  interface Actions extends ActionsOf<typeof contributionsActions> {}
}
