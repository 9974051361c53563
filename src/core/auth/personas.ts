// The people an action's policy is stated against: one of each kind of actor the domain knows,
// with the canonical ids a declared expectation's subject refers to (the delegate's State, the
// representative's organization, the Chair's body, the account's own id). The authorization
// matrix (authorize.test.ts) asks every declared action of every one of them.
import type { Actor, Grant } from './actor.ts'

/** The ids the personas hold: a subject built from these is "theirs". */
export const PERSONA = {
  /** every signed-in persona is this account (its own requests, its own contributions) */
  accountId: 100,
  /** someone else's account */
  otherAccountId: 999,
  /** the State the delegate speaks for */
  memberState: 'BRA',
  /** a State nobody among the personas speaks for */
  otherMemberState: 'ZAF',
  /** the organization the representative speaks for */
  organizationId: 12,
  otherOrganizationId: 13,
  /** the body the Chair chairs */
  bodyId: 1,
  /** the body the other Chair chairs */
  otherBodyId: 2,
} as const

type AccountActor = Extract<Actor, { kind: 'account' }>

function account(grants: Grant[]): AccountActor {
  return {
    kind: 'account',
    accountId: PERSONA.accountId,
    displayName: 'Persona',
    email: 'persona@example.org',
    grants,
    via: 'session',
  }
}

/** One actor of each kind, signed in through a browser session (token scopes are scopes.ts's matter). */
export const PERSONAS = {
  anonymous: { kind: 'anonymous' },
  /** signed in, without any role */
  participant: account([]),
  government_delegate: account([
    { id: 1, role: 'government_delegate', scope: { type: 'member_state', id: PERSONA.memberState } },
  ]),
  stakeholder_representative: account([
    { id: 1, role: 'stakeholder_representative', scope: { type: 'organization', id: String(PERSONA.organizationId) } },
  ]),
  /** the Chair of the subject's body */
  chair: account([{ id: 1, role: 'chair', scope: { type: 'body', id: String(PERSONA.bodyId) } }]),
  /** the Chair of another body than the subject's */
  chair_of_another_body: account([{ id: 1, role: 'chair', scope: { type: 'body', id: String(PERSONA.otherBodyId) } }]),
  secretariat: account([{ id: 1, role: 'secretariat', scope: null }]),
  administrator: account([{ id: 1, role: 'administrator', scope: null }]),
} as const satisfies Record<string, Actor>

export type Persona = keyof typeof PERSONAS

export const EVERYONE: readonly Persona[] = Object.keys(PERSONAS) as Persona[]
export const SIGNED_IN: readonly Persona[] = EVERYONE.filter((p) => p !== 'anonymous')
/** the Secretariat and administrators run the platform */
export const STAFF: readonly Persona[] = ['secretariat', 'administrator']
export const NOBODY: readonly Persona[] = []
