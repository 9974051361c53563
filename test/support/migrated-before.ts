// A database of either kind stopped just before one migration, for the tests of what that migration
// does to the rows of the schema before it: the test writes them there, then `migrateRest` runs the
// rest. Its cleanups (close, and drop on PostgreSQL) go into the caller's list, run after the test.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type DatabaseKind, type DatabaseTarget, openDatabase } from '../../src/core/db/database.ts'
import { migrateToLatest } from '../../src/core/db/migrator.ts'
import { modules } from '../../src/modules/index.ts'
import { migrationFiles } from '../../src/runtime.ts'
import { freshPostgresDatabase } from './runtime.ts'

export async function databaseBefore(kind: DatabaseKind, migration: string, cleanups: (() => Promise<void>)[]) {
  let target: DatabaseTarget
  if (kind === 'pglite') target = { kind: 'pglite', dataDir: mkdtempSync(join(tmpdir(), 'ecp-before-')) }
  else {
    const fresh = await freshPostgresDatabase()
    cleanups.push(fresh.drop)
    target = { kind: 'postgresql', url: fresh.url, maxConnections: 2 }
  }
  const database = await openDatabase(target)
  cleanups.unshift(() => database.close())
  const files = migrationFiles(modules)
  // a renamed or misspelt name would otherwise migrate everything and test nothing
  if (!files.some((f) => f.name === migration)) throw new Error(`no migration named ${migration}`)
  const before = await migrateToLatest(
    database,
    files.filter((f) => f.name < migration),
  )
  if (before.error) throw before.error
  return {
    database,
    db: database.db,
    migrateRest: async () => {
      const rest = await migrateToLatest(database, files)
      if (rest.error) throw rest.error
    },
  }
}
