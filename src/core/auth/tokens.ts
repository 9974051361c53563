// API tokens: stored as digests, each with its scopes (what it may be used for) and an expiry.
// A token acts with its owner's grants as they are at each request, capped by its scopes.
import type { Db } from '../db/database.ts'
import type { Actor } from './actor.ts'
import { randomToken, sha256 } from './crypto.ts'
import type { TokenScope } from './scopes.ts'
import { actorFor, REFRESH_AFTER_MS } from './sessions.ts'

export const API_TOKEN_PREFIX = 'ecp_'
export const TOKEN_DEFAULT_DAYS = 90
export const TOKEN_MAX_DAYS = 366
const DAY_MS = 24 * 60 * 60 * 1000

export interface NewApiToken {
  name: string
  /** `read` is always included */
  scopes: readonly TokenScope[]
  days?: number
}

/** Makes a token; returns it in clear text once (only its digest is stored). */
export async function createApiToken(db: Db, accountId: number, input: NewApiToken, now = new Date()) {
  const token = `${API_TOKEN_PREFIX}${randomToken()}`
  const scopes = [...new Set<TokenScope>(['read', ...input.scopes])]
  const row = await db
    .insertInto('authApiToken')
    .values({
      accountId,
      name: input.name,
      tokenHash: sha256(token),
      scopes,
      createdAt: now,
      expiresAt: new Date(now.getTime() + (input.days ?? TOKEN_DEFAULT_DAYS) * DAY_MS),
    })
    .returning(['id', 'name', 'scopes', 'createdAt', 'expiresAt'])
    .executeTakeFirstOrThrow()
  return { ...row, token }
}

/** The account's tokens still in force. */
export async function listApiTokens(db: Db, accountId: number, now = new Date()) {
  return db
    .selectFrom('authApiToken')
    .select(['id', 'name', 'scopes', 'createdAt', 'expiresAt', 'lastUsedAt'])
    .where('accountId', '=', accountId)
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', now)
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

/** Revokes every token of an account (its password changed); returns how many. */
export async function revokeAllApiTokens(db: Db, accountId: number, now = new Date()): Promise<number> {
  const result = await db
    .updateTable('authApiToken')
    .set({ revokedAt: now })
    .where('accountId', '=', accountId)
    .where('revokedAt', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export async function actorForApiToken(db: Db, token: string, now = new Date()): Promise<Actor | null> {
  const row = await db
    .selectFrom('authApiToken')
    .select(['id', 'accountId', 'lastUsedAt', 'scopes'])
    .where('tokenHash', '=', sha256(token))
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', now)
    .executeTakeFirst()
  if (!row) return null
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > REFRESH_AFTER_MS) {
    await db.updateTable('authApiToken').set({ lastUsedAt: now }).where('id', '=', row.id).execute()
  }
  const actor = await actorFor(db, row.accountId, 'token')
  return actor?.kind === 'account' ? { ...actor, scopes: row.scopes as TokenScope[] } : null
}
