// The database's health as requests meet it, and the /healthz answer: whether the database
// answers, whether PGlite's disk has room, and the last fault seen. A fault that repeats (the
// database is down: every request fails the same way) is logged once per interval, not per request.
import { statfs } from 'node:fs/promises'
import type { Context } from 'hono'
import { sql } from 'kysely'
import { ANONYMOUS } from '../auth/actor.ts'
import { type DatabaseFault, FaultReporter } from '../db/errors.ts'
import type { Issue } from '../result.ts'
import type { AppEnv } from './context.ts'
import { errorPage, isApiRequest, respondError } from './errors.tsx'

/** Below this much free space PGlite's directory counts as full: a checkpoint needs room. */
export const MIN_FREE_BYTES = 64 * 1024 * 1024
const RETRY_AFTER_SECONDS = 5
const REMEMBER_MS = 60_000

export interface HealthOptions {
  /** PGlite's data directory, whose disk /healthz watches (null: in memory, or PostgreSQL) */
  dataDir: string | null
  /** free bytes on the data directory's disk (a test may pretend the disk is full) */
  freeBytes?: () => Promise<number | null>
  logIntervalMs?: number
  now?: () => number
}

export class DatabaseHealth {
  readonly reporter: FaultReporter
  private lastFault: { fault: DatabaseFault; at: number } | null = null
  private readonly now: () => number
  readonly freeBytes: () => Promise<number | null>

  constructor(readonly options: HealthOptions) {
    this.now = options.now ?? Date.now
    this.reporter = new FaultReporter(options.logIntervalMs ?? 30_000, this.now)
    const dir = options.dataDir
    this.freeBytes =
      options.freeBytes ??
      (async () => {
        if (!dir) return null
        const s = await statfs(dir).catch(() => null)
        return s ? s.bavail * s.bsize : null
      })
  }

  record(fault: DatabaseFault): void {
    this.lastFault = { fault, at: this.now() }
  }

  /** The fault seen within the last minute, if any. */
  recent(): DatabaseFault | null {
    return this.lastFault && this.now() - this.lastFault.at < REMEMBER_MS ? this.lastFault.fault : null
  }
}

/** The answer to a request that met an unavailable database or a full disk: 503 and Retry-After. */
export async function respondUnavailable(c: Context<AppEnv>, fault: DatabaseFault): Promise<Response> {
  const id = fault.kind === 'disk_full' ? 'disk_full' : 'database_unavailable'
  const error = { type: 'unavailable', id, retryAfterSeconds: RETRY_AFTER_SECONDS } as const
  c.set('i18n', c.var.i18n ?? c.var.deps.messages.translator('en'))
  c.set('actor', c.var.actor ?? ANONYMOUS)
  if (isApiRequest(c)) return respondError(c, error)
  c.header('Retry-After', String(RETRY_AFTER_SECONDS))
  try {
    return await errorPage(c, 503, c.var.i18n.t(`errors.${id}`))
  } catch {
    return c.text('Service unavailable: the database does not answer. Retry in a moment.', 503)
  }
}

/**
 * The field that sent `value`, looked up in the body already read (a form, or JSON's top level),
 * so a value the database refused is named by its field rather than left anonymous.
 */
async function fieldHolding(c: Context<AppEnv>, value: string): Promise<string | null> {
  try {
    const cache = c.req.bodyCache
    if (cache.formData) {
      for (const [name, v] of await cache.formData) if (v === value) return name.replace(/\[\]$/, '')
    }
    const text = cache.text ? await cache.text : null
    if (text) {
      const json = JSON.parse(text) as unknown
      if (json && typeof json === 'object') {
        for (const [name, v] of Object.entries(json)) {
          if (String(v) === value || (Array.isArray(v) && v.map(String).includes(value))) return name
        }
      }
    }
  } catch {}
  for (const [name, v] of new URL(c.req.url).searchParams) if (v === value) return name
  return null
}

/** 400 for input the database cannot hold or that names nothing; 409 for a duplicate. */
export async function respondRefusedInput(c: Context<AppEnv>, fault: DatabaseFault): Promise<Response> {
  c.set('i18n', c.var.i18n ?? c.var.deps.messages.translator('en'))
  c.set('actor', c.var.actor ?? ANONYMOUS)
  if (fault.kind === 'duplicate') return respondError(c, { type: 'conflict', id: 'already_exists' })
  let issues: Issue[] = []
  if (fault.kind === 'unknown_reference' && fault.field) {
    issues = [{ path: fault.field, code: 'validation.unknownReference' }]
  } else if (fault.kind === 'invalid_input') {
    // "value "2147483648" is out of range for type integer", "invalid input syntax ...: "1.5""
    const value = /"([^"]*)"\s*$/.exec(fault.reason)?.[1] ?? /"([^"]*)"/.exec(fault.reason)?.[1]
    const field = value === undefined ? null : await fieldHolding(c, value)
    if (field) issues = [{ path: field, code: 'validation.invalid' }]
  }
  return respondError(c, { type: 'invalid', id: 'invalid_input', issues })
}

async function databaseAnswers(c: Context<AppEnv>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), 3000)
  })
  try {
    return await Promise.race([
      sql`select 1`.execute(c.var.deps.db).then(
        () => true,
        () => false,
      ),
      timeout,
    ])
  } finally {
    clearTimeout(timer)
  }
}

/** GET /healthz: 200 when the database answers and its disk has room, else 503 saying which. */
export async function healthz(c: Context<AppEnv>, health: DatabaseHealth): Promise<Response> {
  const { deps } = c.var
  const answers = await databaseAnswers(c)
  const free = await health.freeBytes()
  const diskFull = (free !== null && free < MIN_FREE_BYTES) || health.recent()?.kind === 'disk_full'
  const problems = [...(answers ? [] : ['database_unreachable']), ...(diskFull ? ['disk_full'] : [])]
  if (problems.length > 0 && health.reporter.shouldReport(`healthz:${problems.join(',')}`)) {
    deps.log.error(`health check: ${problems.join(', ')}`)
  }
  const body = {
    status: problems.length === 0 ? 'ok' : 'error',
    database: deps.dbKind,
    ...(problems.length > 0 ? { problems } : {}),
    ...(free !== null ? { freeDiskBytes: free } : {}),
  }
  if (problems.length > 0) c.header('Retry-After', String(RETRY_AFTER_SECONDS))
  return c.json(body, problems.length === 0 ? 200 : 503)
}
