// `npm run bench`: starts ecp with the demo on PGlite and on PostgreSQL (when one answers at
// BENCH_DATABASE_URL, TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test), then prints
// the transfer size of every page it can reach and the figures of each scenario.
// Options: --only NAME (scenario), --db pglite|postgresql, --no-pages.
import { mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { testConfig } from '../src/config.ts'
import type { DatabaseKind, DatabaseTarget } from '../src/core/db/database.ts'
import { createLogger } from '../src/core/log.ts'
import { loadDemo } from '../src/demo.ts'
import { DEMO_ACCOUNTS } from '../src/modules/accounts/index.ts'
import { openRuntime, type Runtime } from '../src/runtime.ts'
import { startServer } from '../src/server.ts'
import { freshPostgresDatabase } from '../test/support/runtime.ts'
import { fmt, loadTest, signInCookie, timeRepeated } from './measure.ts'
import type { BenchContext } from './scenario.ts'
import { scenarios } from './scenarios/index.ts'

const PAGE_BUDGET = 30 * 1024
const args = process.argv.slice(2)
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined
const onlyDb = args.includes('--db') ? args[args.indexOf('--db') + 1] : undefined
const print = (line: string) => process.stdout.write(`${line}\n`)

async function postgresUrl(): Promise<string | null> {
  const url =
    process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.end()
    process.env.TEST_DATABASE_URL = url
    return url
  } catch {
    return null
  }
}

/** Bytes on the wire for a GET with gzip accepted (the body as sent, compressed or not). */
function wireSize(
  baseUrl: string,
  path: string,
  cookie?: string,
): Promise<{ status: number; bytes: number; body: string; type: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${baseUrl}${path}`,
      { headers: { 'accept-encoding': 'gzip', ...(cookie ? { cookie } : {}) } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', async () => {
          const raw = Buffer.concat(chunks)
          const gz = res.headers['content-encoding'] === 'gzip'
          const body = gz ? (await import('node:zlib')).gunzipSync(raw).toString('utf8') : raw.toString('utf8')
          resolve({
            status: res.statusCode ?? 0,
            bytes: raw.length,
            body,
            type: String(res.headers['content-type'] ?? ''),
          })
        })
      },
    )
    req.on('error', reject)
    req.end()
  })
}

/** Follows same-site links from the home page (as a visitor, then as the administrator). */
async function pageSizes(baseUrl: string): Promise<void> {
  const css = await wireSize(
    baseUrl,
    (await wireSize(baseUrl, '/')).body.match(/href="(\/assets\/[^"]+\.css)"/)?.[1] ?? '',
  )
  const js = await wireSize(
    baseUrl,
    (await wireSize(baseUrl, '/')).body.match(/src="(\/assets\/[^"]+\.js)"/)?.[1] ?? '',
  )
  print(
    `\nTransfer size per page (gzip; HTML + CSS ${fmt(css.bytes / 1024)} KB + JS ${fmt(js.bytes / 1024)} KB; budget 30 KB):\n`,
  )
  print('| page | as | HTML KB | total KB | within budget |')
  print('|---|---|---|---|---|')
  const admin = DEMO_ACCOUNTS.find((a) => a.handle === 'admin')?.email ?? ''
  const visitors: [string, string | undefined][] = [
    ['visitor', undefined],
    ['administrator', await signInCookie(baseUrl, admin)],
  ]
  let over = 0
  for (const [who, cookie] of visitors) {
    const seen = new Set<string>()
    const shapes = new Map<string, number>()
    const queue = ['/']
    while (queue.length && seen.size < 150) {
      const path = queue.shift() as string
      if (seen.has(path)) continue
      seen.add(path)
      const page = await wireSize(baseUrl, path, cookie)
      if (page.status !== 200 || !page.type.startsWith('text/html')) continue
      const total = page.bytes + css.bytes + js.bytes
      if (total > PAGE_BUDGET) over++
      print(
        `| ${path} | ${who} | ${fmt(page.bytes / 1024)} | ${fmt(total / 1024)} | ${total <= PAGE_BUDGET ? 'yes' : 'NO'} |`,
      )
      for (const m of page.body.matchAll(/href="(\/[^"#]*)"/g)) {
        const link = (m[1] as string).replaceAll('&amp;', '&')
        if (
          link.startsWith('/assets/') ||
          link.startsWith('/api/') ||
          link.endsWith('.jsonl') ||
          link.includes('lang=')
        )
          continue
        // a few pages per shape: /organizations/apc stands for every organization page
        const [pathname = '', query] = link.split('?')
        const segments = pathname.split('/').filter(Boolean)
        const shape = `${segments[0] ?? ''}/${segments.length}/${segments.at(-1) === 'edit' || segments.at(-1) === 'new' ? segments.at(-1) : ''}${query ? '?' : ''}`
        const count = shapes.get(shape) ?? 0
        if (count >= 2) continue
        shapes.set(shape, count + 1)
        if (!seen.has(link)) queue.push(link)
      }
    }
  }
  print(over === 0 ? '\nEvery page is within the 30 KB budget.' : `\n${over} page(s) over the 30 KB budget.`)
}

async function benchOn(kind: DatabaseKind, firstRun: boolean): Promise<void> {
  let target: DatabaseTarget
  let cleanup: () => Promise<void>
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'ecp-bench-'))
    target = { kind: 'pglite', dataDir: dir }
    cleanup = async () => rmSync(dir, { recursive: true, force: true })
  } else {
    const fresh = await freshPostgresDatabase()
    target = { kind: 'postgresql', url: fresh.url, maxConnections: 10 }
    cleanup = fresh.drop
  }
  // the server as in production, visitors' copies of pages included (64 MB, the default outside
  // tests); the in-process app that times server work keeps none, so it times the work itself
  const config = testConfig({ env: 'production', pageCacheBytes: 64 * 1024 * 1024 })
  const runtime: Runtime = await openRuntime(config, { target, log: createLogger('error') })
  await loadDemo(runtime)
  const server = await startServer(runtime, { port: 0, host: '127.0.0.1', worker: false })
  const { createApp } = await import('../src/app.ts')
  const app = createApp({ ...runtime.deps, config: { ...config, pageCacheBytes: 0 } })
  const baseUrl = `http://127.0.0.1:${server.port}`
  const ctx: BenchContext = {
    kind,
    runtime,
    baseUrl,
    app,
    serverTime: (path, samples = 100, headers = {}) =>
      timeRepeated(async () => {
        const res = await app.request(path, { headers: { host: '127.0.0.1', ...headers } })
        await res.arrayBuffer()
        if (res.status >= 400) throw new Error(`${path} answered ${res.status}`)
      }, samples),
    timeWork: (work, samples = 10) => timeRepeated(work, samples),
    load: (path, options) => loadTest(`${baseUrl}${path}`, options),
    print,
  }
  try {
    print(`\n## ${kind}`)
    if (firstRun && !args.includes('--no-pages') && !only) await pageSizes(baseUrl)
    for (const scenario of scenarios) {
      if (only && scenario.name !== only) continue
      await scenario.run(ctx)
    }
  } finally {
    await server.close()
    await runtime.close()
    await cleanup()
  }
}

const kinds: DatabaseKind[] = ['pglite']
if (await postgresUrl()) kinds.push('postgresql')
else print('PostgreSQL: no server answered; benchmarking PGlite only.')
print(
  `# ecp benchmarks (${new Date().toISOString()}, Node ${process.version}, ${(await import('node:os')).cpus().length} cores)`,
)
let first = true
for (const kind of kinds) {
  if (onlyDb && kind !== onlyDb) continue
  await benchOn(kind, first)
  first = false
}
process.exit(0)
