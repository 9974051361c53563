// Idempotency-Key support for API writes: the request runs in one transaction together with
// the stored answer, so a retried request is stored once and gets the first answer again
// (header Idempotent-Replayed: true). A key reused for a different request is refused.
import type { MiddlewareHandler } from 'hono'
import { sql } from 'kysely'
import { sha256 } from '../auth/crypto.ts'
import type { Db } from '../db/database.ts'
import type { AppEnv } from './context.ts'
import { respondError } from './errors.tsx'

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/
const KEEP_MS = 24 * 60 * 60 * 1000

class Rollback extends Error {}

export function idempotency(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header('idempotency-key')
    if (!key || !['POST', 'PUT', 'PATCH'].includes(c.req.method)) return next()
    if (!KEY_PATTERN.test(key)) {
      return respondError(c, {
        type: 'invalid',
        id: 'invalid_idempotency_key',
        issues: [{ path: 'Idempotency-Key', code: 'validation.idempotencyKey' }],
      })
    }
    const actor = c.var.actor
    const scope = actor.kind === 'account' ? `account:${actor.accountId}` : `ip:${c.var.clientIp}`
    // a form body was read already (core/http/forms.ts); its cached text stands in for the raw one
    const body = await c.req.raw
      .clone()
      .text()
      .catch(() => c.req.text())
    const requestHash = sha256(`${c.req.method} ${c.req.path}\n${body}`)
    const { db } = c.var.deps
    const lookup = (executor: Db) =>
      executor
        .selectFrom('coreIdempotencyKey')
        .select(['requestHash', 'status', 'contentType', 'body'])
        .where('scope', '=', scope)
        .where('key', '=', key)
        .executeTakeFirst()
    const replay = (stored: NonNullable<Awaited<ReturnType<typeof lookup>>>) =>
      stored.requestHash !== requestHash
        ? respondError(c, { type: 'conflict', id: 'idempotency_key_reused' })
        : new Response(stored.body, {
            status: stored.status,
            headers: { 'Content-Type': stored.contentType, 'Idempotent-Replayed': 'true' },
          })
    const stored = await lookup(db)
    if (stored) return replay(stored)
    let replayed: Response | null = null
    try {
      await db.transaction().execute(async (trx) => {
        // the same key sent twice at once: the second waits here for the first to commit, then
        // finds its answer and replays it, instead of running the request again
        await sql`select pg_advisory_xact_lock(hashtextextended(${`idempotency ${scope} ${key}`}, 0))`.execute(trx)
        const committed = await lookup(trx)
        if (committed) {
          replayed = await replay(committed)
          return
        }
        c.set('db', trx)
        await next()
        if (c.error || c.res.status >= 500) throw new Rollback()
        await trx
          .insertInto('coreIdempotencyKey')
          .values({
            scope,
            key,
            requestHash,
            status: c.res.status,
            contentType: c.res.headers.get('content-type') ?? 'application/json',
            body: await c.res.clone().text(),
          })
          .execute()
      })
    } catch (error) {
      if (error instanceof Rollback) return
      // the database failed under us (connection lost): the request's own error answer stands
      throw error
    } finally {
      c.set('db', db)
    }
    if (replayed) return replayed
  }
}

export async function purgeOldIdempotencyKeys(db: Db, now = new Date()): Promise<void> {
  await db
    .deleteFrom('coreIdempotencyKey')
    .where('createdAt', '<', new Date(now.getTime() - KEEP_MS))
    .execute()
}
