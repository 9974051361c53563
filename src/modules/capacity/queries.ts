// Reading gaps, their history and matches, and offers.
import type { Kysely, Selectable } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import type { CoreTables } from '../../core/db/tables.ts'
import type { CapacityGapTable, CapacityOfferTable, CapacityTables } from './tables.ts'

type CapacityDb = Kysely<CoreTables & CapacityTables>
export const capdb = (db: Db): CapacityDb => db.withTables<CapacityTables>()

export type Gap = Selectable<CapacityGapTable>
export type Offer = Selectable<CapacityOfferTable>

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
