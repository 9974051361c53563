// What the search index holds and how a search reads it (migration 20261210-0300): Chinese as
// character pairs, the filters as terms of the document (a narrowed search finds exactly what the
// whole search finds and the filter keeps), a reclassified contribution found under its new group,
// and answers far apart in ids read stretch by stretch, newest first, on each database.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import type { Locale } from '../../core/i18n/locales.ts'
import { changeProcessState, createBody, createProcess, guidingQuestions, openCall } from '../processes/index.ts'
import { insertImportedContributions } from './queries-bulk-batch.ts'
import type { ImportedContribution } from './queries-bulk-write.ts'
import {
  type CampaignMembers,
  type ContributionSearch,
  markCampaignMembers,
  searchContributions,
  textQuery,
} from './queries-search.ts'
import { blockTerms } from './queries-search-windows.ts'

const day = 86_400_000
const system = () => ({ actor: SYSTEM, now: new Date() })
function must<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}
const GROUPS = ['individual', 'civil_society', 'academic_community', 'private_sector']
const REGIONS = [null, 'african', 'weog', 'gruloc']
const TEXTS: Record<string, string> = {
  en: 'Digital cooperation needs open standards',
  fr: 'La coopération numérique exige des normes ouvertes',
  es: 'La cooperación digital necesita estándares abiertos',
}

describe.each(DATABASE_KINDS)('the search index on %s', (kind) => {
  let runtime: TestRuntime
  let callId: number
  let questions: number[]
  // the contributions whose external id starts with C stand for a campaign's members
  const members = sql`select id as contribution_id, 7::bigint as campaign_id from contributions_contribution
    where external_id like 'C%'` as CampaignMembers
  const find = (q: string, more: Partial<ContributionSearch> = {}) =>
    searchContributions(
      runtime.deps.db,
      { callId, q, statuses: ['published'], limit: 1000, countLimit: 5000, ...more },
      members,
    )
  const names = async (q: string) => (await find(q)).hits.map((h) => h.contributorName).sort()

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    const db = runtime.deps.db
    const body = must(await createBody(db, system(), { slug: 'index-wg', name: 'Index working group' }))
    const processId = must(
      await createProcess(db, system(), {
        bodyId: body.id,
        slug: 'indexed-consultation',
        title: 'Indexed consultation',
        mandateSymbol: 'A/RES/70/125',
        questions: ['What should enhanced cooperation achieve?', 'Who should take part?'],
      }),
    ).id
    must(await changeProcessState(db, system(), processId, { to: 'active' }))
    questions = (await guidingQuestions(db, processId)).map((q) => q.id)
    callId = must(
      await openCall(db, system(), processId, {
        title: 'Indexed call',
        opensAt: new Date(Date.now() - day),
        closesAt: new Date(Date.now() + 30 * day),
        eligibility: 'everyone',
        languages: ['ar', 'zh', 'en', 'fr', 'ru', 'es'],
        moderation: 'immediate',
        questionIds: questions,
      }),
    ).id
    const row = (id: string, language: string, text: string, i: number): ImportedContribution => ({
      externalId: id,
      submittedAt: new Date(Date.UTC(2026, 10, 1, 0, i)),
      speakingFor: 'self',
      memberStateIso3: null,
      organizationId: null,
      contributorName: id,
      stakeholderGroup: GROUPS[i % 4] as string,
      regionalGroup: REGIONS[(i >> 2) % 4] ?? null,
      ldc: false,
      lldc: false,
      sids: false,
      language,
      questionId: questions[(i >> 4) % 2] as number,
      text,
      sourceLine: i,
    })
    const chinese = [
      row('Z1', 'zh', '国际合作对发展中国家很重要。', 1),
      row('Z2', 'zh', '合同的工作很多。', 2),
      row('Z3', 'zh', '我们愿意合作', 3),
      row('Z4', 'zh', '合', 4),
    ]
    // every combination of group, region and question, in three languages, a fifth in a "campaign"
    const mixed = Array.from({ length: 96 }, (_, i) => {
      const language = ['en', 'fr', 'es'][i % 3] as string
      return row(`${i % 5 === 0 ? 'C' : 'M'}${i}`, language, TEXTS[language] as string, i)
    })
    const staff = await accountWithRole(runtime, 'secretariat')
    const insert = (rows: ImportedContribution[]) =>
      db
        .transaction()
        .execute((trx) =>
          insertImportedContributions(
            trx,
            { callId, processId, authorAccountId: staff.accountId, importId: 0, sourceFile: 'test' },
            rows,
          ),
        )
    await insert([...chinese, ...mixed.slice(0, 48)])
    // the rest 600,000 ids later: a search reads several stretches of ids to reach the first ones
    await sql`select setval(pg_get_serial_sequence('contributions_contribution', 'id'),
      (select max(id) from contributions_contribution) + 600000)`.execute(db)
    await insert(mixed.slice(48))
    // as the consultation marks its members
    await markCampaignMembers(db, sql`select contribution_id from (${members}) m`, true)
  }, 180_000)
  afterAll(() => runtime.close())

  it('gives every imported answer the document of its own text, language and terms, where copies of a text are parsed once', async () => {
    // 96 of the 100 answers share three texts: the import's indexing parses each once a statement
    const rows = await sql<{ n: number; texts: number; differ: number }>`
      select count(*)::int as n, count(distinct c.imported_text)::int as texts,
        count(*) filter (where s.document is distinct from contributions_search_document(c.imported_text, c.language,
          c.call_id, c.id, c.imported_question_id, c.stakeholder_group, c.regional_group)
          || contributions_search_membership_term(c.external_id like 'C%'))::int as differ
      from contributions_contribution c left join contributions_search s on s.contribution_id = c.id
      where c.call_id = ${callId}`.execute(runtime.deps.db)
    expect(rows.rows[0]).toEqual({ n: 100, texts: 7, differ: 0 })
  })

  it('finds Chinese by character pairs: 合作 inside 国际合作, never 合 and 作 apart, one character wherever it is', async () => {
    expect(await names('合作')).toEqual(['Z1', 'Z3'])
    expect(await names('国际合作')).toEqual(['Z1'])
    expect(await names('"发展中国家"')).toEqual(['Z1'])
    expect(await names('合')).toEqual(['Z1', 'Z2', 'Z3', 'Z4'])
    expect(await names('作')).toEqual(['Z1', 'Z2', 'Z3'])
    expect(await names('合作 -国际')).toEqual(['Z3'])
    const excerpt = (await find('合作')).hits.find((h) => h.contributorName === 'Z1')?.excerpt
    expect(excerpt).toBe('国际\uE000合\uE001\uE000作\uE001对发展中国家很重要')
  })

  it('narrowed by each filter, finds exactly what the whole search finds and the filter keeps', async () => {
    const whole = (await find('cooperation or coopération or cooperación')).hits
    expect(whole).toHaveLength(96)
    const cases: [Partial<ContributionSearch>, (h: (typeof whole)[number]) => boolean][] = [
      [{ language: 'fr' as Locale }, (h) => h.language === 'fr'],
      [{ stakeholderGroup: 'civil_society' }, (h) => h.stakeholderGroup === 'civil_society'],
      [{ regionalGroup: 'weog' }, (h) => h.regionalGroup === 'weog'],
      [{ regionalGroup: 'none' }, (h) => h.regionalGroup === null],
      [{ questionId: questions[1] }, (h) => h.questionId === questions[1]],
      [{ campaign: 'yes' }, (h) => h.campaignId !== null],
      [{ campaign: 'no', language: 'en' as Locale }, (h) => h.campaignId === null && h.language === 'en'],
      [
        { language: 'es' as Locale, stakeholderGroup: 'private_sector', regionalGroup: 'african' },
        (h) => h.language === 'es' && h.stakeholderGroup === 'private_sector' && h.regionalGroup === 'african',
      ],
    ]
    for (const [filter, keep] of cases) {
      const narrowed = await find('cooperation or coopération or cooperación', filter)
      const expected = whole.filter(keep).map((h) => h.contributionId)
      expect(expected.length).toBeGreaterThan(0)
      expect(narrowed.hits.map((h) => h.contributionId)).toEqual(expected)
      expect(narrowed.total).toBe(expected.length)
    }
  })

  it('reads answers far apart in ids newest first, counting the newest and paging on past them', async () => {
    const all = await find('digital or numérique')
    const ids = all.hits.map((h) => h.contributionId)
    expect(ids).toHaveLength(96)
    expect(ids).toEqual([...ids].sort((a, b) => b - a))
    expect((ids[0] as number) - (ids[95] as number)).toBeGreaterThan(600000)
    const bounded = await find('digital or numérique', { limit: 30, countLimit: 40 })
    expect([bounded.total, bounded.more]).toEqual([40, true])
    expect(bounded.hits.map((h) => h.contributionId)).toEqual(ids.slice(0, 30))
    // a page that starts past the counted ones, across the gap in ids
    const key = all.hits[44] as { contributionId: number; questionId: number }
    const later = await find('digital or numérique', { limit: 30, countLimit: 40, after: key })
    expect(later.hits.map((h) => h.contributionId)).toEqual(ids.slice(45, 75))
    expect(later.next).toEqual({ contributionId: ids[74], questionId: all.hits[74]?.questionId })
  })

  it('reads its matches by a statement PostgreSQL never JIT-compiles (compiling one took longer than the search)', async () => {
    // migration 20261212-0400: at 1,000,000 a search over the whole index is estimated past
    // jit_above_cost and was compiled for 15-18 ms to read 150 rows in 18
    const fn = await sql<{ config: string[] | null }>`select proconfig as config from pg_proc
      where proname = 'contributions_search_matches'`.execute(runtime.deps.db)
    expect(fn.rows[0]?.config).toContain('jit=off')
  })

  it('finds a reclassified contribution under its new group and region only', async () => {
    const db = runtime.deps.db
    await sql`update contributions_contribution set stakeholder_group = 'technical_community', regional_group = 'eeg'
      where external_id = 'M1'`.execute(db)
    const q = 'digital or numérique'
    expect((await find(q, { stakeholderGroup: 'technical_community' })).hits.map((h) => h.contributorName)).toEqual([
      'M1',
    ])
    expect((await find(q, { regionalGroup: 'eeg' })).hits.map((h) => h.contributorName)).toEqual(['M1'])
    const before = await find(q, { stakeholderGroup: GROUPS[1] })
    expect(before.hits.map((h) => h.contributorName)).not.toContain('M1')
    expect(before.total).toBe(23)
  })
})

describe('the blocks of ids a stretch is read by', () => {
  it('covers exactly the ids of the stretch with the widest blocks that fit', () => {
    const size = (t: string) => 2 ** Number(t.slice(1, 3))
    const start = (t: string) => Number(t.split(' ')[1]?.replace("'", '')) * size(t)
    for (const [lo, hi] of [
      [4096, 8192],
      [0, 2 ** 19],
      [3 * 4096, 300 * 4096],
      [262144 - 4096, 262144 + 32768 + 4096],
    ] as const) {
      const terms = blockTerms(lo, hi).map((t) => t.slice(1))
      const covered = terms.map((t) => [start(t), start(t) + size(t)]).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0))
      expect(covered[0]?.[0]).toBe(lo)
      expect(covered.at(-1)?.[1]).toBe(hi)
      for (let i = 1; i < covered.length; i++) expect(covered[i]?.[0]).toBe(covered[i - 1]?.[1])
    }
    expect(blockTerms(0, 2 ** 19)).toEqual(["'b18 1'", "'b18 0'"])
  })
})

describe('the text queries of a search', () => {
  const input = { callId: 5, q: 'x', statuses: ['published'] as const, limit: 20 }
  const alike = Object.fromEntries(['ar', 'zh', 'en', 'fr', 'ru', 'es'].map((l) => [l, "'合作'"]))

  it('names no language when all six parse the words alike, and the languages of each parse otherwise', () => {
    expect(textQuery(input, alike)).toEqual(["('合作')", "'call 5'"])
    expect(textQuery(input, { ...alike, zh: "'合':*" })).toEqual([
      "('合作') & ('lang ar' | 'lang en' | 'lang fr' | 'lang ru' | 'lang es') | ('合':*) & ('lang zh')",
      "'call 5'",
    ])
  })

  it('asks for the words and each filter as conditions of their own, a chosen language among the filters', () => {
    expect(
      textQuery({ ...input, language: 'zh', stakeholderGroup: 'academic_community', campaign: 'yes' }, alike),
    ).toEqual(["('合作')", "'call 5'", "'lang zh'", "'grp academic_community'", "'in campaign'"])
  })

  it("leaves the call's term out only when the call is most of the index", () => {
    expect(textQuery(input, alike, 0.9)).toEqual(["('合作')"])
    expect(textQuery(input, alike, 0.2)).toEqual(["('合作')", "'call 5'"])
    expect(textQuery({ ...input, campaign: 'no' }, alike, 0.9)).toEqual(["('合作')", "'no campaign'"])
  })
})
