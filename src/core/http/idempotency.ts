// Idempotency-Key support for API writes: the request runs in one transaction together with
// the stored answer, so a retried request is stored once and gets the first answer again
// (header Idempotent-Replayed: true). A key reused for a different request is refused.
import type { MiddlewareHandler } from 'hono'
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
    const body = await c.req.raw.clone().text()
    const requestHash = sha256(`${c.req.method} ${c.req.path}\n${body}`)
    const { db } = c.var.deps
    const stored = await db
      .selectFrom('coreIdempotencyKey')
      .select(['requestHash', 'status', 'contentType', 'body'])
      .where('scope', '=', scope)
      .where('key', '=', key)
      .executeTakeFirst()
    if (stored) {
      if (stored.requestHash !== requestHash) return respondError(c, { type: 'conflict', id: 'idempotency_key_reused' })
      return new Response(stored.body, {
        status: stored.status,
        headers: { 'Content-Type': stored.contentType, 'Idempotent-Replayed': 'true' },
      })
    }
    try {
      await db.transaction().execute(async (trx) => {
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
      // most likely the same key committed first in a concurrent request: nothing of ours was kept
      c.var.deps.log.error('idempotent request rolled back', error)
      c.res = undefined as unknown as Response
      c.res = (await respondError(c, { type: 'conflict', id: 'idempotency_key_in_use' })) as Response
    } finally {
      c.set('db', db)
    }
  }
}

export async function purgeOldIdempotencyKeys(db: Db, now = new Date()): Promise<void> {
  await db
    .deleteFrom('coreIdempotencyKey')
    .where('createdAt', '<', new Date(now.getTime() - KEEP_MS))
    .execute()
}
