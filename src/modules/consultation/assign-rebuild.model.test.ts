// Assignment and rebuild against a reference, on each database: random sequences of arrivals
// (exact, edited and unrelated copies of a few texts), withdrawals, threshold changes and rebuilds
// on a call of their own. Between rebuilds, every published contribution is in exactly one member
// row, copies of one text share it, and the counts kept (a text's members, a campaign's size, the
// call's analysed and lone) are those of the member rows. After a rebuild, the campaigns are those
// a cold rebuild of the published texts finds (the rules' clustering, run here on its own).
import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { contributionTexts, insertImportedContributions } from '../contributions/index.ts'
import { must, openConsultation, system } from './open-call-fixture.ts'
import { assignContribution } from './queries-assign.ts'
import { startImport } from './queries-intake.ts'
import { rebuildCampaigns } from './queries-rebuild.ts'
import { setThreshold } from './queries-settings.ts'
import { clusterSignatures } from './rules/clusters.ts'
import { asImported, generateContributions } from './rules/generate.ts'
import { DEFAULT_METHOD, signature } from './rules/minhash.ts'
import { textHash, words } from './rules/normalize.ts'

// two templates, each sent as it is and edited, and three texts of their own
const [first, second, ...own] = [...generateContributions({ total: 5, seed: 3, campaignShare: 0 })].map((g) => g.text)
const POOL = [
  first,
  `${first} And one more sentence of mine.`,
  first?.replace(/\b(\w)(\w)/, '$2$1'),
  second,
  `${second} Also this.`,
  ...own,
] as string[]

type Op =
  | { kind: 'arrive'; text: number }
  | { kind: 'withdraw'; pick: number }
  | { kind: 'threshold'; value: number }
  | { kind: 'rebuild' }

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('arrive' as const), text: fc.nat(POOL.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('threshold' as const), value: fc.constantFrom(0.5, 0.8, 0.95) }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'rebuild' as const }) },
)

describe.each(DATABASE_KINDS)('assignment and rebuild against a reference on %s', (kind) => {
  let runtime: TestRuntime
  let accountId: number
  let run = 0

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    accountId = (await accountWithRole(runtime, 'secretariat')).accountId
  }, 180_000)
  afterAll(() => runtime.close())

  /** The member rows of the call against its published contributions and its kept counts. */
  const check = async (callId: number, threshold: number, rebuilt: boolean) => {
    const db = runtime.deps.db
    const rows = (
      await sql<{
        id: string
        published: boolean
        text: string
        rows: number
        textId: string | null
        campaignId: string | null
      }>`
        select c.id, c.status = 'published' as published, c.imported_text as text,
          (select count(*)::int from consultation_member m where m.contribution_id = c.id) as rows,
          m.text_id as "textId", m.campaign_id as "campaignId"
        from contributions_contribution c left join consultation_member m on m.contribution_id = c.id
        where c.call_id = ${callId} order by c.id`.execute(db)
    ).rows
    for (const r of rows) expect(r.rows).toBe(r.published ? 1 : rebuilt ? 0 : r.rows)
    // copies of one text share its row, and so its campaign
    const published = rows.filter((r) => r.published)
    const byHash = new Map<string, string | null>()
    for (const r of published) {
      const hash = textHash(words(r.text))
      if (byHash.has(hash)) expect(r.textId).toBe(byHash.get(hash))
      else byHash.set(hash, r.textId)
    }
    const counts = await sql<{ what: string; kept: number; rows: number }>`
      select 'text ' || t.id as what, t.members as kept, (select count(*)::int from consultation_member m where m.text_id = t.id) as rows
        from consultation_text t where t.call_id = ${callId}
      union all select 'campaign ' || k.id, k.size, (select count(*)::int from consultation_member m where m.campaign_id = k.id)
        from consultation_campaign k where k.call_id = ${callId}
      union all select 'analysed', s.analysed, (select count(*)::int from consultation_member m where m.call_id = s.call_id)
        from consultation_setting s where s.call_id = ${callId}
      union all select 'lone', s.lone, (select count(*)::int from consultation_member m where m.call_id = s.call_id and m.campaign_id is null)
        from consultation_setting s where s.call_id = ${callId}`.execute(db)
    expect(counts.rows.filter((c) => c.kept !== c.rows)).toEqual([])
    if (!rebuilt) return
    // a cold rebuild: distinct texts in order of their first contribution, clustered, components of two or more
    const texts = new Map<string, number[]>()
    for (const r of published) {
      const w = words(r.text)
      const hash = textHash(w)
      texts.set(hash, [...(texts.get(hash) ?? []), Number(r.id)])
    }
    const sigs = [...texts.keys()].map((h) =>
      signature(words(published.find((r) => textHash(words(r.text)) === h)?.text ?? ''), DEFAULT_METHOD),
    )
    const { roots } = clusterSignatures(sigs, { ...DEFAULT_METHOD, threshold })
    const groups = new Map<number, number[]>()
    let t = 0
    for (const ids of texts.values()) {
      const root = roots[t++] as number
      groups.set(root, [...(groups.get(root) ?? []), ...ids])
    }
    const expected = [...groups.values()].filter((g) => g.length >= 2).map((g) => g.sort((a, b) => a - b).join(','))
    const actual = new Map<string, number[]>()
    for (const r of published)
      if (r.campaignId) actual.set(r.campaignId, [...(actual.get(r.campaignId) ?? []), Number(r.id)])
    expect([...actual.values()].map((g) => g.sort((a, b) => a - b).join(',')).sort()).toEqual(expected.sort())
  }

  it('keeps every published contribution in one campaign or none, and rebuilds as a cold rebuild does', async () => {
    const db = runtime.deps.db
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        const { processId, callId, questionIds } = await openConsultation(db, `model-${kind}-${++run}`)
        const started = must(
          await startImport(db, system(), { callId, accountId, fileName: 'm.csv', format: 'csv', sha256: `m${run}` }),
        )
        const ids: number[] = []
        let threshold = DEFAULT_METHOD.threshold
        let line = 0
        for (const o of ops) {
          if (o.kind === 'arrive') {
            const [g] = [...generateContributions({ total: 1, seed: line + 1 })]
            const [stored] = await insertImportedContributions(
              db,
              { callId, processId, authorAccountId: accountId, importId: started.id, sourceFile: 'm.csv' },
              [
                {
                  ...asImported(g as never, questionIds[0] as number, ++line),
                  text: POOL[o.text] as string,
                  externalId: `m-${line}`,
                },
              ],
            )
            ids.push(Number(stored?.id))
            const [c] = await contributionTexts(db, [Number(stored?.id)])
            await assignContribution(db, c as never)
          } else if (o.kind === 'withdraw' && ids.length > 0) {
            await sql`update contributions_contribution set status = 'withdrawn', withdrawn_at = now()
              where id = ${ids[o.pick % ids.length] as number}`.execute(db)
          } else if (o.kind === 'threshold') {
            must(await setThreshold(db, system(), callId, o.value))
            threshold = o.value
          } else if (o.kind === 'rebuild') must(await rebuildCampaigns(db, system(), callId))
          await check(callId, threshold, o.kind === 'rebuild')
        }
      }),
      { numRuns: 12 },
    )
  }, 600_000)
})
