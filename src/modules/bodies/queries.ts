// Reads of bodies, their members with their representatives, and their officers.
import type { Kysely } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import type { CoreTables } from '../../core/db/tables.ts'
import { type Localized, STAKEHOLDER_GROUPS } from '../actors/index.ts'
import type { BodiesTables, Office, Selection, StakeholderSeats, Standing } from './tables.ts'

type BodiesDb = Kysely<CoreTables & BodiesTables>
export const bdb = (db: Db): BodiesDb => db.withTables<BodiesTables>()

export interface Body {
  id: number
  slug: string
  name: string
  /** the name in the languages given (English is `name`) */
  names: Partial<Localized>
  acronym: string | null
  description: string
  parentBodyId: number | null
  mandateSymbol: string | null
  mandateText: string
  memberStateSeats: number | null
  stakeholderSeats: StakeholderSeats
  termStartsOn: string | null
  termEndsOn: string | null
  illustrativeMembership: boolean
}

export interface BodyMember {
  id: number
  standing: Standing
  memberStateIso3: string | null
  organizationId: number | null
  since: string | null
}

export interface Representative {
  id: number
  memberId: number
  name: string
  function: string | null
  personId: number | null
}

export interface BodyOfficer {
  id: number
  office: Office
  name: string
  personId: number | null
  memberStateIso3: string | null
  organizationId: number | null
  selection: Selection | null
  record: string | null
  since: string | null
}

const bodyColumns = [
  'id',
  'slug',
  'name',
  'names',
  'acronym',
  'description',
  'parentBodyId',
  'mandateSymbol',
  'mandateText',
  'memberStateSeats',
  'stakeholderSeats',
  'termStartsOn',
  'termEndsOn',
  'illustrativeMembership',
] as const

/**
 * The seats as the rules set them: the stakeholder groups' own keys, any other dropped, so no key
 * of another spelling reaches a page (the WGEC's table once showed "actors.stakeholder.civilSociety",
 * when the database layer still renamed keys inside JSON).
 */
export function seatsFromRow(raw: Record<string, unknown> | null | undefined): StakeholderSeats {
  const seats: StakeholderSeats = {}
  for (const group of STAKEHOLDER_GROUPS) {
    const value = raw?.[group]
    if (typeof value === 'number') seats[group] = value
  }
  return seats
}

const toBody = (row: Body): Body => ({ ...row, stakeholderSeats: seatsFromRow(row.stakeholderSeats) })

export async function listBodies(db: Db): Promise<Body[]> {
  return (await bdb(db).selectFrom('bodiesBody').select(bodyColumns).orderBy('id').execute()).map(toBody)
}

export async function findBody(db: Db, idOrSlug: number | string): Promise<Body | undefined> {
  const query = bdb(db).selectFrom('bodiesBody').select(bodyColumns)
  const row = await (typeof idOrSlug === 'number'
    ? query.where('id', '=', idOrSlug)
    : query.where('slug', '=', idOrSlug)
  ).executeTakeFirst()
  return row ? toBody(row) : undefined
}

/** The body and the bodies it reports to, nearest first (working group, CSTD, ECOSOC, GA). */
export async function bodyChain(db: Db, bodyId: number): Promise<Body[]> {
  return chainIn(await listBodies(db), bodyId)
}

/** A body and those it reports to, up the chain, taken from the list of every body already read. */
export function chainIn(bodies: readonly Body[], bodyId: number): Body[] {
  const all = new Map(bodies.map((b) => [b.id, b]))
  const chain: Body[] = []
  for (let body = all.get(bodyId); body && !chain.includes(body); body = all.get(body.parentBodyId ?? -1)) {
    chain.push(body)
  }
  return chain
}

/** Members and observers in office (no end date), in the order they were added. */
export async function bodyMembers(db: Db, bodyId: number): Promise<BodyMember[]> {
  return bdb(db)
    .selectFrom('bodiesMember')
    .select(['id', 'standing', 'memberStateIso3', 'organizationId', 'since'])
    .where('bodyId', '=', bodyId)
    .where('until', 'is', null)
    .orderBy('id')
    .execute()
}

export async function findBodyMember(db: Db, memberId: number): Promise<(BodyMember & { bodyId: number }) | undefined> {
  return bdb(db)
    .selectFrom('bodiesMember')
    .select(['id', 'bodyId', 'standing', 'memberStateIso3', 'organizationId', 'since'])
    .where('id', '=', memberId)
    .executeTakeFirst()
}

/** The representatives of a body's members and observers. */
export async function representativesOf(db: Db, bodyId: number): Promise<Representative[]> {
  return bdb(db)
    .selectFrom('bodiesRepresentative as r')
    .innerJoin('bodiesMember as m', 'm.id', 'r.memberId')
    .select(['r.id', 'r.memberId', 'r.name', 'r.function', 'r.personId'])
    .where('m.bodyId', '=', bodyId)
    .orderBy('r.id')
    .execute()
}

/** Officers in office, in the order they took office. */
export async function bodyOfficers(db: Db, bodyId: number): Promise<BodyOfficer[]> {
  return bdb(db)
    .selectFrom('bodiesOfficer')
    .select(['id', 'office', 'name', 'personId', 'memberStateIso3', 'organizationId', 'selection', 'record', 'since'])
    .where('bodyId', '=', bodyId)
    .where('until', 'is', null)
    .orderBy('id')
    .execute()
}
