// The stored bundle: rebuilt when the audit log's head has moved since the last build, by the
// recurring job or on the first download after a change. Old bundles are pruned.
import type { Kysely } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import { jsonb } from '../../core/db/helpers.ts'
import type { CoreTables } from '../../core/db/tables.ts'
import type { ModuleManifest } from '../../core/module.ts'
import { bundleFiles, datasetsOf, zip } from './bundle.ts'

interface OpenDataBundleTable {
  id: import('kysely').Generated<number>
  fingerprint: string
  builtAt: Date
  sizeBytes: number
  content: Uint8Array
  datasets: DatasetSummary[]
}

export interface DatasetSummary {
  name: string
  description: string
  rows: number
}
type OpenDataDb = Kysely<CoreTables & { openDataBundle: OpenDataBundleTable }>
const odb = (db: Db): OpenDataDb => db.withTables<{ openDataBundle: OpenDataBundleTable }>()

/** Moves with every recorded change (the audit log's last sequence number). */
export async function dataFingerprint(db: Db): Promise<string> {
  const row = await db
    .selectFrom('auditEntry')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst()
  return `audit:${row?.seq ?? 0}`
}

async function latestBundle(db: Db) {
  return odb(db).selectFrom('openDataBundle').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst()
}

/** The current bundle, building it first when the data changed since the last one. */
export async function currentBundle(db: Db, modules: readonly ModuleManifest[], now: Date) {
  const fingerprint = await dataFingerprint(db)
  const latest = await latestBundle(db)
  if (latest && latest.fingerprint === fingerprint) return { bundle: latest, rebuilt: false }
  const datasets = await datasetsOf(db, modules)
  const content = zip(bundleFiles(datasets, now), now)
  const summary = datasets.map((d) => ({ name: d.name, description: d.description, rows: d.rows.length }))
  const bundle = await odb(db)
    .insertInto('openDataBundle')
    .values({
      fingerprint,
      builtAt: now,
      sizeBytes: content.byteLength,
      content: Buffer.from(content),
      datasets: jsonb(summary),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await odb(db).deleteFrom('openDataBundle').where('id', '<', bundle.id).execute()
  return { bundle, rebuilt: true }
}
