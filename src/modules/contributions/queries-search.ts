// Full-text search in a call's contributions, in the six languages, with the counts a reader
// narrows by (guiding question, stakeholder group, UN region, language, campaign or none), a page
// of answers newest first (keyset) and their excerpts with the words found marked.
import { type RawBuilder, sql } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import { LOCALES, type Locale } from '../../core/i18n/locales.ts'
import { type HeadlineQueries, type PageRow, pageOf, type SearchHit } from './queries-search-excerpt.ts'
import { type Found, newestMatching, type SearchKey, type Statuses } from './queries-search-windows.ts'

export { MARK_END, MARK_START, type SearchHit, unspaceHan } from './queries-search-excerpt.ts'

export interface ContributionSearch {
  callId: number
  q: string
  /** what the reader may read the text of: published, and for moderators those held for review */
  statuses: Statuses
  questionId?: number | undefined
  stakeholderGroup?: string | undefined
  /** a UN regional group, or 'none' for speakers without one */
  regionalGroup?: string | undefined
  language?: Locale | undefined
  /** 'yes': in a campaign of near-identical contributions; 'no': in none */
  campaign?: 'yes' | 'no' | undefined
  /** keyset: the page starts after this answer (newest first) */
  after?: SearchKey | undefined
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

export type SearchContinuation = SearchKey

/**
 * At most this many matching answers, the newest, are counted into the total and the facets: a
 * broad query over a million answers would otherwise read every match (and its row) on every
 * page. Past it, `more` says so and the counts are of the newest ones.
 */
export const COUNT_LIMIT = 2000

/**
 * The query parsed once by each language's configuration (one round trip, which reads the index's
 * newest contribution id too: where the search starts), as the documents were
 * indexed (Chinese as character pairs), and for the excerpts (Chinese a character at a time); a
 * language whose parse is empty (stop words only) is left out, and no parse fails:
 * websearch_to_tsquery takes any text.
 */
async function parsedQueries(db: Db, q: string, callId: number) {
  const result = await sql<Record<string, string>>`select ${sql.join(
    LOCALES.map((l) => sql`contributions_search_query(${q}, ${l})::text as ${sql.ref(l)}`),
  )}, websearch_to_tsquery('simple', contributions_search_text(${q}, 'zh'))::text as zhx,
    (${callShare(callId)}) as share, (select max(contribution_id) from contributions_search) as top`.execute(db)
  const row = result.rows[0] ?? {}
  const search: Partial<Record<Locale, string>> = Object.fromEntries(
    LOCALES.flatMap((l) => (row[l] ? [[l, row[l]]] : [])),
  )
  const excerpts: HeadlineQueries = { ...search }
  if (search.zh && row.zhx) excerpts.zh = row.zhx
  const top = row.top == null ? null : Number(row.top)
  return { search, excerpts, share: Number(row.share ?? 0), top }
}

/**
 * The share of the search index's rows that are the call's, as its statistics last counted them
 * (0 when not among its most common calls: a small one). The call's own term is left out of the
 * text query when it is most of the index: the text index would decode nearly every page of its
 * entries to learn what the rows' call column says anyway (1,000,000 answers of one call: a
 * stretch's index scan 34 ms with the term, 10 ms without, the same rows).
 */
const callShare = (callId: number) => sql`select coalesce(max(x.f), 0) from pg_stats p,
    unnest(p.most_common_vals::text::bigint[], p.most_common_freqs) as x(v, f)
  where p.tablename = 'contributions_search' and p.attname = 'call_id' and x.v = ${callId}`

/** Past this share of the index, the call's term costs more than it narrows. */
export const CALL_TERM_SHARE = 0.5

/** The term of a document whose contribution is in a campaign (migration 20261211-0200). */
export const CAMPAIGN_TERM = 'in campaign'

/**
 * The term of every other document (migration 20261211-0700): a positive term the text index can
 * look up, where `!'in campaign'` read every answer with the words to drop the members.
 */
export const NO_CAMPAIGN_TERM = 'no campaign'

/**
 * Marks the documents of the contributions `ids` selects (a subquery of `contribution_id`) as in a
 * campaign (`member`) or in none (each holds exactly one of the two terms). The consultation module calls it whenever membership changes,
 * with only what changed (a document rewritten is a row and its text index entries written again);
 * a document that says so already is left alone. Returns nothing: the next search reads it.
 */
export async function markCampaignMembers(
  db: Db,
  ids: RawBuilder<{ contribution_id: number }>,
  member: boolean,
): Promise<void> {
  await sql`select contributions_search_campaign(array(${ids}), ${member})`.execute(db)
}

/** Past this many rows left behind by rewritten documents, tidySearchIndex vacuums. */
export const DEAD_ROWS_TIDIED = 10_000

/**
 * Vacuums the search index when rewritten documents (a rebuild's many changes of membership, an
 * upgrade that marked every member) left many old rows: the text index keeps their entries until
 * a vacuum, and a search narrowed to "not in a campaign" visits each old row that lacked the term
 * (100,000 answers, 70,000 marked: 16,146 buffers and 400 ms for a word, 242 and 12 ms vacuumed).
 * Autovacuum may be off, and PGlite has none. Outside any transaction (VACUUM cannot run in one).
 */
export async function tidySearchIndex(db: Db, least = DEAD_ROWS_TIDIED): Promise<boolean> {
  const dead = await sql<{ n: string | number | null }>`
    select n_dead_tup as n from pg_stat_user_tables where relname = 'contributions_search'`.execute(db)
  if (Number(dead.rows[0]?.n ?? 0) < least) return false
  await sql`vacuum (analyze) contributions_search`.execute(db)
  return true
}

/** A term of the indexed document, as tsquery text (quoted: the facet terms hold a space). */
export const term = (lexeme: string) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`

/**
 * The whole search as text queries that must all match, each one asked of the text index as a
 * condition of its own: the words in each language together with that language (each
 * contribution is searched in its own), and each filter the document holds a term of. Null when
 * no language has words to look for. Apart, the index steps from one condition's next match to
 * the next that all share, skipping what any one of them lacks; as one query, it visited every
 * entry of its rarest term and checked the whole query at each (English outside campaigns at
 * 1,000,000: each of the 170,000 English answers).
 */
export function textQuery(
  input: ContributionSearch,
  parsed: Partial<Record<Locale, string>>,
  callShare = 0,
): string[] | null {
  const languages = Object.entries(parsed).filter(([l]) => !input.language || l === input.language)
  if (languages.length === 0) return null
  // the languages whose parse is the same share one branch; when all six do (a word every
  // configuration leaves alone, Chinese, Arabic), none is named: each language term of a branch
  // is one more large list of entries the text index decodes (合作 at 1,000,000: a stretch's
  // index scan 122 ms with the six, 34 ms without, the same rows); one language chosen is a
  // condition of its own
  const branches = new Map<string, string[]>()
  for (const [l, tq] of languages) branches.set(tq, [...(branches.get(tq) ?? []), l])
  const words = [...branches]
    .map(([tq, ls]) =>
      input.language || ls.length === LOCALES.length
        ? `(${tq})`
        : `(${tq}) & (${ls.map((l) => term(`lang ${l}`)).join(' | ')})`,
    )
    .join(' | ')
  const filters = callShare > CALL_TERM_SHARE ? [] : [term(`call ${input.callId}`)]
  if (input.language) filters.push(term(`lang ${input.language}`))
  if (input.questionId) filters.push(term(`q ${input.questionId}`))
  if (input.stakeholderGroup) filters.push(term(`grp ${input.stakeholderGroup}`))
  if (input.regionalGroup) filters.push(term(`region ${input.regionalGroup}`))
  // the consultation keeps one of the two terms on each document (markCampaignMembers)
  if (input.campaign === 'yes') filters.push(term(CAMPAIGN_TERM))
  if (input.campaign === 'no') filters.push(term(NO_CAMPAIGN_TERM))
  return [words, ...filters]
}

/** The counts of each facet, added up from the answers counted. */
export function facetsOf(found: readonly Found[]): SearchFacets {
  const count = (key: (f: Found) => string): FacetCount[] => {
    const totals = new Map<string, number>()
    for (const f of found) totals.set(key(f), (totals.get(key(f)) ?? 0) + 1)
    return [...totals].map(([k, n]) => ({ key: k, n })).sort((a, b) => b.n - a.n || a.key.localeCompare(b.key))
  }
  return {
    questions: count((f) => String(f.question)),
    stakeholderGroups: count((f) => f.group),
    regions: count((f) => f.region ?? 'none'),
    languages: count((f) => f.language),
    campaign: count((f) => (f.member ? 'yes' : 'no')),
  }
}

const before = (f: Found, key: SearchKey) =>
  f.contribution < key.contributionId || (f.contribution === key.contributionId && f.question < key.questionId)

/**
 * The newest matching answers, up to one past COUNT_LIMIT, read from the text index newest
 * stretch of ids first (queries-search-windows.ts), counted by facet here; the page is the first
 * of them, or after a keyset those past it (read again from there when the counted ones end
 * before the page does); then the page's excerpts.
 * `members` is the consultation's subquery of the call's campaign members, in which the page's
 * answers' campaigns are looked up (never copied).
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
  const { search, excerpts, share, top } = await parsedQueries(db, input.q, input.callId)
  const countLimit = input.countLimit ?? COUNT_LIMIT
  const membership = members ?? sql`select null::bigint as contribution_id, null::bigint as campaign_id where false`
  // each answer's membership is its document's term: the two kinds read apart, or the one chosen
  const kinds = input.campaign
    ? [{ member: input.campaign === 'yes', key: null }]
    : [
        { member: true, key: term(CAMPAIGN_TERM) },
        { member: false, key: term(NO_CAMPAIGN_TERM) },
      ]
  const keys = textQuery(input, search, share)
  const find = (after: SearchKey | undefined, need: number) =>
    keys
      ? newestMatching(db, {
          keys,
          callId: input.callId,
          statuses: input.statuses,
          kinds,
          top,
          after,
          need,
        })
      : Promise.resolve([])
  const need = Math.max(countLimit, input.limit) + 1
  const counted = await find(undefined, need)
  let pageFrom = counted
  if (input.after) {
    const after = input.after
    pageFrom = counted.filter((f) => before(f, after))
    if (pageFrom.length <= input.limit && counted.length >= need) pageFrom = await find(after, input.limit + 1)
  }
  const more = pageFrom.length > input.limit
  const shown: PageRow[] = pageFrom
    .slice(0, input.limit)
    .map((f) => ({ contribution: f.contribution, question: f.question }))
  const hits = await pageOf(db, shown, excerpts, membership)
  const last = shown.at(-1)
  const newest = counted.slice(0, countLimit)
  return {
    total: newest.length,
    more: counted.length > countLimit,
    facets: facetsOf(newest),
    hits,
    next: more && last ? { contributionId: last.contribution, questionId: last.question } : null,
  }
}
