// What a jsonb column holds comes back as it was written: the camel-case mapping renames columns
// only, not the keys inside JSON (a body's seats per stakeholder group, a report's characteristics,
// an audit payload's snake_case keys once came back camel-cased).
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASE_KINDS } from '../../../test/support/runtime.ts'
import { type Database, openDatabase } from './database.ts'

describe.each(DATABASE_KINDS)('a jsonb column read back (%s)', (kind) => {
  let database: Database
  beforeAll(async () => {
    database = await openDatabase(
      kind === 'pglite'
        ? { kind: 'pglite', dataDir: 'memory' }
        : { kind: 'postgresql', url: process.env.TEST_DATABASE_URL as string, maxConnections: 1 },
    )
  })
  afterAll(async () => database?.close())

  it('keeps snake_case keys at every depth, while the column itself is named in camel case', async () => {
    const stored = {
      civil_society: 5,
      private_sector: { seats_held: [{ by_member: 'APC' }] },
      memberStateSeats: 22,
    }
    const rows = await database.db.transaction().execute(async (trx) => {
      await sql`create temporary table json_keys_probe (stored_value jsonb not null) on commit drop`.execute(trx)
      await sql`insert into json_keys_probe (stored_value) values (${JSON.stringify(stored)}::jsonb)`.execute(trx)
      return (await sql<{ storedValue: unknown }>`select stored_value from json_keys_probe`.execute(trx)).rows
    })
    expect(rows).toEqual([{ storedValue: stored }])
  })
})
