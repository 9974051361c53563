// Full-text search in a call's contributions, in the six languages, with the counts a reader
// narrows by (guiding question, stakeholder group, UN region, language, campaign or none), a page
// of answers newest first (keyset) and their excerpts with the words found marked.
import { type RawBuilder, sql } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { LOCALES, type Locale } from '../../core/i18n/locales.ts'

/** Marks around the words found in an excerpt (private-use characters, taken out of the text first). */
export const MARK_START = '\uE000'
export const MARK_END = '\uE001'

export interface ContributionSearch {
  callId: number
  q: string
  /** what the reader may read the text of: published, and for moderators those held for review */
  statuses: readonly ('published' | 'pending_review')[]
  questionId?: number | undefined
  stakeholderGroup?: string | undefined
  /** a UN regional group, or 'none' for speakers without one */
  regionalGroup?: string | undefined
  language?: Locale | undefined
  /** 'yes': in a campaign of near-identical contributions; 'no': in none */
  campaign?: 'yes' | 'no' | undefined
  /** keyset: the page starts after this answer (newest first) */
  after?: { contributionId: number; questionId: number } | undefined
  limit: number
  /** how many matching answers, the newest, the total and the facets count at most (COUNT_LIMIT) */
  countLimit?: number | undefined
}

/** A call's contributions that are in a campaign, as the consultation module gives them. */
export type CampaignMembers = RawBuilder<{ contribution_id: number; campaign_id: number }>

export interface FacetCount {
  key: string
  n: number
}

export interface SearchFacets {
  questions: FacetCount[]
  stakeholderGroups: FacetCount[]
  regions: FacetCount[]
  languages: FacetCount[]
  campaign: FacetCount[]
}

export interface SearchHit {
  contributionId: number
  questionId: number
  campaignId: number | null
  contributorName: string
  stakeholderGroup: string
  regionalGroup: string | null
  language: string
  status: string
  submittedAt: Date
  /** the text around the words found, with MARK_START / MARK_END around each */
  excerpt: string
}

/**
 * The query parsed once by each language's configuration (one round trip), as the library does,
 * so that the search compares with constants; a language whose parse is empty (stop words only)
 * is left out, and no parse fails: websearch_to_tsquery takes any text.
 */
async function parsedQueries(db: Db, q: string): Promise<Partial<Record<Locale, string>>> {
  const result = await sql<Record<Locale, string>>`select ${sql.join(
    LOCALES.map(
      (l) =>
        sql`websearch_to_tsquery(contributions_search_config(${l}), contributions_search_text(${q}, ${l}))::text as ${sql.ref(l)}`,
    ),
  )}`.execute(db)
  const row = result.rows[0]
  return Object.fromEntries(LOCALES.flatMap((l) => (row?.[l] ? [[l, row[l]]] : [])))
}

/** Each answer matches the query in its own language's configuration. */
function matches(parsed: Partial<Record<Locale, string>>) {
  const branches = Object.entries(parsed).map(([l, tq]) => sql`(s.language = ${l} and s.document @@ ${tq}::tsquery)`)
  return branches.length ? sql<boolean>`(${sql.join(branches, sql` or `)})` : sql<boolean>`false`
}

function queryOfLanguage(parsed: Partial<Record<Locale, string>>) {
  const whens = Object.entries(parsed).map(([l, tq]) => sql`when ${l} then ${tq}::tsquery`)
  return whens.length ? sql`case r.language ${sql.join(whens, sql` `)} end` : sql`null::tsquery`
}

function conditions(input: ContributionSearch, parsed: Partial<Record<Locale, string>>) {
  // a chosen language leaves one branch of the match: the others could only be false
  const inLanguage = input.language
    ? Object.fromEntries(Object.entries(parsed).filter(([l]) => l === input.language))
    : parsed
  const where = [
    sql`s.call_id = ${input.callId}`,
    sql`s.status in (${sql.join(input.statuses.map((s) => sql`${s}`))})`,
    matches(inLanguage),
  ]
  if (input.questionId) where.push(sql`s.question_id = ${input.questionId}`)
  if (input.stakeholderGroup) where.push(sql`s.stakeholder_group = ${input.stakeholderGroup}`)
  if (input.regionalGroup === 'none') where.push(sql`s.regional_group is null`)
  else if (input.regionalGroup) where.push(sql`s.regional_group = ${input.regionalGroup}`)
  if (input.language) where.push(sql`s.language = ${input.language}`)
  if (input.campaign === 'yes') where.push(sql`cm.contribution_id is not null`)
  if (input.campaign === 'no') where.push(sql`cm.contribution_id is null`)
  return sql.join(where, sql` and `)
}

// json keys of one word read the same whether or not the CamelCasePlugin renames nested keys
interface Group {
  question: number
  grp: string
  region: string | null
  language: string
  campaign: boolean
  n: number
}

interface PageRow {
  contribution: number
  question: number
  campaign: number | null
}

/** The counts of each facet, added up from the counts by combination (one grouping pass). */
export function facetsOf(groups: readonly Group[]): SearchFacets {
  const count = (key: (g: Group) => string): FacetCount[] => {
    const totals = new Map<string, number>()
    for (const g of groups) totals.set(key(g), (totals.get(key(g)) ?? 0) + Number(g.n))
    return [...totals].map(([k, n]) => ({ key: k, n })).sort((a, b) => b.n - a.n || a.key.localeCompare(b.key))
  }
  return {
    questions: count((g) => String(g.question)),
    stakeholderGroups: count((g) => g.grp),
    regions: count((g) => g.region ?? 'none'),
    languages: count((g) => g.language),
    campaign: count((g) => (g.campaign ? 'yes' : 'no')),
  }
}

const parseJson = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T

/**
 * At most this many matching answers, the newest, are counted into the total and the facets: a
 * broad query over a million answers would otherwise read every match (and its row) on every
 * page. Past it, `more` says so and the counts are of the newest ones.
 */
export const COUNT_LIMIT = 2000

/** The answers matching the query and the filters, newest first, with what the counts need. */
function matching(input: ContributionSearch, parsed: Partial<Record<Locale, string>>, membership: RawBuilder<unknown>) {
  const after = input.after
    ? sql` and (s.contribution_id, s.question_id) < (${input.after.contributionId}, ${input.after.questionId})`
    : sql``
  return sql`select s.contribution_id, s.question_id, s.stakeholder_group, s.regional_group, s.language,
      cm.campaign_id, cm.contribution_id is not null as in_campaign
    from contributions_search s left join (${membership}) cm on cm.contribution_id = s.contribution_id
    where ${conditions(input, parsed)}${after}
    order by s.contribution_id desc, s.question_id desc`
}

/**
 * One statement reads the newest matching answers, up to one past COUNT_LIMIT (newest first, so a
 * broad query walks the newest answers and stops, and a narrow one reads its few matches through
 * the text index), counts them by combination of the five facets, and takes the page from them
 * (or, after a keyset, from the answers after it); a second reads the page's excerpts.
 * `members` is the consultation's subquery of the call's campaign members (joined, never copied).
 */
export async function searchContributions(
  db: Db,
  input: ContributionSearch,
  members?: CampaignMembers,
): Promise<{
  total: number
  /** more answers match than COUNT_LIMIT: the total and the facets are of the newest ones */
  more: boolean
  facets: SearchFacets
  hits: SearchHit[]
  next: SearchContinuation | null
}> {
  const parsed = await parsedQueries(db, input.q)
  const countLimit = input.countLimit ?? COUNT_LIMIT
  const membership = members ?? sql`select null::bigint as contribution_id, null::bigint as campaign_id where false`
  const pageFrom = input.after
    ? sql`(${matching(input, parsed, membership)} limit ${input.limit + 1})`
    : sql`(select * from m order by contribution_id desc, question_id desc limit ${input.limit + 1})`
  const statement = sql<{ counted: number; groups: unknown; page: unknown }>`with m as materialized (
      ${matching({ ...input, after: undefined }, parsed, membership)} limit ${Math.max(countLimit, input.limit) + 1})
    select
      (select count(*)::int from m) as counted,
      (select coalesce(json_agg(g), '[]') from (
        select question_id as question, stakeholder_group as grp, regional_group as region, language,
          in_campaign as campaign, count(*)::int as n
        from (select * from m order by contribution_id desc, question_id desc limit ${countLimit}) newest
        group by 1, 2, 3, 4, 5) g) as groups,
      (select coalesce(json_agg(p), '[]') from (
        select contribution_id as contribution, question_id as question, campaign_id as campaign
        from ${pageFrom} p0) p) as page`
  // narrowed by a filter, the newest matches may be few among many newer answers: reading the
  // answers newest first until enough match could read the whole call, so the text index finds
  // the matches (as many as the words have) and the filters sort them out
  const narrowed = input.questionId || input.stakeholderGroup || input.regionalGroup || input.language || input.campaign
  const result = narrowed
    ? await inTransaction(db, async (trx) => {
        await sql`set local enable_indexscan = off`.execute(trx)
        const rows = await statement.execute(trx)
        await sql`set local enable_indexscan = on`.execute(trx)
        return rows
      })
    : await statement.execute(db)
  const row = result.rows[0]
  const groups = parseJson<Group[]>(row?.groups ?? [])
  const page = parseJson<PageRow[]>(row?.page ?? [])
  const more = page.length > input.limit
  const shown = page.slice(0, input.limit)
  const hits = await pageOf(db, shown, parsed)
  const last = shown.at(-1)
  return {
    total: groups.reduce((sum, g) => sum + Number(g.n), 0),
    more: Number(row?.counted ?? 0) > countLimit,
    facets: facetsOf(groups),
    hits,
    next: more && last ? { contributionId: Number(last.contribution), questionId: Number(last.question) } : null,
  }
}

export type SearchContinuation = { contributionId: number; questionId: number }

const HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`
// a Chinese character is one word: none is too short to open or close an excerpt
const HEADLINE_ZH = `${HEADLINE}, ShortWord=0, MaxWords=60, MinWords=24`

/** The page's answers with who sent them and an excerpt around the words found. */
async function pageOf(db: Db, page: readonly PageRow[], parsed: Partial<Record<Locale, string>>): Promise<SearchHit[]> {
  if (page.length === 0) return []
  const rows = await sql<Omit<SearchHit, 'campaignId'>>`
    select c.id::int as "contributionId", r.question_id as "questionId", c.contributor_name as "contributorName",
      c.stakeholder_group as "stakeholderGroup", c.regional_group as "regionalGroup", r.language, c.status,
      c.created_at as "submittedAt",
      ts_headline(contributions_search_config(r.language),
        case when r.language = 'zh' then contributions_search_text(translate(r.body, ${MARK_START + MARK_END}, ''), 'zh')
          else translate(r.body, ${MARK_START + MARK_END}, '') end,
        coalesce(${queryOfLanguage(parsed)}, ''::tsquery),
        case when r.language = 'zh' then ${HEADLINE_ZH} else ${HEADLINE} end) as excerpt
    from unnest(${page.map((p) => Number(p.contribution))}::bigint[], ${page.map((p) => Number(p.question))}::int[])
      as p(contribution_id, question_id)
    join contributions_contribution c on c.id = p.contribution_id
    join contributions_current_answer r on r.contribution_id = c.id and r.question_id = p.question_id`.execute(db)
  const byKey = new Map(rows.rows.map((h) => [`${h.contributionId}:${h.questionId}`, h]))
  return page.flatMap((p) => {
    const hit = byKey.get(`${Number(p.contribution)}:${Number(p.question)}`)
    if (!hit) return []
    const excerpt = hit.language === 'zh' ? unspaceHan(hit.excerpt) : hit.excerpt
    return [{ ...hit, excerpt, campaignId: p.campaign === null ? null : Number(p.campaign) }]
  })
}

const HAN_OR_MARK = '[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uE000\uE001]'
const SPACED_HAN = new RegExp(`(?<=${HAN_OR_MARK}) (?=${HAN_OR_MARK})`, 'g')

/** Chinese was spaced character by character to be indexed; the excerpt is read without. */
export function unspaceHan(text: string): string {
  return text.replace(SPACED_HAN, '')
}
