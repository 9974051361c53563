// The authorization matrix, generated from every manifest: each declared action, on each subject
// its module gives, asked of every persona, must answer what the module expects beside its rule.
// A rule changed without its expectation (or an expectation without its rule) fails here.
import { describe, expect, it } from 'vitest'
import { modules } from '../../modules/index.ts'
import { declaredActions, registerActions } from './actions.ts'
import type { Actor } from './actor.ts'
import { authorize, decide } from './authorize.ts'
import { matrix, mismatches } from './matrix.ts'
import { coreActions } from './permissions.ts'
import { PERSONA, PERSONAS, STAFF } from './personas.ts'

const actions = declaredActions()

describe('authorization matrix', () => {
  it('holds the actions of core and of every module that declares permissions', () => {
    const owners = new Set(actions.map((a) => a.owner))
    expect(owners).toContain('core')
    for (const m of modules) if (m.permissions) expect(owners, m.id).toContain(m.id)
    expect(actions.length).toBeGreaterThan(40)
  })

  for (const r of matrix(actions)) {
    const on = r.subject === undefined ? '' : ` (case ${r.row})`
    it(`${r.owner}: ${r.expected ? 'lets' : 'stops'} ${r.persona} ${r.expected ? 'do' : 'from'} ${r.action}${on}`, () => {
      const decision = decide(PERSONAS[r.persona], r.action, r.subject)
      expect(decision.ok).toBe(r.expected)
      if (!decision.ok) expect(decision.error.type).toBe(r.persona === 'anonymous' ? 'unauthenticated' : 'forbidden')
    })
  }

  it('gives a chair grant without a body no more than a participant, on every expectation', () => {
    // a Chair chairs bodies, not the platform (the database refuses such grants; here, the rules)
    const unscoped: Actor = { ...PERSONAS.chair, grants: [{ id: 1, role: 'chair', scope: null }] }
    const differs = matrix(actions)
      .filter((r) => r.persona === 'participant')
      .filter((r) => decide(unscoped, r.action, r.subject).ok !== r.expected)
      .map((r) => `${r.action} case ${r.row}`)
    expect(differs).toEqual([])
  })

  it('lets a Chair of two bodies run the processes of both, and of no third', () => {
    const twoBodies: Actor = {
      ...PERSONAS.chair,
      grants: [
        ...PERSONAS.chair.grants,
        { id: 2, role: 'chair', scope: { type: 'body', id: String(PERSONA.otherBodyId) } },
      ],
    }
    expect(authorize(twoBodies, 'process.manage', { bodyId: PERSONA.bodyId }).ok).toBe(true)
    expect(authorize(twoBodies, 'process.manage', { bodyId: PERSONA.otherBodyId }).ok).toBe(true)
    expect(authorize(twoBodies, 'process.manage', { bodyId: 3 }).ok).toBe(false)
  })

  it('type-checks action names and subjects against the declaring module (tsc fails on these lines otherwise)', () => {
    const actor = PERSONAS.government_delegate
    // @ts-expect-error: no module declares this action
    expect(() => authorize(actor, 'amendment.tabled')).toThrow(/no registered module/)
    // @ts-expect-error: the rule needs its subject
    expect(() => authorize(actor, 'position.take')).toThrow()
    // @ts-expect-error: and a subject of its own type
    expect(authorize(actor, 'position.take', { bodyId: 1 }).ok).toBe(false)
    expect(authorize(actor, 'amendment.table', { stakeholdersMayTable: false }).ok).toBe(true)
  })

  it('lets the platform itself act (demo, jobs)', () => {
    expect(authorize({ kind: 'system' }, 'role.grant').ok).toBe(true)
  })

  it('names the action in the refusal', () => {
    const decision = authorize(PERSONAS.participant, 'organization.create')
    expect(decision.ok).toBe(false)
    if (!decision.ok) expect(decision.error.id).toBe('forbidden:organization.create')
  })
})

describe('the matrix check itself', () => {
  it('fails an action whose rule and expectation part, naming the persona', () => {
    // a rule widened to everyone signed in while its expectation still says the Secretariat only
    registerActions('drift', {
      'drift.check': { scope: 'read', allow: (actor: Actor) => actor.kind === 'account', expect: [{ allowed: STAFF }] },
    })
    const drifted = declaredActions().filter((a) => a.owner === 'drift')
    expect(mismatches(matrix(drifted))).toContain('drift.check (drift, case 1): participant is let in')
    expect(mismatches(matrix(actions))).toEqual([])
  })

  it('refuses a second module declaring an action already declared', () => {
    expect(() => registerActions('intruder', { 'audit.read': { ...coreActions['audit.read'] } })).toThrow(
      /declared twice: by core and by intruder/,
    )
  })

  it('accepts the same declaration registered again', () => {
    expect(() => registerActions('core', coreActions)).not.toThrow()
  })

  it('throws on an action no registered module declares, naming it', () => {
    expect(() => decide(PERSONAS.administrator, 'nothing.declared', undefined)).toThrow(/nothing\.declared/)
  })
})
