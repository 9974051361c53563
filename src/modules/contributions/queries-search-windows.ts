// The newest answers that match a search, read from the text index a stretch of contribution ids
// at a time, newest first. Each answer's document holds the terms of the blocks of ids it lies in
// (4,096, 32,768 and 262,144 ids: migration 20261210-0300), so a stretch is a few more terms of the
// one query the text index answers: the index finds only the answers of that stretch that match
// everything (words, language, filters), and only those rows are read. A stretch that holds too
// few is followed by a wider one, sized from how many the last one held, until enough are found
// or the ids run out. Reading the newest answers in id order and checking each one's words instead
// reads thousands of documents for a word that narrowed to English is rare among; reading every
// answer with the word to sort them reads hundreds of thousands for a common one.
import { sql } from 'kysely'
import type { Db } from '../../core/db/database.ts'

export type Statuses = readonly ('published' | 'pending_review')[]

export interface SearchKey {
  contributionId: number
  questionId: number
}

/** A matching answer, with what the counts and the page need. */
export interface Found {
  contribution: number
  question: number
  group: string
  region: string | null
  language: string
  /** in a campaign, as its document's term says (kept by the consultation with its members) */
  member: boolean
}

export interface Window {
  /** text queries that must all match (queries-search.ts textQuery), each a condition of its own */
  keys: readonly string[]
  callId: number
  statuses: Statuses
  /**
   * The answers in a campaign and the others, read apart, each with the condition that says so
   * (a campaign filter chosen: one kind, its term among the keys already, so no condition)
   */
  kinds: readonly { member: boolean; key: string | null }[]
  /** the newest contribution id in the index, null when it is empty (read with the query's parse) */
  top: number | null
  /** only answers before this one (newest first) */
  after?: SearchKey | undefined
  need: number
}

const BLOCK = 12
const LEVELS = [18, 15, 12]
/** a stretch of this many ids or more is wide: its matches are read without JIT compilation */
const WIDE = 2 ** 18
/** past this many block terms, a stretch is read as everything older instead */
const MOST_TERMS = 24

/** The block terms that cover the ids [lo, hi), both multiples of 4,096: the widest blocks that fit. */
export function blockTerms(lo: number, hi: number): string[] {
  const terms: string[] = []
  let at = hi
  while (at > lo) {
    const level = LEVELS.find((l) => at % 2 ** l === 0 && at - 2 ** l >= lo) ?? BLOCK
    terms.push(`'b${level} ${(at - 2 ** level) / 2 ** level}'`)
    at -= 2 ** level
  }
  return terms
}

const alignDown = (id: number) => Math.floor(id / 2 ** BLOCK) * 2 ** BLOCK
const alignUp = (id: number) => Math.ceil(id / 2 ** BLOCK) * 2 ** BLOCK
/** the ids a stretch ending before this answer may hold are those below this (question ids start at 1) */
const idsBelow = (key: SearchKey) => (key.questionId > 0 ? key.contributionId + 1 : key.contributionId)

/** One stretch of ids [lo, below): its matches, newest first, at most `limit`. */
async function stretch(db: Db, w: Window, lo: number, below: SearchKey, limit: number): Promise<Found[]> {
  const blocks = lo > 0 ? blockTerms(lo, alignUp(idsBelow(below))) : []
  // the stretch's blocks one more condition: the text index skips whatever lies outside them
  const keys = blocks.length ? [...w.keys, blocks.join(' | ')] : w.keys
  // each answer's membership read with it from the text index: the members (its term one more
  // condition) and the others apart, instead of a lookup of each match in the consultation's members
  const branch = ({ member, key }: Window['kinds'][number]) => {
    const all = [...keys, ...(key ? [key] : [])]
    // a wide stretch by a function planned without JIT compilation (migration 20261212-0400): its
    // estimate can pass jit_above_cost; a narrow one as a statement of its own (the function's
    // call cost PGlite, which compiles nothing, a fifth of a newest stretch of a broad word)
    return lo === 0 || alignUp(idsBelow(below)) - lo >= WIDE
      ? sql`select * from contributions_search_matches(${all}::text[], ${member}, ${w.callId},
          ${[...w.statuses]}::text[])`
      : sql`select s.contribution_id, s.question_id, s.stakeholder_group, s.regional_group, s.language,
          ${sql.lit(member)} as member from contributions_search s
        where ${sql.join(
          all.map((k) => sql`s.document @@ ${k}::tsquery`),
          sql` and `,
        )} and s.call_id = ${w.callId} and s.status in (${sql.join(w.statuses.map((s) => sql`${s}`))})`
  }
  // materialized: the text index alone picks the rows; then the keyset
  const result = await sql<{ found: unknown }>`with w as materialized (${sql.join(
    w.kinds.map(branch),
    sql` union all `,
  )}),
    f as (select * from w where w.contribution_id >= ${lo}
        and (w.contribution_id, w.question_id) < (${below.contributionId}, ${below.questionId})
      order by contribution_id desc, question_id desc limit ${limit})
    select coalesce(json_agg(json_build_array(contribution_id, question_id, stakeholder_group, regional_group,
        language, member) order by contribution_id desc, question_id desc), '[]') as found
    from f`.execute(db)
  const rows = result.rows[0]?.found
  const list = (typeof rows === 'string' ? JSON.parse(rows) : (rows ?? [])) as unknown[][]
  return list.map(([contribution, question, group, region, language, member]) => ({
    contribution: Number(contribution),
    question: Number(question),
    group: String(group),
    region: region === null ? null : String(region),
    language: String(language),
    member: member === true,
  }))
}

/** The newest `need` answers matching the window's query (fewer when fewer match), newest first. */
export async function newestMatching(db: Db, w: Window): Promise<Found[]> {
  if (w.top === null) return []
  // a keyset past the newest answer starts at the newest (not with empty stretches up to it)
  const newest = { contributionId: w.top + 1, questionId: 0 }
  const below = w.after && w.after.contributionId < newest.contributionId ? w.after : newest
  const found: Found[] = []
  let width = 2 ** BLOCK
  let cur = below
  while (found.length < w.need) {
    const hi = idsBelow(cur)
    let lo = alignDown(Math.max(0, hi - width))
    if (blockTerms(lo, alignUp(hi)).length > MOST_TERMS) lo = 0
    const rows = await stretch(db, w, lo, cur, w.need - found.length)
    found.push(...rows)
    if (lo === 0) break
    const read = hi - lo
    const wanted = w.need - found.length
    // as many ids as the last stretch needed per answer found, and a margin; at most 16 times as
    // wide. Not more: every match of a stretch is read, counted or not (Arabic at 1,000,000, when
    // a stretch was at least twice as wide as the last: 2,986 answers read for the 416 wanted)
    width = rows.length
      ? Math.min(read * 16, Math.max(2 ** BLOCK, Math.ceil((read * wanted * 1.3) / rows.length)))
      : read * 16
    cur = { contributionId: lo, questionId: 0 }
  }
  return found
}
