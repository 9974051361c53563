// The excerpts of a page of search answers: the text around the words found, marked. Chinese is
// indexed as character pairs but shown spaced a character at a time, so its excerpt is marked by
// the query's characters (the pairs would match nothing in the spaced text).
import { type RawBuilder, sql } from 'kysely'
import type { Db } from '../../core/db/database.ts'

/** Marks around the words found in an excerpt (private-use characters, taken out of the text first). */
export const MARK_START = '\uE000'
export const MARK_END = '\uE001'

/** A page's answer, as the search found it. */
export interface PageRow {
  contribution: number
  question: number
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

const HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`
// a Chinese character is one word: none is too short to open or close an excerpt
const HEADLINE_ZH = `${HEADLINE}, ShortWord=0, MaxWords=60, MinWords=24`

/** Each language's query for its excerpts (tsquery text), where the language has one. */
export type HeadlineQueries = Record<string, string>

function queryOfLanguage(queries: HeadlineQueries) {
  const whens = Object.entries(queries).map(([l, tq]) => sql`when ${l} then ${tq}::tsquery`)
  return whens.length ? sql`case r.language ${sql.join(whens, sql` `)} end` : sql`null::tsquery`
}

/**
 * The page's answers with who sent them, their campaign (looked up in the consultation's `members`)
 * and an excerpt around the words found. Each answer's text
 * is looked up by its key (`offset 0` keeps the lookup from being merged into a join, which the
 * planner made a hash join over a scan of every imported contribution of the database: 15,600
 * buffers and 180 ms at 100,000 answers, against 30 buffers and 0.3 ms).
 */
export async function pageOf(
  db: Db,
  page: readonly PageRow[],
  queries: HeadlineQueries,
  members: RawBuilder<unknown>,
): Promise<SearchHit[]> {
  if (page.length === 0) return []
  const rows = await sql<SearchHit>`
    select c.id::int as "contributionId", r.question_id as "questionId", c.contributor_name as "contributorName",
      (select cm.campaign_id from (${members}) cm where cm.contribution_id = c.id) as "campaignId",
      c.stakeholder_group as "stakeholderGroup", c.regional_group as "regionalGroup", r.language, c.status,
      c.created_at as "submittedAt",
      ts_headline(contributions_search_config(r.language),
        case when r.language = 'zh' then contributions_search_text(translate(r.body, ${MARK_START + MARK_END}, ''), 'zh')
          else translate(r.body, ${MARK_START + MARK_END}, '') end,
        coalesce(${queryOfLanguage(queries)}, ''::tsquery),
        case when r.language = 'zh' then ${HEADLINE_ZH} else ${HEADLINE} end) as excerpt
    from unnest(${page.map((p) => Number(p.contribution))}::bigint[], ${page.map((p) => Number(p.question))}::int[])
      as p(contribution_id, question_id)
    join contributions_contribution c on c.id = p.contribution_id
    cross join lateral (select r.question_id, r.language, r.body from contributions_current_answer r
      where r.contribution_id = p.contribution_id and r.question_id = p.question_id offset 0) r`.execute(db)
  const byKey = new Map(rows.rows.map((h) => [`${h.contributionId}:${h.questionId}`, h]))
  return page.flatMap((p) => {
    const hit = byKey.get(`${Number(p.contribution)}:${Number(p.question)}`)
    if (!hit) return []
    const excerpt = hit.language === 'zh' ? unspaceHan(hit.excerpt) : hit.excerpt
    return [{ ...hit, excerpt, campaignId: hit.campaignId === null ? null : Number(hit.campaignId) }]
  })
}

const HAN_OR_MARK = '[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uE000\uE001]'
const SPACED_HAN = new RegExp(`(?<=${HAN_OR_MARK}) (?=${HAN_OR_MARK})`, 'g')

/** Chinese was spaced character by character for its excerpt; the excerpt is read without. */
export function unspaceHan(text: string): string {
  return text.replace(SPACED_HAN, '')
}
