// The installation's stable identity (one row, created on first use) and the name-based UUIDs
// (RFC 9562 version 5) derived from it, so an identifier outside tools keep (an iCalendar UID)
// depends neither on the address a request came by nor on the server the data moved to.
import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import type { Db } from './db/database.ts'

/** The installation's UUID, created the first time anyone asks. */
export async function installationId(db: Db): Promise<string> {
  const read = () =>
    sql<{ id: string }>`select id::text as id from core_installation where singleton`
      .execute(db)
      .then((r) => r.rows[0]?.id)
  const existing = await read()
  if (existing) return existing
  await sql`insert into core_installation (singleton) values (true) on conflict do nothing`.execute(db)
  return (await read()) as string
}

/**
 * The UUID version 5 of `name` in the `namespace` UUID: the same inputs always give the same UUID.
 * @example uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com') // '2ed6657d-e927-568b-95e1-2665a8aea6a2'
 */
export function uuidV5(namespace: string, name: string): string {
  const ns = Buffer.from(namespace.replaceAll('-', ''), 'hex')
  if (ns.length !== 16) throw new Error(`not a UUID: ${namespace}`)
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest()
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80
  const hex = hash.subarray(0, 16).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
