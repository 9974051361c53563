// The only code that touches the stored open-data bundles.
import type { Kysely } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import { jsonb } from '../../core/db/helpers.ts'
import type { CoreTables } from '../../core/db/tables.ts'

export interface DatasetSummary {
  name: string
  description: string
  rows: number
}

interface OpenDataBundleTable {
  id: import('kysely').Generated<number>
  fingerprint: string
  builtAt: Date
  sizeBytes: number
  content: Uint8Array
  datasets: DatasetSummary[]
}

type OpenDataDb = Kysely<CoreTables & { openDataBundle: OpenDataBundleTable }>
const odb = (db: Db): OpenDataDb => db.withTables<{ openDataBundle: OpenDataBundleTable }>()

/** The newest stored bundle, if any. */
export async function latestBundle(db: Db) {
  return odb(db).selectFrom('openDataBundle').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst()
}

/** Stores a new bundle and prunes the older ones. */
export async function storeBundle(
  db: Db,
  row: { fingerprint: string; builtAt: Date; content: Uint8Array; datasets: DatasetSummary[] },
) {
  const bundle = await odb(db)
    .insertInto('openDataBundle')
    .values({
      fingerprint: row.fingerprint,
      builtAt: row.builtAt,
      sizeBytes: row.content.byteLength,
      content: Buffer.from(row.content),
      datasets: jsonb(row.datasets),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await odb(db).deleteFrom('openDataBundle').where('id', '<', bundle.id).execute()
  return bundle
}
