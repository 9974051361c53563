// Visitors' reads at the speed of static files (issue 13 §4). A consultation's peak is readers,
// so a GET by nobody signed in is answered from a copy of an earlier answer to the same request,
// kept with the data version it was made at and served, with an ETag, until the version moves.
// Every state change writes an audit entry, so the audit log's head is the data version: this
// process bumps it when one of its own writes ends, and notices other processes' writes (jobs,
// the CLI, other servers on one PostgreSQL) by reading the head at most every `pollMs`.
import { createHash } from 'node:crypto'
import { gunzipSync } from 'node:zlib'
import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { auditHead } from '../audit/log-read.ts'
import { randomToken } from '../auth/crypto.ts'
import type { Db } from '../db/database.ts'
import type { AppEnv } from './context.ts'
import { COOKIES } from './cookies.ts'

export type PageCacheOptions = {
  /** the most bytes kept (least recently used copies go first) */
  maxBytes: number
  /** no copy outlives this, so pages that name "3 days left" stay near the clock */
  maxAgeMs: number
  now?: () => number
}

type Entry = {
  version: number
  madeAt: number
  status: number
  /** the stored headers and ours, as a plain object (the Node adapter's fast path) */
  headers: Record<string, string>
  notModified: Record<string, string>
  body: Uint8Array<ArrayBuffer>
  etag: string
}

const LARGEST_ENTRY = 512 * 1024
const CACHEABLE_TYPE = /^(text\/html|application\/json|text\/calendar|application\/atom\+xml|text\/csv)/
// what a response may say only to the one request that caused it
const PER_REQUEST = new Set(['set-cookie', 'x-request-id', 'etag', 'cache-control', 'vary'])
const BODY_HEADERS = new Set(['content-length', 'content-encoding', 'content-type'])
const VARY = 'Accept-Encoding, Accept-Language, Cookie'
const CACHE_CONTROL = 'public, no-cache'

/** The data version: moves whenever something a visitor can see may have changed. */
export class DataVersion {
  #version = 0
  #head: number | null = null
  #writes = 0
  #polledAt = Number.NEGATIVE_INFINITY
  #polling = false

  /** pollMs: how often at most the audit log's head is read to notice other processes' writes */
  constructor(
    private readonly db: Db,
    private readonly pollMs: number,
  ) {}

  get current(): number {
    return this.#version
  }

  /** Whether a write of this process is under way (what is read now may be about to change). */
  get writing(): boolean {
    return this.#writes > 0
  }

  writeStarted(): void {
    this.#writes++
    this.#version++
  }

  writeEnded(): void {
    this.#writes--
    this.#version++
  }

  /** Reads the audit log's head when the last reading is older than pollMs; never waits for it. */
  refresh(now: number): void {
    if (this.#polling || now - this.#polledAt < this.pollMs) return
    this.#polling = true
    this.#polledAt = now
    auditHead(this.db)
      .then((head) => {
        if (head !== this.#head) {
          this.#head = head
          this.#version++
        }
      })
      // a database that is away leaves the copies as they are until maxAgeMs
      .catch(() => {})
      .finally(() => {
        this.#polling = false
      })
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** The request's key, or null when its answer is someone's own (a session, a token, a flash). */
function keyOf(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string | null {
  if (c.req.method !== 'GET' || c.req.header('authorization')) return null
  const cookies = getCookie(c)
  if (cookies[COOKIES.session] || cookies[COOKIES.flash]) return null
  const gzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '')
  const language = (c.req.header('accept-language') ?? '').slice(0, 100)
  return [c.req.url, cookies[COOKIES.lang] ?? '', cookies[COOKIES.timeZone] ?? '', language, gzip ? 'gzip' : ''].join(
    '\n',
  )
}

// a request id per answer, as the chain below gives one, without a random draw each time
const ID_PREFIX = `c${randomToken(6)}`
let served = 0

function serve(entry: Entry, ifNoneMatch: string | undefined): Response {
  const requestId = `${ID_PREFIX}${(++served).toString(36).padStart(4, '0')}`
  if (ifNoneMatch?.split(',').some((tag) => tag.trim() === entry.etag)) {
    return new Response(null, { status: 304, headers: { ...entry.notModified, 'x-request-id': requestId } })
  }
  return new Response(entry.body, { status: entry.status, headers: { ...entry.headers, 'x-request-id': requestId } })
}

/** Whether the page carries this request's CSRF token (a form): then it is this visitor's own. */
function carriesToken(body: Uint8Array<ArrayBuffer>, gzipped: boolean, token: string): boolean {
  if (!token) return false
  const text = Buffer.from(gzipped ? gunzipSync(body) : body).toString('latin1')
  return text.includes(token)
}

/** Hono's `c.res =` merges the old response's headers (cookies too) into the new one: cleared first. */
function replaceResponse(c: Parameters<MiddlewareHandler<AppEnv>>[0], res: Response): void {
  c.res = undefined as unknown as Response
  c.res = res
}

/**
 * The middleware, first in the chain. Writes (unsafe methods) bump the version when they end, so
 * this process's visitors see a change at once; a copy is kept only when no write of this
 * process ran while it was made.
 */
export function pageCache(version: DataVersion, options: PageCacheOptions): MiddlewareHandler<AppEnv> {
  const entries = new Map<string, Entry>()
  let bytes = 0
  const now = options.now ?? Date.now
  const drop = (key: string) => {
    const old = entries.get(key)
    if (old) bytes -= old.body.byteLength
    entries.delete(key)
  }

  return async (c, next) => {
    if (UNSAFE.has(c.req.method)) {
      version.writeStarted()
      try {
        return await next()
      } finally {
        version.writeEnded()
      }
    }
    const key = keyOf(c)
    if (key === null) return next()
    const at = now()
    version.refresh(at)
    const kept = entries.get(key)
    if (kept && kept.version === version.current && at - kept.madeAt < options.maxAgeMs) {
      // most recently used last, so eviction takes the coldest
      entries.delete(key)
      entries.set(key, kept)
      return serve(kept, c.req.header('if-none-match'))
    }
    if (kept) drop(key)

    const before = version.current
    const wasWriting = version.writing
    await next()
    const res = c.res
    if (wasWriting || version.writing || version.current !== before || res.status !== 200) return
    if (!CACHEABLE_TYPE.test(res.headers.get('content-type') ?? '')) return
    const cookies = res.headers.getSetCookie()
    if (cookies.some((cookie) => !cookie.startsWith(`${COOKIES.csrf}=`))) return
    const length = Number(res.headers.get('content-length') ?? 0)
    if (length > LARGEST_ENTRY || !res.body) return
    const body = new Uint8Array(await res.arrayBuffer())
    const gzipped = res.headers.get('content-encoding') === 'gzip'
    if (body.byteLength > LARGEST_ENTRY || carriesToken(body, gzipped, c.var.csrfToken)) {
      replaceResponse(c, new Response(body, res))
      return
    }
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
    const ours = { etag, 'cache-control': CACHE_CONTROL, vary: VARY }
    const headers: Record<string, string> = { ...ours }
    for (const [name, value] of res.headers) if (!PER_REQUEST.has(name)) headers[name] = value
    const notModified = Object.fromEntries(Object.entries(headers).filter(([name]) => !BODY_HEADERS.has(name)))
    const entry: Entry = { version: before, madeAt: at, status: res.status, headers, notModified, body, etag }
    entries.set(key, entry)
    bytes += body.byteLength
    for (const [oldest] of entries) {
      if (bytes <= options.maxBytes) break
      drop(oldest)
    }
    // the page has no form, so the visitor needs no CSRF cookie yet: the answer is the shared copy
    replaceResponse(c, serve(entry, c.req.header('if-none-match')))
  }
}
