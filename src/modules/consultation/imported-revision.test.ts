// An imported contribution is one row (its text on the contribution itself); revising it must
// move that text into revision 1 before revision 2, so its history, its current text and the
// search index all read as they do for a contribution submitted on the platform.
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { actorFor } from '../../core/auth/sessions.ts'
import type { Db } from '../../core/db/database.ts'
import { contributionTexts, reviseContribution, revisionsOf, searchContributions } from '../contributions/index.ts'
import { must, openConsultation, system } from './open-call-fixture.ts'
import { runImport, sha256Of, startImport } from './queries-intake.ts'

const _day = 86_400_000

describe.each(DATABASE_KINDS)('an imported contribution revised on %s', (kind) => {
  let runtime: TestRuntime
  let db: Db
  let callId: number
  let questionId: number
  let secretariat: { accountId: number }

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    db = runtime.deps.db
    const opened = await openConsultation(db, 'imported-revised', { languages: ['en'], closesInDays: 30 })
    callId = opened.callId
    questionId = opened.questionIds[0] as number
    secretariat = await accountWithRole(runtime, 'secretariat')
  }, 180_000)
  afterAll(() => runtime.close())

  /** One contribution imported by mail (each test its own, so the tests stand in any order). */
  async function importedLetter(externalId: string, text: string): Promise<number> {
    const file =
      'external_id,submitted_at,speaker_kind,speaker_name,organization,country,language,question,text\n' +
      `${externalId},2026-11-02T10:00:00Z,individual,Ana Souza,,BRA,en,1,${text}\n`
    const started = must(
      await startImport(db, system(), {
        callId,
        accountId: secretariat.accountId,
        fileName: `${externalId}.csv`,
        format: 'csv',
        sha256: sha256Of(file),
      }),
    )
    const run = must(await runImport(db, system(), started.id, Readable.from([Buffer.from(file)])))
    return run.added[0] as number
  }

  const search = (q: string) =>
    searchContributions(db, { callId, q, statuses: ['published'], limit: 20 }).then((r) =>
      r.hits.map((h) => h.contributionId),
    )

  it('reads the imported text as revision 1 before any revision', async () => {
    const contributionId = await importedLetter('MAIL-1', 'Letters about zebrafinch governance arrived by post.')
    const revisions = await revisionsOf(db, contributionId)
    expect(revisions.map((r) => [r.number, r.answers.map((a) => a.body)])).toEqual([
      [1, ['Letters about zebrafinch governance arrived by post.']],
    ])
    expect(await search('zebrafinch')).toEqual([contributionId])
  })

  it('keeps the imported text as revision 1, reads revision 2 as current, and searches only the current text', async () => {
    const contributionId = await importedLetter('MAIL-2', 'A letter about wombat stewardship arrived by post.')
    const actor = await actorFor(db, secretariat.accountId, 'session')
    if (!actor) throw new Error('no actor')
    const revised = await reviseContribution(
      db,
      { actor, now: new Date(), attachmentMaxBytes: 1_000_000 },
      contributionId,
      {
        language: 'en',
        answers: [{ questionId, text: 'A corrected letter about quokka stewardship.' }],
        attachments: [],
      },
    )
    expect(revised.ok).toBe(true)
    const revisions = await revisionsOf(db, contributionId)
    expect(revisions.map((r) => [r.number, r.answers.map((a) => a.body)])).toEqual([
      [2, ['A corrected letter about quokka stewardship.']],
      [1, ['A letter about wombat stewardship arrived by post.']],
    ])
    const [current] = await contributionTexts(db, [contributionId])
    expect(current?.text).toContain('quokka stewardship')
    expect(current?.text).not.toContain('wombat')
    expect(current?.externalId).toBe('MAIL-2')
    expect(await search('quokka')).toEqual([contributionId])
    expect(await search('wombat')).toEqual([])
  })
})
