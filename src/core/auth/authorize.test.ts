// Walks the whole role x action matrix: every action the policy knows must have an expectation
// here, for every role, so a new action cannot slip in without a decision on who may do it.
import { describe, expect, it } from 'vitest'
import { type Actor, ANONYMOUS, type GrantedRole, ROLES, type Role, type Scope } from './actor.ts'
import { ACTIONS, type Action, authorize } from './authorize.ts'

const ORG = 12
const STATE = 'BRA'

function actorFor(role: Role): Actor {
  if (role === 'anonymous') return ANONYMOUS
  const scopes: Partial<Record<GrantedRole, Scope>> = {
    stakeholder_representative: { type: 'organization', id: String(ORG) },
    government_delegate: { type: 'member_state', id: STATE },
    chair: { type: 'body', id: '1' },
  }
  return {
    kind: 'account',
    accountId: 100,
    displayName: role,
    email: `${role}@example.org`,
    grants: role === 'participant' ? [] : [{ id: 1, role, scope: scopes[role] ?? null }],
    via: 'session',
  }
}

/** Subjects for actions that take one: the canonical case, where scoped roles match. */
const SUBJECTS: Partial<Record<Action, unknown>> = {
  'organization.update': { organizationId: ORG },
  'accreditation.withdraw': { requestAccountId: 100 },
  'accreditation.appeal': { requestAccountId: 100 },
  'process.manage': { bodyId: 1 },
  'call.extend': { bodyId: 1 },
  // a contribution on behalf of the delegate's State
  'contribution.revise': { authorAccountId: 999, memberStateIso3: STATE, organizationId: null },
  'negotiation.manage': { bodyId: 1 },
  'consensus.declare': { bodyId: 1 },
  'proposal.merge': { bodyId: 1 },
  // a proposal co-sponsored by the delegate's State and the representative's organization
  'proposal.revise': { memberStates: [STATE, 'ZAF'], organizations: [ORG] },
  // the State and the organization asked to co-sponsor
  'proposal.cosponsor': { memberStates: [STATE], organizations: [ORG] },
  // a body whose rules let stakeholders table amendments
  'amendment.table': { stakeholdersMayTable: true },
  'amendment.withdraw': { memberStates: [STATE], organizations: [] },
  'position.take': { memberStateIso3: STATE },
  'annualReport.write': { organizationId: ORG },
  'capacity.offer': { organizationId: ORG },
}

const ALL: Role[] = [...ROLES]
const SIGNED_IN: Role[] = ALL.filter((r) => r !== 'anonymous')
const STAFF: Role[] = ['secretariat', 'administrator']

/** Who may do each action (on the canonical subject). */
const EXPECTED: Record<Action, Role[]> = {
  'member_state.read': ALL,
  'organization.read': ALL,
  'person.read': ALL,
  'audit.read': ALL,
  'organization.create': STAFF,
  'organization.update': [...STAFF, 'stakeholder_representative'],
  'account.manage_own': SIGNED_IN,
  'accreditation.request': SIGNED_IN,
  'accreditation.withdraw': SIGNED_IN,
  'accreditation.appeal': SIGNED_IN,
  'accreditation.review': STAFF,
  'administration.view': STAFF,
  'role.grant': ['administrator'],
  'body.read': ALL,
  'process.read': ALL,
  'body.manage': STAFF,
  'process.manage': [...STAFF, 'chair'],
  'call.extend': [...STAFF, 'chair'],
  'contribution.submit': SIGNED_IN,
  'contribution.revise': ['government_delegate'],
  'contribution.moderate': STAFF,
  'follow.manage': SIGNED_IN,
  'negotiation.read': ALL,
  'negotiation.manage': [...STAFF, 'chair'],
  'consensus.declare': ['chair'],
  'proposal.submit': ['government_delegate', 'stakeholder_representative'],
  'proposal.revise': ['government_delegate', 'stakeholder_representative'],
  'proposal.cosponsor': ['government_delegate', 'stakeholder_representative'],
  'proposal.merge': [...STAFF, 'chair'],
  'amendment.table': ['government_delegate', 'stakeholder_representative'],
  'amendment.withdraw': ['government_delegate'],
  'position.take': ['government_delegate'],
  'comment.post': ['stakeholder_representative'],
  'comment.answer': STAFF,
  'issue.propose': SIGNED_IN,
  'issue.triage': STAFF,
  'mechanism.manage': STAFF,
  'annualReport.manage': STAFF,
  'annualReport.write': ['stakeholder_representative'],
  'library.suggest': SIGNED_IN,
  'library.curate': STAFF,
  'capacity.record': [...STAFF, 'government_delegate'],
  'capacity.offer': [...STAFF, 'stakeholder_representative'],
  'capacity.manage': STAFF,
  'deliberation.open': STAFF,
  'deliberation.moderate': STAFF,
  'deliberation.participate': SIGNED_IN,
}

describe('authorization', () => {
  it('has an expectation for every action', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort())
  })

  for (const action of ACTIONS) {
    for (const role of ALL) {
      const allowed = EXPECTED[action].includes(role)
      it(`${allowed ? 'lets' : 'stops'} ${role} ${allowed ? 'do' : 'from'} ${action}`, () => {
        const subject = SUBJECTS[action]
        const decision = (authorize as (a: Actor, action: Action, s?: unknown) => ReturnType<typeof authorize>)(
          actorFor(role),
          action,
          subject,
        )
        expect(decision.ok).toBe(allowed)
        if (!decision.ok) expect(decision.error.type).toBe(role === 'anonymous' ? 'unauthenticated' : 'forbidden')
      })
    }
  }

  it('stops a representative from editing another organization', () => {
    expect(
      authorize(actorFor('stakeholder_representative'), 'organization.update', { organizationId: ORG + 1 }).ok,
    ).toBe(false)
  })

  it("stops a person from withdrawing someone else's accreditation request", () => {
    expect(authorize(actorFor('participant'), 'accreditation.withdraw', { requestAccountId: 999 }).ok).toBe(false)
  })

  it('stops a chair grant without a body from chairing any body: a Chair chairs bodies, not the platform', () => {
    const unscoped: Actor = { ...(actorFor('chair') as Extract<Actor, { kind: 'account' }>) }
    const withoutBody = { ...unscoped, grants: [{ id: 1, role: 'chair' as const, scope: null }] }
    for (const action of [
      'process.manage',
      'call.extend',
      'negotiation.manage',
      'consensus.declare',
      'proposal.merge',
    ] as const)
      expect(authorize(withoutBody, action, { bodyId: 1 }).ok, action).toBe(false)
  })

  it('lets a Chair of two bodies run the processes of both, and of no third', () => {
    const chair = actorFor('chair') as Extract<Actor, { kind: 'account' }>
    const twoBodies = {
      ...chair,
      grants: [...chair.grants, { id: 2, role: 'chair' as const, scope: { type: 'body' as const, id: '2' } }],
    }
    expect(authorize(twoBodies, 'process.manage', { bodyId: 1 }).ok).toBe(true)
    expect(authorize(twoBodies, 'process.manage', { bodyId: 2 }).ok).toBe(true)
    expect(authorize(twoBodies, 'process.manage', { bodyId: 3 }).ok).toBe(false)
  })

  it("stops a person from appealing someone else's refused accreditation", () => {
    expect(authorize(actorFor('secretariat'), 'accreditation.appeal', { requestAccountId: 999 }).ok).toBe(false)
  })

  it('stops the Chair of one body from running the process of another', () => {
    expect(authorize(actorFor('chair'), 'process.manage', { bodyId: 2 }).ok).toBe(false)
    expect(authorize(actorFor('chair'), 'call.extend', { bodyId: 2 }).ok).toBe(false)
  })

  it("lets a State's other delegate revise its contribution, and nobody else's", () => {
    const delegate = actorFor('government_delegate')
    const contribution = { authorAccountId: 999, memberStateIso3: STATE, organizationId: null }
    expect(authorize(delegate, 'contribution.revise', contribution).ok).toBe(true)
    expect(authorize(delegate, 'contribution.revise', { ...contribution, memberStateIso3: 'ZAF' }).ok).toBe(false)
    expect(
      authorize(actorFor('participant'), 'contribution.revise', {
        authorAccountId: 100,
        memberStateIso3: null,
        organizationId: null,
      }).ok,
    ).toBe(true)
  })

  it('lets a delegate speak only for their own State, and the Chair declare only in their own body', () => {
    const delegate = actorFor('government_delegate')
    expect(authorize(delegate, 'position.take', { memberStateIso3: 'ZAF' }).ok).toBe(false)
    expect(authorize(actorFor('chair'), 'consensus.declare', { bodyId: 2 }).ok).toBe(false)
    expect(authorize(actorFor('secretariat'), 'consensus.declare', { bodyId: 1 }).ok).toBe(false)
  })

  it('lets stakeholders table amendments only where the body allows it', () => {
    const rep = actorFor('stakeholder_representative')
    expect(authorize(rep, 'amendment.table', { stakeholdersMayTable: false }).ok).toBe(false)
    expect(authorize(actorFor('government_delegate'), 'amendment.table', { stakeholdersMayTable: false }).ok).toBe(true)
  })

  it('lets the platform itself act (demo, jobs)', () => {
    expect(authorize({ kind: 'system' }, 'role.grant').ok).toBe(true)
  })
})
