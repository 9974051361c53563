// An import batch travels in COPY's binary format (written value by value here, read by
// PostgreSQL as stored): every valid record is read back from the table as it was given, whatever
// its script (Arabic, Chinese, emoji), its COPY text specials (tabs, line breaks, backslashes), its
// nulls and its time, on each database.
import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { createOrganization } from '../actors/index.ts'
import { changeProcessState, createBody, createProcess, guidingQuestions, openCall } from '../processes/index.ts'
import { insertImportedContributions, prepareImportedBatch } from './queries-bulk-batch.ts'
import { batchPrefix, type ImportBatch, type ImportedContribution, insertPreparedBatch } from './queries-bulk-write.ts'

const system = () => ({ actor: SYSTEM, now: new Date() })
function must<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}

// what a record's text may hold: every script the platform takes, and what COPY text escapes
const piece = fc.constantFrom(
  'التعاون الرقمي',
  '国际合作',
  'coopération',
  'сотрудничество',
  '🌍',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\\',
  '\\N',
  '"',
  "'",
  ',',
  'a',
)
const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''))
const named = fc.array(piece, { minLength: 1, maxLength: 5 }).map((p) => p.join(''))
// any time from 1970 to 2100, to the millisecond (PostgreSQL keeps microseconds since 2000)
const time = fc.integer({ min: 0, max: 4_102_444_800_000 }).map((ms) => new Date(ms))

describe.each(DATABASE_KINDS)('an import batch in binary COPY on %s', (kind) => {
  let runtime: TestRuntime
  let batch: ImportBatch
  let questionId: number
  let organizationId: number
  let next = 0

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    const db = runtime.deps.db
    const body = must(await createBody(db, system(), { slug: 'binary-wg', name: 'Binary working group' }))
    const processId = must(
      await createProcess(db, system(), {
        bodyId: body.id,
        slug: 'binary-consultation',
        title: 'Binary consultation',
        mandateSymbol: 'A/RES/70/125',
        questions: ['What should enhanced cooperation achieve?'],
      }),
    ).id
    must(await changeProcessState(db, system(), processId, { to: 'active' }))
    questionId = (await guidingQuestions(db, processId))[0]?.id as number
    const callId = must(
      await openCall(db, system(), processId, {
        title: 'Binary call',
        opensAt: new Date(Date.now() - 86_400_000),
        closesAt: new Date(Date.now() + 86_400_000),
        eligibility: 'everyone',
        languages: ['ar', 'zh', 'en', 'fr', 'ru', 'es'],
        moderation: 'immediate',
        questionIds: [questionId],
      }),
    ).id
    const { accountId } = await accountWithRole(runtime, 'secretariat')
    organizationId = must(
      await createOrganization(db, system(), { name: { en: 'APC' }, stakeholderGroup: 'civil_society' }),
    ).id
    batch = { callId, processId, authorAccountId: accountId, importId: 1, sourceFile: 'mail\\box\t1 \u062a.csv' }
  }, 120_000)
  afterAll(() => runtime.close())

  const record = fc.record({
    kind: fc.constantFrom('self', 'state', 'org', 'unnamed'),
    submittedAt: time,
    contributorName: named,
    regionalGroup: fc.constantFrom(null, 'african', 'weog'),
    ldc: fc.boolean(),
    lldc: fc.boolean(),
    sids: fc.boolean(),
    language: fc.constantFrom('ar', 'zh', 'en', 'fr', 'ru', 'es'),
    text,
    externalId: named,
  })

  it('reads every record back as it was given', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 8 }), async (drawn) => {
        const rows: ImportedContribution[] = drawn.map((d, i) => ({
          externalId: `${++next}:${d.externalId}`,
          submittedAt: d.submittedAt,
          speakingFor: d.kind === 'self' ? 'self' : d.kind === 'state' ? 'member_state' : 'organization',
          memberStateIso3: d.kind === 'state' ? 'FJI' : null,
          organizationId: d.kind === 'org' ? organizationId : null,
          contributorName: d.contributorName,
          stakeholderGroup: d.kind === 'state' ? 'government' : 'civil_society',
          regionalGroup: d.regionalGroup,
          ldc: d.ldc,
          lldc: d.lldc,
          sids: d.sids,
          language: d.language,
          questionId,
          text: d.text,
          sourceLine: next * 10 + i,
        }))
        const stored = await insertImportedContributions(runtime.deps.db, batch, rows)
        expect(stored.map((s) => s.externalId)).toEqual(rows.map((r) => r.externalId))
        const back = await sql<Record<string, unknown>>`
          select id, call_id::int as call, process_id::int as process, author_account_id::int as author,
            import_id::int as import, source_file, status, source_line, external_id, created_at, updated_at,
            published_at, speaking_for, member_state_iso3, organization_id::int as organization, contributor_name,
            stakeholder_group, regional_group, ldc, lldc, sids, language, answered_question_ids,
            imported_question_id, imported_text
          from contributions_contribution where id = any(${stored.map((s) => s.id)}::bigint[]) order by id`.execute(
          runtime.deps.db,
        )
        expect(back.rows.map((b) => Number(b.id))).toEqual(stored.map((s) => s.id))
        rows.forEach((r, i) => {
          const b = back.rows[i] as Record<string, unknown>
          expect({ ...b, id: undefined }).toEqual({
            id: undefined,
            call: batch.callId,
            process: batch.processId,
            author: batch.authorAccountId,
            import: batch.importId,
            sourceFile: batch.sourceFile,
            status: 'published',
            sourceLine: r.sourceLine,
            externalId: r.externalId,
            createdAt: r.submittedAt,
            updatedAt: r.submittedAt,
            publishedAt: r.submittedAt,
            speakingFor: r.speakingFor,
            memberStateIso3: r.memberStateIso3,
            organization: r.organizationId,
            contributorName: r.contributorName,
            stakeholderGroup: r.stakeholderGroup,
            regionalGroup: r.regionalGroup,
            ldc: r.ldc,
            lldc: r.lldc,
            sids: r.sids,
            language: r.language,
            answeredQuestionIds: [questionId],
            importedQuestionId: questionId,
            importedText: r.text,
          })
        })
      }),
      { numRuns: 25 },
    )
  }, 120_000)

  // one imported individual's contribution, as a test names it
  const person = (
    externalId: string,
    text: string,
    at: Date,
    more: Partial<ImportedContribution> = {},
  ): ImportedContribution => ({
    externalId,
    submittedAt: at,
    speakingFor: 'self',
    memberStateIso3: null,
    organizationId: null,
    contributorName: 'Person',
    stakeholderGroup: 'individual',
    regionalGroup: null,
    ldc: false,
    lldc: false,
    sids: false,
    language: 'en',
    questionId,
    text,
    sourceLine: 1,
    ...more,
  })
  // batches large enough for their memory to be kept (40,000 characters of text a row)
  const rows = (tag: string, from = 1): ImportedContribution[] =>
    Array.from({ length: 12 }, (_, i) =>
      person(
        `reuse-${tag}-${i}`,
        `${tag}${i} ${'\u0645\u0633\u0627\u0647\u0645\u0629 '.repeat(5000)}`,
        new Date(Date.UTC(2026, 10, 1, 9, i)),
        { contributorName: `Person ${tag} ${i}`, language: 'ar', sourceLine: from + i },
      ),
    )
  // buffers compared by identity as booleans: a failing toBe would print megabytes of both
  const readBack = async (like: string) =>
    (
      await sql<{ externalId: string; text: string }>`
      select external_id as "externalId", imported_text as text from contributions_contribution
      where external_id like ${like} order by id`.execute(runtime.deps.db)
    ).rows

  it('writes a batch in the memory of one given back, never of one still held, each read back as given', async () => {
    const db = runtime.deps.db
    const first = await prepareImportedBatch(db, batch, rows('a'))
    const memory = first.data.buffer
    const held = await prepareImportedBatch(db, batch, rows('b'))
    expect(held.data.buffer === memory).toBe(false)
    await insertPreparedBatch(db, first, { release: true })
    const reused = await prepareImportedBatch(db, batch, rows('c'))
    expect(reused.data.buffer === memory).toBe(true)
    const another = await prepareImportedBatch(db, batch, rows('d'))
    expect(another.data.buffer === memory).toBe(false)
    for (const prepared of [held, reused, another]) await insertPreparedBatch(db, prepared)
    const given = ['a', 'b', 'c', 'd'].flatMap((tag) =>
      rows(tag).map((r) => ({ externalId: r.externalId, text: r.text })),
    )
    expect(await readBack('reuse-%')).toEqual(given)
  })

  it('gives the memory of a re-run back after its way through the staging table, never while it is held', async () => {
    const db = runtime.deps.db
    await insertImportedContributions(db, batch, rows('e'))
    // a re-run of the file that also brings new records: the COPY meets a stored external id
    const rerun = await prepareImportedBatch(db, batch, [...rows('e'), ...rows('f', 13)])
    const memory = rerun.data.buffer
    const held = await prepareImportedBatch(db, batch, rows('g'))
    expect(held.data.buffer === memory).toBe(false)
    const stored = await insertPreparedBatch(db, rerun, { release: true })
    expect(stored.map((r) => r.externalId)).toEqual(rows('f').map((r) => r.externalId))
    const reused = await prepareImportedBatch(db, batch, rows('h'))
    expect(reused.data.buffer === memory).toBe(true)
    for (const prepared of [held, reused]) await insertPreparedBatch(db, prepared)
    const given = ['e', 'f', 'g', 'h'].flatMap((tag) =>
      rows(tag).map((r) => ({ externalId: r.externalId, text: r.text })),
    )
    // the re-run's records stored once, each new one as given (none written over by a later batch)
    expect((await readBack('reuse-%')).filter((r) => /^reuse-[efgh]-/.test(r.externalId))).toEqual(given)
  })

  it("never gives back memory it shares with other buffers: a small batch's is its own", async () => {
    const db = runtime.deps.db
    const row = (externalId: string, text: string) => person(externalId, text, new Date(Date.UTC(2026, 10, 1, 9)))
    // a buffer from Node's shared pool, as a small batch's data was before (Buffer.allocUnsafe)
    const neighbour = Buffer.from('neighbour '.repeat(20))
    const first = await prepareImportedBatch(db, batch, [row('small-1', 'short')])
    expect(first.data.buffer).not.toBe(neighbour.buffer)
    await insertPreparedBatch(db, first, { release: true })
    await prepareImportedBatch(db, batch, [row('small-2', 'x'.repeat(30_000))])
    expect(neighbour.toString()).toBe('neighbour '.repeat(20))
  })

  it('gives each row the id the sequence gave it, when the ids taken are not one run', async () => {
    const db = runtime.deps.db
    const row = (externalId: string) => person(externalId, `text of ${externalId}`, new Date(Date.UTC(2026, 10, 2, 9)))
    const sequence = sql.raw(`pg_get_serial_sequence('contributions_contribution', 'id')`)
    const seq = (await sql<{ s: string }>`select ${sequence} as s`.execute(db)).rows[0]?.s as string
    // a sequence stepping by 3 gives ids that are no run (as another session taking ids meanwhile would)
    await sql.raw(`alter sequence ${seq} increment by 3`).execute(db)
    try {
      const prepared = await prepareImportedBatch(db, batch, ['gap-1', 'gap-2', 'gap-3'].map(row))
      const ids = prepared.rows.map((r) => r.id)
      expect(ids.slice(1).map((id, i) => id - (ids[i] as number))).toEqual([3, 3])
      expect(await insertPreparedBatch(db, prepared)).toEqual(prepared.rows)
      const back = await sql<{ id: string; externalId: string }>`select id::text as id, external_id as "externalId"
        from contributions_contribution where external_id like 'gap-%' order by id`.execute(db)
      expect(back.rows.map((r) => [Number(r.id), r.externalId])).toEqual(prepared.rows.map((r) => [r.id, r.externalId]))
    } finally {
      await sql.raw(`alter sequence ${seq} increment by 1`).execute(db)
    }
  })

  it('refuses a batch whose call, process, author or import is not a whole number', () => {
    expect(() => batchPrefix({ ...batch, callId: Number.NaN })).toThrow()
    expect(() => batchPrefix({ ...batch, importId: 1.5 })).toThrow()
  })
})
