// Reading the library: full-text search in the six languages, ranked, with facets by issue,
// type, language and year; one item with its language versions; the curation queue.
import { type Kysely, type Selectable, sql } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import type { CoreTables } from '../../core/db/tables.ts'
import { LOCALES, type Locale } from '../../core/i18n/locales.ts'
import { cleanQuery, prepareText, searchConfig } from './rules/text.ts'
import type { KnowledgeItemTable, KnowledgeTables } from './tables.ts'

type KnowledgeDb = Kysely<CoreTables & KnowledgeTables>
export const kdb = (db: Db): KnowledgeDb => db.withTables<KnowledgeTables>()

export type Item = Omit<Selectable<KnowledgeItemTable>, 'search' | 'searchText' | 'fileContent' | 'fileSha256'>

const columns = [
  'id',
  'workId',
  'type',
  'title',
  'abstract',
  'language',
  'authors',
  'organizationIds',
  'issueSlugs',
  'publishedOn',
  'url',
  'status',
  'suggestedBy',
  'decidedBy',
  'decisionNote',
  'fileName',
  'fileMediaType',
  'fileSize',
  'createdAt',
  'updatedAt',
] as const

export interface LibraryQuery {
  q?: string | undefined
  issue?: string | undefined
  type?: string | undefined
  language?: string | undefined
  year?: number | undefined
  limit: number
  offset: number
}

/**
 * The query parsed once by each language's configuration (one round trip), so the search below
 * compares with constants instead of parsing again for every row it rechecks. A language whose
 * parse is empty (only stop words) is left out.
 */
async function parsedQueries(db: Db, q: string): Promise<Partial<Record<Locale, string>>> {
  const result = await sql<Record<Locale, string>>`select ${sql.join(
    LOCALES.map(
      (l) => sql`websearch_to_tsquery(${searchConfig(l)}::regconfig, ${prepareText(q, l)})::text as ${sql.ref(l)}`,
    ),
  )}`.execute(db)
  const row = result.rows[0]
  return Object.fromEntries(LOCALES.flatMap((l) => (row?.[l] ? [[l, row[l]]] : [])))
}

/** Each document matches the query in its own language's configuration. */
function matches(parsed: Partial<Record<Locale, string>>) {
  const branches = Object.entries(parsed).map(([l, tq]) => sql`(language = ${l} and search @@ ${tq}::tsquery)`)
  return branches.length ? sql<boolean>`(${sql.join(branches, sql` or `)})` : sql<boolean>`false`
}

function rank(parsed: Partial<Record<Locale, string>>) {
  const whens = Object.entries(parsed).map(([l, tq]) => sql`when ${l} then ts_rank_cd(search, ${tq}::tsquery)`)
  return whens.length ? sql<number>`case language ${sql.join(whens, sql` `)} else 0 end` : sql<number>`0::real`
}

function filtered(db: Db, f: Omit<LibraryQuery, 'limit' | 'offset'>, parsed: Partial<Record<Locale, string>> | null) {
  let query = kdb(db).selectFrom('knowledgeItem').where('status', '=', 'published')
  if (parsed) query = query.where(matches(parsed))
  if (f.issue) query = query.where(sql<boolean>`issue_slugs @> array[${f.issue}]::text[]`)
  if (f.type) query = query.where('type', '=', f.type as Item['type'])
  if (f.language) query = query.where('language', '=', f.language)
  if (f.year) query = query.where(sql<boolean>`extract(year from published_on) = ${f.year}`)
  return query
}

export interface Facets {
  issues: { key: string; n: number }[]
  types: { key: string; n: number }[]
  languages: { key: string; n: number }[]
  years: { key: string; n: number }[]
}

/**
 * One statement: the matching rows are found and ranked once (a materialized CTE), then the page,
 * the total and the four facets are read from them, so a broad query scans the index once. The
 * issue facet unnests in the select list: about half the time of a lateral join over 20,000 rows.
 */
export async function searchLibrary(
  db: Db,
  input: LibraryQuery,
): Promise<{ rows: (Item & { rank: number })[]; total: number; facets: Facets; query: string }> {
  const q = cleanQuery(input.q)
  const parsed = q ? await parsedQueries(db, q) : null
  const matched = filtered(db, input, parsed).select([
    'id',
    'type',
    'language',
    'issueSlugs',
    'publishedOn',
    parsed ? rank(parsed).as('rank') : sql<number>`0::real`.as('rank'),
  ])
  const result = await sql<{
    total: number
    page: { id: number; rank: number }[]
    issues: { key: string; n: number }[] | null
    types: { key: string; n: number }[] | null
    languages: { key: string; n: number }[] | null
    years: { key: string; n: number }[] | null
  }>`with m as materialized (${matched})
    select
      (select count(*)::int from m) as total,
      (select coalesce(json_agg(x), '[]') from (
        select id, rank from m order by rank desc, published_on desc nulls last, id desc
        limit ${input.limit} offset ${input.offset}) x) as page,
      (select json_agg(x) from (select k as key, count(*)::int as n from (select unnest(issue_slugs) as k from m) s
        group by k order by n desc, k limit 15) x) as issues,
      (select json_agg(x) from (select type as key, count(*)::int as n from m group by type order by n desc) x) as types,
      (select json_agg(x) from (select language as key, count(*)::int as n from m group by language order by n desc) x) as languages,
      (select json_agg(x) from (select extract(year from published_on)::int::text as key, count(*)::int as n from m
        where published_on is not null group by 1 order by 1 desc limit 15) x) as years`.execute(db)
  const r = result.rows[0]
  const page = typeof r?.page === 'string' ? (JSON.parse(r.page) as { id: number; rank: number }[]) : (r?.page ?? [])
  const ids = page.map((p) => Number(p.id))
  const items = ids.length
    ? await kdb(db).selectFrom('knowledgeItem').select(columns).where('id', 'in', ids).execute()
    : []
  const byId = new Map(items.map((i) => [i.id, i]))
  const facet = (v: unknown) =>
    ((typeof v === 'string' ? JSON.parse(v) : (v ?? [])) as { key: unknown; n: unknown }[]).map((f) => ({
      key: String(f.key),
      n: Number(f.n),
    }))
  return {
    rows: page.flatMap((p) => {
      const item = byId.get(Number(p.id))
      return item ? [{ ...item, rank: Number(p.rank) }] : []
    }),
    total: Number(r?.total ?? 0),
    facets: {
      issues: facet(r?.issues),
      types: facet(r?.types),
      languages: facet(r?.languages),
      years: facet(r?.years),
    },
    query: q,
  }
}

export async function findItem(db: Db, id: number): Promise<Item | undefined> {
  return kdb(db).selectFrom('knowledgeItem').select(columns).where('id', '=', id).executeTakeFirst()
}

/** The other language versions of the same work. */
export async function versionsOfWork(db: Db, item: Item): Promise<Item[]> {
  const work = item.workId ?? item.id
  return kdb(db)
    .selectFrom('knowledgeItem')
    .select(columns)
    .where('status', '=', 'published')
    .where('id', '<>', item.id)
    .where((eb) => eb.or([eb('workId', '=', work), eb('id', '=', work)]))
    .orderBy('language')
    .execute()
}

/** An item's file, for download. */
export async function itemFile(db: Db, id: number) {
  return kdb(db)
    .selectFrom('knowledgeItem')
    .select(['status', 'fileName', 'fileMediaType', 'fileContent'])
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function suggestions(db: Db): Promise<Item[]> {
  return kdb(db).selectFrom('knowledgeItem').select(columns).where('status', '=', 'suggested').orderBy('id').execute()
}

/** The published items, for the open-data download. */
export async function publishedItems(db: Db) {
  return kdb(db)
    .selectFrom('knowledgeItem')
    .select(['id', 'workId', 'type', 'title', 'language', 'authors', 'issueSlugs', 'publishedOn', 'url'])
    .where('status', '=', 'published')
    .orderBy('id')
    .execute()
}
