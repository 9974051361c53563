// Server-side sessions and API tokens, both stored as digests in the database so that any
// number of app instances share them.
import type { Db } from '../db/database.ts'
import type { Actor } from './actor.ts'
import { randomToken, sha256 } from './crypto.ts'
import { activeGrants } from './grants.ts'

export const SESSION_IDLE_DAYS = 14
const REFRESH_AFTER_MS = 60 * 60 * 1000

function expiry(now: Date): Date {
  return new Date(now.getTime() + SESSION_IDLE_DAYS * 24 * 60 * 60 * 1000)
}

/** Starts a session; returns the token for the cookie (only its digest is stored). */
export async function createSession(db: Db, accountId: number, userAgent: string | null, now = new Date()) {
  const token = randomToken()
  await db
    .insertInto('authSession')
    .values({
      tokenHash: sha256(token),
      accountId,
      userAgent: userAgent?.slice(0, 300) ?? null,
      expiresAt: expiry(now),
    })
    .execute()
  return token
}

async function actorFor(db: Db, accountId: number, via: 'session' | 'token'): Promise<Actor | null> {
  const account = await db
    .selectFrom('authAccount')
    .select(['id', 'email', 'displayName', 'disabledAt'])
    .where('id', '=', accountId)
    .executeTakeFirst()
  if (!account || account.disabledAt) return null
  const grants = await activeGrants(db, accountId)
  return {
    kind: 'account',
    accountId: account.id,
    displayName: account.displayName,
    email: account.email,
    grants: grants.map(({ id, role, scope }) => ({ id, role, scope })),
    via,
  }
}

/** The actor behind a session cookie, sliding the session's expiry at most once an hour. */
export async function actorForSession(db: Db, token: string, now = new Date()): Promise<Actor | null> {
  const tokenHash = sha256(token)
  const session = await db
    .selectFrom('authSession')
    .select(['accountId', 'expiresAt', 'lastSeenAt'])
    .where('tokenHash', '=', tokenHash)
    .executeTakeFirst()
  if (!session || session.expiresAt <= now) return null
  if (now.getTime() - session.lastSeenAt.getTime() > REFRESH_AFTER_MS) {
    await db
      .updateTable('authSession')
      .set({ lastSeenAt: now, expiresAt: expiry(now) })
      .where('tokenHash', '=', tokenHash)
      .execute()
  }
  return actorFor(db, session.accountId, 'session')
}

export async function endSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('authSession').where('tokenHash', '=', sha256(token)).execute()
}

/** Signs out every other browser, e.g. after a password change. */
export async function endOtherSessions(db: Db, accountId: number, keepToken: string | null): Promise<void> {
  let query = db.deleteFrom('authSession').where('accountId', '=', accountId)
  if (keepToken) query = query.where('tokenHash', '<>', sha256(keepToken))
  await query.execute()
}

export async function purgeExpiredSessions(db: Db, now = new Date()): Promise<number> {
  const result = await db.deleteFrom('authSession').where('expiresAt', '<=', now).executeTakeFirst()
  return Number(result.numDeletedRows)
}

export const API_TOKEN_PREFIX = 'ecp_'

export async function createApiToken(db: Db, accountId: number, name: string) {
  const token = `${API_TOKEN_PREFIX}${randomToken()}`
  const row = await db
    .insertInto('authApiToken')
    .values({ accountId, name, tokenHash: sha256(token) })
    .returning(['id', 'name', 'createdAt'])
    .executeTakeFirstOrThrow()
  return { ...row, token }
}

export async function listApiTokens(db: Db, accountId: number) {
  return db
    .selectFrom('authApiToken')
    .select(['id', 'name', 'createdAt', 'lastUsedAt'])
    .where('accountId', '=', accountId)
    .where('revokedAt', 'is', null)
    .orderBy('id')
    .execute()
}

export async function revokeApiToken(db: Db, accountId: number, tokenId: number): Promise<boolean> {
  const result = await db
    .updateTable('authApiToken')
    .set({ revokedAt: new Date() })
    .where('id', '=', tokenId)
    .where('accountId', '=', accountId)
    .where('revokedAt', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

export async function actorForApiToken(db: Db, token: string, now = new Date()): Promise<Actor | null> {
  const row = await db
    .selectFrom('authApiToken')
    .select(['id', 'accountId', 'lastUsedAt'])
    .where('tokenHash', '=', sha256(token))
    .where('revokedAt', 'is', null)
    .executeTakeFirst()
  if (!row) return null
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > REFRESH_AFTER_MS) {
    await db.updateTable('authApiToken').set({ lastUsedAt: now }).where('id', '=', row.id).execute()
  }
  return actorFor(db, row.accountId, 'token')
}
