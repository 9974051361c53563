// Reading the library: full-text search in the six languages, ranked, with facets by issue,
// type, language and year; one item with its language versions; the curation queue.
import { type Kysely, type Selectable, sql } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import type { CoreTables } from '../../core/db/tables.ts'
import { LOCALES } from '../../core/i18n/locales.ts'
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

/** The query in each language's own configuration: a document matches in its language. */
function matches(q: string) {
  return sql<boolean>`(${sql.join(
    LOCALES.map(
      (l) =>
        sql`(language = ${l} and search @@ websearch_to_tsquery(${searchConfig(l)}::regconfig, ${prepareText(q, l)}))`,
    ),
    sql` or `,
  )})`
}

function rank(q: string) {
  return sql<number>`case language ${sql.join(
    LOCALES.map(
      (l) =>
        sql`when ${l} then ts_rank_cd(search, websearch_to_tsquery(${searchConfig(l)}::regconfig, ${prepareText(q, l)}))`,
    ),
    sql` `,
  )} else 0 end`
}

function filtered(db: Db, f: Omit<LibraryQuery, 'limit' | 'offset'>, q: string) {
  let query = kdb(db).selectFrom('knowledgeItem').where('status', '=', 'published')
  if (q) query = query.where(matches(q))
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

export async function searchLibrary(
  db: Db,
  input: LibraryQuery,
): Promise<{ rows: (Item & { rank: number })[]; total: number; facets: Facets; query: string }> {
  const q = cleanQuery(input.q)
  const base = () => filtered(db, input, q)
  const count = (rows: { key: unknown; n: unknown }[]) => rows.map((r) => ({ key: String(r.key), n: Number(r.n) }))
  const [rows, total, issues, types, languages, years] = await Promise.all([
    base()
      .select(columns)
      .select(q ? rank(q).as('rank') : sql<number>`0`.as('rank'))
      .orderBy('rank', 'desc')
      .orderBy('publishedOn', sql`desc nulls last`)
      .orderBy('id', 'desc')
      .limit(input.limit)
      .offset(input.offset)
      .execute(),
    base()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    base()
      .select([sql<string>`unnest(issue_slugs)`.as('key'), (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('key')
      .orderBy('n', 'desc')
      .limit(15)
      .execute(),
    base()
      .select(['type as key', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('type')
      .orderBy('n', 'desc')
      .execute(),
    base()
      .select(['language as key', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('language')
      .orderBy('n', 'desc')
      .execute(),
    base()
      .select([sql<string>`extract(year from published_on)::int`.as('key'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('publishedOn', 'is not', null)
      .groupBy('key')
      .orderBy('key', 'desc')
      .limit(15)
      .execute(),
  ])
  return {
    rows: rows.map((r) => ({ ...r, rank: Number(r.rank) })),
    total: Number(total.n),
    facets: { issues: count(issues), types: count(types), languages: count(languages), years: count(years) },
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
