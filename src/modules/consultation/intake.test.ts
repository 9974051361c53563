// Bulk intake and campaigns on each database: a CSV with good and bad records (rejects with their
// reasons, nothing valid lost), an interrupted import resumed, a re-run that adds nothing twice,
// the bulk API (NDJSON) for the Secretariat only, externalId in the contributions API, and the
// campaigns found by the rebuild and by incremental assignment.
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, apiTokenFor, signUp } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import type { Db } from '../../core/db/database.ts'
import { contributionTexts, searchContributions } from '../contributions/index.ts'
import { changeProcessState, createBody, createProcess, guidingQuestions, openCall } from '../processes/index.ts'
import { assignArrived } from './jobs.ts'
import { campaignsOfCall, rejectsOf } from './queries.ts'
import { assignContribution } from './queries-assign.ts'
import { runImport, sha256Of, startImport } from './queries-intake.ts'
import { rebuildCampaigns } from './queries-rebuild.ts'

const day = 86_400_000
const system = () => ({ actor: SYSTEM, now: new Date() })
function must<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}

const HEADER = 'external_id,submitted_at,speaker_kind,speaker_name,organization,country,language,question,text'
const TEMPLATE =
  'We ask the working group to keep the Internet open and affordable. Every person should be able to connect, learn and take part in public life without fear of being watched or cut off. Governments, companies and the technical community share this duty, and each should report every year on what it has done. Decisions about the network should be taken in the open, with the people who use it, in their own languages, and with time to answer.'

function csv(rows: string[][]): string {
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)
  return `${HEADER}\n${rows.map((r) => r.map(cell).join(',')).join('\n')}\n`
}

describe.each(DATABASE_KINDS)('bulk intake and campaigns on %s', (kind) => {
  let runtime: TestRuntime
  let db: Db
  let secretariat: { accountId: number }

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    db = runtime.deps.db
    secretariat = await accountWithRole(runtime, 'secretariat')
  }, 180_000)
  afterAll(() => runtime.close())

  /** An open call on a process of the test's own: no test counts another's records or campaigns. */
  let made = 0
  async function aCall() {
    made += 1
    const body = must(await createBody(db, system(), { slug: `wg-${made}`, name: `Working group ${made}` }))
    const processId = must(
      await createProcess(db, system(), {
        bodyId: body.id,
        slug: `open-consultation-${made}`,
        title: 'Open consultation',
        mandateSymbol: 'A/RES/70/125',
        questions: ['What should enhanced cooperation achieve?', 'What else?'],
      }),
    ).id
    must(await changeProcessState(db, system(), processId, { to: 'active' }))
    const questions = (await guidingQuestions(db, processId)).map((q) => q.id)
    const callId = must(
      await openCall(db, system(), processId, {
        title: 'Open call',
        opensAt: new Date(Date.now() - day),
        closesAt: new Date(Date.now() + 30 * day),
        eligibility: 'everyone',
        languages: ['en', 'fr', 'es'],
        moderation: 'immediate',
        questionIds: questions,
      }),
    ).id
    return { processId, callId }
  }

  /** The campaign the rebuild finds: R1 and N1 (the template), C1, C2 (the same text), C3 (extended), C4 (a typo). */
  async function aCallWithACampaign() {
    const call = await aCall()
    const copies = [
      ['R1', TEMPLATE],
      ['N1', TEMPLATE],
      ['C1', TEMPLATE],
      ['C2', TEMPLATE.toUpperCase()],
      ['C3', `${TEMPLATE} Our library is the only connection in town.`],
      ['C4', TEMPLATE.replace('affordable', 'afordable')],
      ['U1', 'Standards bodies should publish their drafts openly and take comments from anyone.'],
    ].map(([id, text], i) => [
      id as string,
      `2026-11-05T10:0${i}:00Z`,
      'individual',
      `M${i}`,
      '',
      '',
      'en',
      '1',
      text as string,
    ])
    await importText(call.callId, csv(copies), 'campaign.csv')
    const summary = must(await rebuildCampaigns(db, system(), call.callId))
    return { ...call, summary }
  }

  async function importText(
    callId: number,
    text: string,
    fileName: string,
    options: { stopAfterBatches?: number; batchSize?: number } = {},
  ) {
    const started = must(
      await startImport(db, system(), {
        callId,
        accountId: secretariat.accountId,
        fileName,
        format: 'csv',
        sha256: sha256Of(text),
      }),
    )
    return must(await runImport(db, system(), started.id, Readable.from([Buffer.from(text)]), options))
  }

  it('imports the valid records and sends each refused one to the rejects with its reason', async () => {
    const { callId } = await aCall()
    const file = csv([
      ['R1', '2026-11-02T10:00:00Z', 'individual', 'Ana Souza', '', 'BRA', 'es', '1', TEMPLATE],
      ['R2', 'yesterday', 'individual', 'Bo', '', '', 'en', '1', 'A text.'],
      ['R3', '2026-11-02T10:02:00Z', 'member_state', '', '', 'KEN', 'en', '2', 'Kenya speaks.'],
      ['R4', '2026-11-02T10:03:00Z', 'organization', 'Cy', 'Unknown Alliance', '', 'fr', '', 'Une alliance.'],
      ['R5', '2026-11-02T10:04:00Z', 'individual', 'Di', '', 'XXX', 'en', '1', 'Nowhere.'],
      ['R6', '2026-11-02T10:05:00Z', 'individual', 'Ed', '', '', 'ru', '1', 'Language not taken.'],
      ['R7', '2026-11-02T10:06:00Z', 'individual', 'Fa', '', '', 'en', '9', 'No such question.'],
      ['', '2026-11-02T10:07:00Z', 'individual', 'Gi', '', '', 'en', '1', 'No id.'],
      ['R8\u0000', '2026-11-02T10:08:00Z', 'individual', 'Hu', '', '', 'en', '1', 'A hidden\u0000byte.'],
    ])
    const run = await importText(callId, file, 'first.csv')
    expect(run.import).toMatchObject({ status: 'done', records: 9, accepted: 3, rejected: 6, alreadyThere: 0 })
    const rejects = await rejectsOf(db, run.import.id)
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([
      [3, 'submitted_at is not an ISO 8601 date'],
      [6, 'country XXX is not the ISO alpha-3 code of a Member State'],
      [7, 'the call does not take contributions in ru'],
      [8, 'question 9 is not a guiding question of the call'],
      [9, 'external_id is empty'],
      [10, 'external_id holds a NUL character'],
    ])
    // kept as read but for the NUL, which no PostgreSQL text can hold
    expect(rejects.at(-1)).toMatchObject({ externalId: 'R8\uFFFD', record: { text: 'A hidden\uFFFDbyte.' } })
    const texts = await contributionTexts(db, run.added)
    expect(texts.map((t) => [t.externalId, t.contributorName, t.stakeholderGroup, t.regionalGroup])).toEqual([
      ['R1', 'Ana Souza', 'individual', 'grulac'],
      ['R3', 'Kenya', 'government', 'african'],
      ['R4', 'Unknown Alliance', 'civil_society', null],
    ])
  })

  it('adds nothing twice when the same records come again, in the same file or another', async () => {
    const { callId } = await aCall()
    const R1 = ['R1', '2026-11-02T10:00:00Z', 'individual', 'Ana Souza', '', 'BRA', 'es', '1', TEMPLATE]
    const first = await importText(callId, csv([R1, R1]), 'first.csv')
    expect(first.import).toMatchObject({ accepted: 1, alreadyThere: 1, rejected: 0 })
    const again = await importText(
      callId,
      csv([
        ['R1', '2026-11-02T10:00:00Z', 'individual', 'Ana Souza', '', 'BRA', 'es', '1', TEMPLATE],
        ['R8', '2026-11-02T11:00:00Z', 'individual', 'Hu', '', '', 'en', '1', 'New one.'],
      ]),
      'second.csv',
    )
    expect(again.import).toMatchObject({ accepted: 1, alreadyThere: 1, rejected: 0 })
  })

  it('resumes an interrupted import after the last batch it committed', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => [
      `S${i}`,
      '2026-11-03T09:00:00Z',
      'individual',
      `P${i}`,
      '',
      '',
      'en',
      '1',
      `Text number ${i}.`,
    ])
    const file = csv(rows)
    const { callId } = await aCall()
    const first = await importText(callId, file, 'big.csv', { batchSize: 10, stopAfterBatches: 1 })
    expect(first.import).toMatchObject({ status: 'running', accepted: 10, lineDone: 11 })
    const second = await importText(callId, file, 'big.csv', { batchSize: 10 })
    expect(second.import).toMatchObject({ status: 'done', records: 25, accepted: 25, alreadyThere: 0 })
    expect(second.added).toHaveLength(15)
  })

  it('gives externalId in the contributions API', async () => {
    const { processId, callId } = await aCall()
    const R1 = ['R1', '2026-11-02T10:00:00Z', 'individual', 'Ana Souza', '', 'BRA', 'es', '1', TEMPLATE]
    await importText(callId, csv([R1]), 'first.csv')
    const { status, body } = await new (await import('../../../test/support/client.ts')).TestClient(runtime).json(
      `/api/v1/processes/${processId}/contributions?call=${callId}`,
    )
    expect(status).toBe(200)
    expect(body.data.map((k: { externalId: string | null }) => k.externalId)).toContain('R1')
  })

  it('finds an imported contribution in the search once its import is done, and shows its text on its page', async () => {
    const { callId } = await aCall()
    const run = await importText(
      callId,
      csv([
        ['Q1', '2026-11-04T10:00:00Z', 'individual', 'Iris', '', '', 'fr', '1', 'La coopération numérique renforcée.'],
      ]),
      'search.csv',
    )
    const [id] = run.added
    const found = await searchContributions(db, { callId, q: 'coopération', statuses: ['published'], limit: 20 })
    expect(found.hits.map((h) => [h.contributionId, h.contributorName])).toContainEqual([id, 'Iris'])
    expect(found.hits.find((h) => h.contributionId === id)?.excerpt).toContain('numérique')
    const page = await new (await import('../../../test/support/client.ts')).TestClient(runtime).get(
      `/contributions/${id}`,
    )
    expect(page.response.status).toBe(200)
    expect(page.html).toContain('La coopération numérique renforcée.')
  })

  it('takes NDJSON from the Secretariat through the bulk API and refuses it from others', async () => {
    const { callId } = await aCall()
    const token = await apiTokenFor(runtime, secretariat.accountId)
    const lines = [
      {
        external_id: 'N1',
        submitted_at: '2026-11-04T08:00:00Z',
        speaker_kind: 'individual',
        speaker_name: 'Ng',
        language: 'en',
        text: TEMPLATE,
      },
      {
        external_id: 'N2',
        submitted_at: 'soon',
        speaker_kind: 'individual',
        speaker_name: 'Ny',
        language: 'en',
        text: 'x',
      },
    ]
    const body = lines.map((l) => JSON.stringify(l)).join('\n')
    const send = (auth: string) =>
      runtime.app.request(`/api/v1/calls/${callId}/contributions/bulk`, {
        method: 'POST',
        headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/x-ndjson', host: 'localhost' },
        body,
      })
    const res = await send(token)
    expect(res.status).toBe(200)
    const answer = (await res.json()) as { data: { accepted: number; rejects: { line: number; reason: string }[] } }
    expect(answer.data.accepted).toBe(1)
    expect(answer.data.rejects).toEqual([{ line: 2, externalId: 'N2', reason: 'submitted_at is not an ISO 8601 date' }])
    const again = (await (await send(token)).json()) as { data: { accepted: number } }
    expect(again.data.accepted).toBe(1)
    const participant = await signUp(runtime, 'Plain Participant')
    const account = Number(
      (
        await runtime.deps.db
          .selectFrom('authAccount')
          .select('id')
          .where('displayName', '=', 'Plain Participant')
          .executeTakeFirstOrThrow()
      ).id,
    )
    expect(participant).toBeTruthy()
    expect((await send(await apiTokenFor(runtime, account))).status).toBe(403)
  })

  it('finds campaigns on a rebuild, with template, exact groups and personal additions, and lists them in the API', async () => {
    const { callId, summary } = await aCallWithACampaign()
    expect(summary.campaigns).toBe(1)
    const { rows } = await campaignsOfCall(db, callId, { limit: 10, offset: 0 })
    // R1, N1, C1, C2 (same text), C3 (extended), C4 (typo)
    expect(rows[0]).toMatchObject({ size: 6, exactGroups: 3 })
    const client = new (await import('../../../test/support/client.ts')).TestClient(runtime)
    const list = await client.json(`/api/v1/calls/${callId}/campaigns`)
    expect(list.status).toBe(200)
    expect(list.body.meta).toMatchObject({
      total: 1,
      method: { shingle: 3, threshold: 0.8, permutations: 128, bands: 16 },
    })
    const members = await client.json(`/api/v1/campaigns/${list.body.data[0].id}/contributions`)
    const c3 = members.body.data.find((m: { externalId: string }) => m.externalId === 'C3')
    expect(c3.personalAdditions).toBe('Our library is the only connection in town.')
    expect(members.body.data.find((m: { externalId: string }) => m.externalId === 'C1').personalAdditions).toBe('')
  })

  it('assigns an arriving contribution to its campaign in milliseconds, and a lone one to none', async () => {
    const { callId } = await aCallWithACampaign()
    const before = (await campaignsOfCall(db, callId, { limit: 1, offset: 0 })).rows[0]
    const run = await importText(
      callId,
      csv([
        [
          'A1',
          '2026-11-06T10:00:00Z',
          'individual',
          'Late',
          '',
          '',
          'en',
          '1',
          `${TEMPLATE} Also, please translate the report.`,
        ],
        [
          'A2',
          '2026-11-06T10:01:00Z',
          'individual',
          'Other',
          '',
          '',
          'en',
          '1',
          'Nothing like the others at all, about spectrum auctions.',
        ],
      ]),
      'late.csv',
    )
    const [late, other] = await contributionTexts(db, run.added)
    const t0 = performance.now()
    const joined = await assignContribution(db, late as never)
    const elapsed = performance.now() - t0
    expect(joined?.campaignId).toBe(before?.id)
    expect((await assignContribution(db, other as never))?.campaignId).toBeNull()
    expect(await assignContribution(db, late as never)).toBeNull()
    expect(elapsed).toBeLessThan(1000)
    expect((await campaignsOfCall(db, callId, { limit: 1, offset: 0 })).rows[0]?.size).toBe((before?.size ?? 0) + 1)
    // contributions submitted on the platform are picked up by the recurring job
    expect(await assignArrived(db)).toBe(0)
  })
})
