// The read models (current positions and tallies) agree with the position history on each
// database: after revised positions, a changed text (positions on an earlier wording) and a silence
// broken, and a position is always recorded with the fingerprint of the wording it was given on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { type Actor, SYSTEM } from '../../core/auth/actor.ts'
import { activeGrants } from '../../core/auth/grants.ts'
import type { Db } from '../../core/db/database.ts'
import { createBody, createProcess } from '../processes/index.ts'
import { decideAmendment, tableAmendment } from './commands-amendments.ts'
import { createDocument } from './commands-documents.ts'
import { takePosition } from './commands-positions.ts'
import { paragraphsOf, positionEvents } from './queries.ts'
import { amendmentStandingsOf, standingsOf } from './queries-standing.ts'
import { type Position, statePositions, tally } from './rules/consensus.ts'
import { parseUnText } from './rules/parse.ts'
import { paragraphWording } from './rules/wording.ts'

const DRAFT = `Draft

1. Recommends that all relevant organizations report annually to the Commission;

2. Invites Member States to [consider] establishing national focal points;
`

/** The tallies the history gives, computed by the rules alone, beside the read model's. */
async function expectAgreement(db: Db, documentId: number) {
  const paragraphs = await paragraphsOf(db, documentId)
  const events = await positionEvents(
    db,
    'paragraph',
    paragraphs.map((p) => p.id),
  )
  const read = await standingsOf(db, documentId)
  for (const p of paragraphs) {
    const fromHistory = tally(statePositions(events.get(p.id) ?? []), paragraphWording(p.text))
    const { paragraphId, wording, ...fromModel } = read.get(p.id) ?? { paragraphId: 0, wording: '' }
    expect(paragraphId).toBe(p.id)
    expect(wording).toBe(paragraphWording(p.text))
    expect(fromModel).toEqual(fromHistory)
  }
  return read
}

describe.each(DATABASE_KINDS)('read models of where the States stand on %s', (kind) => {
  let runtime: TestRuntime
  let processId: number
  const actors: Record<string, Actor> = {}
  const at = (actor: Actor, now = new Date()) => ({ actor, now })

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    const db = runtime.deps.db
    const body = await createBody(db, at(SYSTEM), { slug: 'wg', name: 'A Working Group', acronym: 'WG' })
    if (!body.ok) throw new Error(JSON.stringify(body.error))
    const process = await createProcess(db, at(SYSTEM), {
      bodyId: body.value.id,
      slug: 'wg-draft',
      title: 'Drafting',
      mandateSymbol: 'E/RES/2026/1',
    })
    if (!process.ok) throw new Error(JSON.stringify(process.error))
    processId = process.value.id
    const accounts: [string, Parameters<typeof accountWithRole>[1], { type: 'body' | 'member_state'; id: string }][] = [
      ['chair', 'chair', { type: 'body', id: String(body.value.id) }],
      ['bra1', 'government_delegate', { type: 'member_state', id: 'BRA' }],
      ['bra2', 'government_delegate', { type: 'member_state', id: 'BRA' }],
      ['zaf', 'government_delegate', { type: 'member_state', id: 'ZAF' }],
      ['fra', 'government_delegate', { type: 'member_state', id: 'FRA' }],
    ]
    for (const [name, role, scope] of accounts) {
      const a = await accountWithRole(runtime, role, scope, name)
      actors[name] = {
        kind: 'account',
        accountId: a.accountId,
        displayName: name,
        email: 'x',
        grants: await activeGrants(db, a.accountId),
        via: 'session',
      }
    }
  })
  afterAll(() => runtime.close())

  const speak = (who: string, iso3: string, paragraphId: number, position: Position, minute: number) =>
    takePosition(runtime.deps.db, at(actors[who] as Actor, new Date(Date.UTC(2026, 11, 6, 10, minute))), {
      subjectType: 'paragraph',
      subjectId: paragraphId,
      memberStateIso3: iso3,
      position,
    })

  it('agrees with the history after revised positions and a changed text, and counts earlier wordings apart', async () => {
    const db = runtime.deps.db
    const created = await createDocument(db, at(actors.chair as Actor), {
      processId,
      title: 'Draft',
      imported: parseUnText(DRAFT),
    })
    if (!created.ok) throw new Error(JSON.stringify(created.error))
    const documentId = created.value.id
    const [p1, p2] = (await paragraphsOf(db, documentId)).filter((p) => p.kind === 'operative')
    if (!p1 || !p2) throw new Error('two operative paragraphs expected')
    expect((await expectAgreement(db, documentId)).get(p1.id)?.readiness).toBe('open')

    expect((await speak('bra1', 'BRA', p1.id, 'objection', 1)).ok).toBe(true)
    expect((await speak('bra2', 'BRA', p1.id, 'support', 2)).ok).toBe(true) // the State revises its position
    expect((await speak('zaf', 'ZAF', p1.id, 'no_objection', 3)).ok).toBe(true)
    expect((await speak('fra', 'FRA', p1.id, 'objection', 4)).ok).toBe(true)
    expect((await speak('fra', 'FRA', p2.id, 'reservation', 5)).ok).toBe(true)
    let read = await expectAgreement(db, documentId)
    expect(read.get(p1.id)).toMatchObject({ support: 1, no_objection: 1, objection: 1, objecting: ['FRA'] })
    expect(read.get(p2.id)).toMatchObject({ reservation: 1, reserving: ['FRA'], readiness: 'ready' })

    // France's amendment, incorporated by the Chair, changes the text: every position is now on
    // an earlier wording; support no longer counts, France's objection still blocks
    const amendment = await tableAmendment(db, at(actors.fra as Actor), documentId, {
      paragraphId: p1.id,
      operation: 'replace_text',
      quotedOld: 'annually',
      newText: 'biennially',
      speaker: { memberStateIso3: 'FRA' },
    })
    if (!amendment.ok) throw new Error(JSON.stringify(amendment.error))
    expect((await decideAmendment(db, at(actors.chair as Actor), amendment.value.id, 'incorporated')).ok).toBe(true)
    read = await expectAgreement(db, documentId)
    expect(read.get(p1.id)).toMatchObject({
      support: 0,
      no_objection: 0,
      earlier: 3,
      objecting: ['FRA'],
      earlierObjecting: ['FRA'],
      readiness: 'objected',
    })
    // France restates on the new wording; Brazil supports it again
    expect((await speak('fra', 'FRA', p1.id, 'no_objection', 6)).ok).toBe(true)
    expect((await speak('bra1', 'BRA', p1.id, 'support', 7)).ok).toBe(true)
    read = await expectAgreement(db, documentId)
    expect(read.get(p1.id)).toMatchObject({
      support: 1,
      no_objection: 1,
      earlier: 1,
      objecting: [],
      readiness: 'ready',
    })

    // the history keeps every word, each with the wording it was given on
    const history = (await positionEvents(db, 'paragraph', [p1.id])).get(p1.id) ?? []
    expect(history).toHaveLength(6)
    expect(new Set(history.map((e) => e.wording)).size).toBe(2)
  })

  it('keeps a tally per amendment too', async () => {
    const db = runtime.deps.db
    const created = await createDocument(db, at(actors.chair as Actor), {
      processId,
      title: 'Draft',
      imported: parseUnText(DRAFT),
    })
    if (!created.ok) throw new Error(JSON.stringify(created.error))
    const [p1] = (await paragraphsOf(db, created.value.id)).filter((p) => p.kind === 'operative')
    const amendment = await tableAmendment(db, at(actors.zaf as Actor), created.value.id, {
      paragraphId: p1?.id ?? 0,
      operation: 'insert_text',
      newText: ' and the Council',
      speaker: { memberStateIso3: 'ZAF' },
    })
    if (!amendment.ok) throw new Error(JSON.stringify(amendment.error))
    const on = await takePosition(db, at(actors.fra as Actor), {
      subjectType: 'amendment',
      subjectId: amendment.value.id,
      memberStateIso3: 'FRA',
      position: 'objection',
    })
    expect(on.ok).toBe(true)
    const tallies = await amendmentStandingsOf(db, created.value.id)
    expect(tallies.get(amendment.value.id)).toMatchObject({ objection: 1, objecting: ['FRA'], readiness: 'objected' })
  })
})
