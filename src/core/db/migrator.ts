// Forward-only SQL migrations, collected from core and every module, applied in name order
// under Kysely's migration lock. Results come back as data; nothing is rolled back by hand.
import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { Kysely } from 'kysely'
import { type Migration, type MigrationResultSet, Migrator } from 'kysely/migration'
import type { Database } from './database.ts'

export const CORE_MIGRATIONS_DIR = join(import.meta.dirname, 'migrations')

export interface MigrationFile {
  name: string
  path: string
}

/** Lists the `.sql` files of the given folders, sorted by file name across all of them. */
export function collectMigrations(dirs: string[]): MigrationFile[] {
  const files = dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.sql'))
      .map((f) => ({ name: basename(f, '.sql'), path: join(dir, f) })),
  )
  const seen = new Set<string>()
  for (const f of files) {
    if (seen.has(f.name)) throw new Error(`two migrations are named ${f.name}`)
    seen.add(f.name)
  }
  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

function migrator(database: Database, files: MigrationFile[]): Migrator {
  const migrations: Record<string, Migration> = {}
  for (const file of files) {
    migrations[file.name] = {
      up: (db: Kysely<unknown>) => database.runScript(db, readFileSync(file.path, 'utf8')),
    }
  }
  return new Migrator({
    db: database.db as unknown as Kysely<unknown>,
    provider: { getMigrations: async () => migrations },
    // modules are developed side by side: a migration may land after a later-named one ran
    allowUnorderedMigrations: true,
  })
}

export async function migrateToLatest(database: Database, files: MigrationFile[]): Promise<MigrationResultSet> {
  return migrator(database, files).migrateToLatest()
}

/** Names of the migrations already applied, in order. */
export async function appliedMigrations(database: Database, files: MigrationFile[]): Promise<string[]> {
  const infos = await migrator(database, files).getMigrations()
  return infos.filter((m) => m.executedAt).map((m) => m.name)
}
