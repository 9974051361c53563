// The only code that touches the capacity tables: reading gaps, their history and matches, and
// offers; and the writes the commands make.
import type { Insertable, Kysely, Selectable } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import type { CoreTables } from '../../core/db/tables.ts'
import type { GapStatus } from './rules/matching.ts'
import type {
  CapacityGapEventTable,
  CapacityGapTable,
  CapacityMatchTable,
  CapacityOfferTable,
  CapacityTables,
} from './tables.ts'

type CapacityDb = Kysely<CoreTables & CapacityTables>
export const capdb = (db: Db): CapacityDb => db.withTables<CapacityTables>()

export type Gap = Selectable<CapacityGapTable>
export type Offer = Selectable<CapacityOfferTable>
export type GapEvent = Selectable<CapacityGapEventTable>
export type Match = Selectable<CapacityMatchTable>

const dated = (g: Gap): Gap => ({ ...g, identifiedOn: String(g.identifiedOn).slice(0, 10) })

export async function listGaps(db: Db): Promise<Gap[]> {
  return (
    await capdb(db)
      .selectFrom('capacityGap')
      .selectAll()
      .orderBy('identifiedOn', 'desc')
      .orderBy('id', 'desc')
      .execute()
  ).map(dated)
}

export async function findGap(db: Db, id: number): Promise<Gap | undefined> {
  const row = await capdb(db).selectFrom('capacityGap').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? dated(row) : undefined
}

export async function historyOf(db: Db, gapId: number) {
  return capdb(db)
    .selectFrom('capacityGapEvent')
    .selectAll()
    .where('gapId', '=', gapId)
    .orderBy('at')
    .orderBy('id')
    .execute()
}

export async function matchesOf(db: Db, gapId: number) {
  return capdb(db).selectFrom('capacityMatch').selectAll().where('gapId', '=', gapId).orderBy('matchedAt').execute()
}

/** Every gap's matched offers, in one query. */
export async function allMatches(db: Db): Promise<Map<number, number[]>> {
  const rows = await capdb(db).selectFrom('capacityMatch').select(['gapId', 'offerId']).orderBy('matchedAt').execute()
  const byGap = new Map<number, number[]>()
  for (const r of rows) byGap.set(r.gapId, [...(byGap.get(r.gapId) ?? []), r.offerId])
  return byGap
}

export async function listOffers(db: Db): Promise<Offer[]> {
  return capdb(db).selectFrom('capacityOffer').selectAll().orderBy('id', 'desc').execute()
}

export async function findOffer(db: Db, id: number): Promise<Pick<Offer, 'id'> | undefined> {
  return capdb(db).selectFrom('capacityOffer').select('id').where('id', '=', id).executeTakeFirst()
}

// writing: the commands call these inside their transaction, with its trx

export async function insertGap(db: Db, row: Insertable<CapacityGapTable>): Promise<number> {
  return (await capdb(db).insertInto('capacityGap').values(row).returning('id').executeTakeFirstOrThrow()).id
}

export async function updateGapStatus(db: Db, id: number, status: GapStatus, at: Date): Promise<void> {
  await capdb(db).updateTable('capacityGap').set({ status, updatedAt: at }).where('id', '=', id).execute()
}

export async function insertGapEvent(db: Db, row: Insertable<CapacityGapEventTable>): Promise<void> {
  await capdb(db).insertInto('capacityGapEvent').values(row).execute()
}

export async function insertOffer(db: Db, row: Insertable<CapacityOfferTable>): Promise<number> {
  return (await capdb(db).insertInto('capacityOffer').values(row).returning('id').executeTakeFirstOrThrow()).id
}

/** False when the offer was already matched to the gap. */
export async function insertMatch(db: Db, row: Insertable<CapacityMatchTable>): Promise<boolean> {
  const inserted = await capdb(db)
    .insertInto('capacityMatch')
    .values(row)
    .onConflict((oc) => oc.columns(['gapId', 'offerId']).doNothing())
    .returning('gapId')
    .executeTakeFirst()
  return inserted !== undefined
}
