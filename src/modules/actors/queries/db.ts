// The actors module's view of the database: the core Kysely instance widened with its tables.
import type { Kysely } from 'kysely'
import type { Db } from '../../../core/db/database.ts'
import type { CoreTables } from '../../../core/db/tables.ts'
import type { ActorsTables } from '../tables.ts'

export type ActorsDb = Kysely<CoreTables & ActorsTables>

export function actorsDb(db: Db): ActorsDb {
  return db.withTables<ActorsTables>()
}
