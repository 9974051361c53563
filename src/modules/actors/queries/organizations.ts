// SQL for organizations: the directory (filtered, paged) and writes.
import { sql } from 'kysely'
import type { Db } from '../../../core/db/database.ts'
import { escapeLike, jsonb } from '../../../core/db/helpers.ts'
import { foldForSearch } from '../rules/search.ts'
import type { Localized, StakeholderGroup } from '../rules/vocabulary.ts'
import { actorsDb } from './db.ts'

export interface Organization {
  id: number
  slug: string
  name: Partial<Localized>
  acronym: string | null
  stakeholderGroup: StakeholderGroup
  headquartersIso3: string | null
  website: string | null
  description: Partial<Localized>
  createdAt: Date
  updatedAt: Date
}

const columns = [
  'id',
  'slug',
  'name',
  'acronym',
  'stakeholderGroup',
  'headquartersIso3',
  'website',
  'description',
  'createdAt',
  'updatedAt',
] as const

export interface OrganizationFilters {
  group?: StakeholderGroup | undefined
  headquarters?: string | undefined
  q?: string | undefined
  limit: number
  offset: number
}

function filtered(db: Db, filters: Omit<OrganizationFilters, 'limit' | 'offset'>) {
  let query = actorsDb(db).selectFrom('actorsOrganization')
  if (filters.group) query = query.where('stakeholderGroup', '=', filters.group)
  if (filters.headquarters) query = query.where('headquartersIso3', '=', filters.headquarters)
  for (const word of foldForSearch(filters.q ?? '')
    .split(' ')
    .filter(Boolean)
    .slice(0, 8)) {
    query = query.where('searchText', 'like', `%${escapeLike(word)}%`)
  }
  return query
}

export async function listOrganizations(db: Db, filters: OrganizationFilters) {
  const [rows, count] = await Promise.all([
    filtered(db, filters)
      .select(columns)
      .orderBy(sql`lower(coalesce(name->>'en', acronym, slug))`)
      .orderBy('id')
      .limit(filters.limit)
      .offset(filters.offset)
      .execute(),
    filtered(db, filters)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { rows: rows as Organization[], total: Number(count.n) }
}

export async function findOrganizationBySlug(db: Db, slug: string): Promise<Organization | undefined> {
  return (await actorsDb(db)
    .selectFrom('actorsOrganization')
    .select(columns)
    .where('slug', '=', slug)
    .executeTakeFirst()) as Organization | undefined
}

export async function findOrganizationById(db: Db, id: number): Promise<Organization | undefined> {
  return (await actorsDb(db)
    .selectFrom('actorsOrganization')
    .select(columns)
    .where('id', '=', id)
    .executeTakeFirst()) as Organization | undefined
}

export async function findOrganizationsByIds(db: Db, ids: number[]): Promise<Organization[]> {
  if (ids.length === 0) return []
  return (await actorsDb(db)
    .selectFrom('actorsOrganization')
    .select(columns)
    .where('id', 'in', ids)
    .execute()) as Organization[]
}

export async function slugTaken(db: Db, slug: string): Promise<boolean> {
  return Boolean(
    await actorsDb(db).selectFrom('actorsOrganization').select('id').where('slug', '=', slug).executeTakeFirst(),
  )
}

export interface OrganizationWrite {
  name: Partial<Localized>
  acronym: string | null
  stakeholderGroup: StakeholderGroup
  headquartersIso3: string | null
  website: string | null
  description: Partial<Localized>
  searchText: string
}

export async function insertOrganization(db: Db, slug: string, input: OrganizationWrite, createdBy: number | null) {
  return (await actorsDb(db)
    .insertInto('actorsOrganization')
    .values({ ...input, slug, name: jsonb(input.name), description: jsonb(input.description), createdBy })
    .returning(columns)
    .executeTakeFirstOrThrow()) as Organization
}

export async function updateOrganizationRow(db: Db, id: number, input: OrganizationWrite) {
  return (await actorsDb(db)
    .updateTable('actorsOrganization')
    .set({ ...input, name: jsonb(input.name), description: jsonb(input.description), updatedAt: new Date() })
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirst()) as Organization | undefined
}

export async function countOrganizationsByGroup(db: Db): Promise<Record<string, number>> {
  const rows = await actorsDb(db)
    .selectFrom('actorsOrganization')
    .select(['stakeholderGroup', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('stakeholderGroup')
    .execute()
  return Object.fromEntries(rows.map((r) => [r.stakeholderGroup, Number(r.n)]))
}

/** Every organization with its public columns, in id order (the open-data table). */
export async function organizationsForOpenData(db: Db) {
  return actorsDb(db)
    .selectFrom('actorsOrganization')
    .select(['id', 'slug', 'name', 'acronym', 'stakeholderGroup', 'headquartersIso3', 'website', 'createdAt'])
    .orderBy('id')
    .execute()
}
