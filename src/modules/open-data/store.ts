// The stored bundle: rebuilt when the audit log's head has moved since the last build, by the
// recurring job or on the first download after a change. Old bundles are pruned.
import { auditHead } from '../../core/audit/log-read.ts'
import type { Db } from '../../core/db/database.ts'
import type { ModuleManifest } from '../../core/module.ts'
import { bundleFiles, datasetsOf, zip } from './bundle.ts'
import { latestBundle, storeBundle } from './queries.ts'

/** Moves with every recorded change (the audit log's last sequence number). */
export async function dataFingerprint(db: Db): Promise<string> {
  return `audit:${await auditHead(db)}`
}

/** The current bundle, building it first when the data changed since the last one. */
export async function currentBundle(db: Db, modules: readonly ModuleManifest[], now: Date) {
  const fingerprint = await dataFingerprint(db)
  const latest = await latestBundle(db)
  if (latest && latest.fingerprint === fingerprint) return { bundle: latest, rebuilt: false }
  const datasets = await datasetsOf(db, modules)
  const content = zip(bundleFiles(datasets, now), now)
  const summary = datasets.map((d) => ({ name: d.name, description: d.description, rows: d.rows.length }))
  const bundle = await storeBundle(db, { fingerprint, builtAt: now, content, datasets: summary })
  return { bundle, rebuilt: true }
}
