// Server-side sessions, stored as digests in the database so that any number of app instances
// share them. A session ends after SESSION_IDLE_DAYS without use, and in any case
// SESSION_ABSOLUTE_DAYS after sign-in. API tokens are in tokens.ts.

import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import type { Actor, GrantedRole, ScopeType } from './actor.ts'
import { randomToken, sha256 } from './crypto.ts'
import { activeGrants } from './grants.ts'

export const SESSION_IDLE_DAYS = 14
export const SESSION_ABSOLUTE_DAYS = 30
const DAY_MS = 24 * 60 * 60 * 1000
export const REFRESH_AFTER_MS = 60 * 60 * 1000

/** The idle expiry from `now`, never past the session's absolute end. */
function expiry(now: Date, createdAt: Date = now): Date {
  return new Date(
    Math.min(now.getTime() + SESSION_IDLE_DAYS * DAY_MS, createdAt.getTime() + SESSION_ABSOLUTE_DAYS * DAY_MS),
  )
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
      createdAt: now,
      lastSeenAt: now,
      expiresAt: expiry(now),
    })
    .execute()
  return token
}

export async function actorFor(db: Db, accountId: number, via: 'session' | 'token'): Promise<Actor | null> {
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

export interface SessionLookup {
  actor: Actor
  /** set when the idle expiry slid forward: the cookie should follow it */
  renewedUntil: Date | null
}

/**
 * The actor behind a session cookie, sliding the session's idle expiry at most once an hour and
 * never past its absolute end.
 */
export async function actorForSession(db: Db, token: string, now = new Date()): Promise<SessionLookup | null> {
  const tokenHash = sha256(token)
  // the session, its account and the account's active grants in one statement: every signed-in
  // request starts here, so it is one round trip, not three
  const session = await db
    .selectFrom('authSession as s')
    .innerJoin('authAccount as a', 'a.id', 's.accountId')
    .select(['s.accountId', 's.expiresAt', 's.lastSeenAt', 's.createdAt', 'a.email', 'a.displayName', 'a.disabledAt'])
    .select(
      sql<SessionGrant[]>`coalesce((select json_agg(json_build_object('id', g.id, 'role', g.role,
        'scopeType', g.scope_type, 'scopeId', g.scope_id) order by g.id) from auth_role_grant g
        where g.account_id = s.account_id and g.revoked_at is null), '[]')`.as('grants'),
    )
    .where('s.tokenHash', '=', tokenHash)
    .executeTakeFirst()
  if (!session || session.expiresAt <= now || session.disabledAt) return null
  if (now.getTime() >= session.createdAt.getTime() + SESSION_ABSOLUTE_DAYS * DAY_MS) return null
  let renewedUntil: Date | null = null
  if (now.getTime() - session.lastSeenAt.getTime() > REFRESH_AFTER_MS) {
    renewedUntil = expiry(now, session.createdAt)
    await db
      .updateTable('authSession')
      .set({ lastSeenAt: now, expiresAt: renewedUntil })
      .where('tokenHash', '=', tokenHash)
      .execute()
  }
  const actor: Actor = {
    kind: 'account',
    accountId: session.accountId,
    displayName: session.displayName,
    email: session.email,
    grants: session.grants.map((g) => ({
      id: Number(g.id),
      role: g.role as GrantedRole,
      scope: g.scopeType && g.scopeId ? { type: g.scopeType as ScopeType, id: g.scopeId } : null,
    })),
    via: 'session',
  }
  return { actor, renewedUntil }
}

type SessionGrant = { id: number; role: string; scopeType: string | null; scopeId: string | null }

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
  const result = await db
    .deleteFrom('authSession')
    .where((eb) =>
      eb.or([
        eb('expiresAt', '<=', now),
        eb('createdAt', '<=', new Date(now.getTime() - SESSION_ABSOLUTE_DAYS * DAY_MS)),
      ]),
    )
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
