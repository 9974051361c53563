// The installation's secrets (the CSRF key and the like), made once on first use and kept in the
// database, so every app instance on one database shares them.
import { randomToken } from '../auth/crypto.ts'
import type { Db } from './database.ts'

/** The secret of that name, made now if the installation has none yet (safe under concurrent starts). */
export async function installationSecret(db: Db, name: string): Promise<string> {
  await db
    .insertInto('coreSecret')
    .values({ name, value: randomToken(32) })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute()
  const row = await db.selectFrom('coreSecret').select('value').where('name', '=', name).executeTakeFirstOrThrow()
  return row.value
}
