// The foundation's figures: the Member States page and API under a 50-connection loopback load,
// against a bare Node server answering the same bytes.
import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fmt, loadTest } from '../measure.ts'
import type { BenchContext, Scenario } from '../scenario.ts'

async function bareServer(body: Buffer, headers: Record<string, string>): Promise<{ url: string; stop: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'ecp-bench-'))
  const file = join(dir, 'body')
  writeFileSync(file, body)
  const child = spawn(
    process.execPath,
    [join(import.meta.dirname, '..', 'bare-server.mjs'), file, JSON.stringify(headers)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  const port = await new Promise<string>((resolve) => child.stdout.once('data', (d) => resolve(String(d).trim())))
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() }
}

async function compare(ctx: BenchContext, path: string) {
  const headers = { 'accept-encoding': 'gzip' }
  const response = await fetch(`${ctx.baseUrl}${path}`, { headers })
  const body = Buffer.from(await response.arrayBuffer())
  const kept: Record<string, string> = {}
  for (const name of ['content-type', 'content-encoding', 'content-language', 'vary']) {
    const value = response.headers.get(name)
    if (value) kept[name] = value
  }
  const ecp = await ctx.load(path, { headers })
  const bare = await bareServer(body, kept)
  try {
    const baseline = await loadTest(bare.url, { headers })
    ctx.print(
      `| ${path} | ${ctx.kind} | ${fmt(ecp.requestsPerSecond, 0)} | ${fmt(ecp.p50)} | ${fmt(ecp.p99)} | ` +
        `${fmt(baseline.requestsPerSecond, 0)} | ${fmt(baseline.p50)} | ${fmt(baseline.p99)} | ` +
        `${fmt(ecp.requestsPerSecond / baseline.requestsPerSecond, 3)} | ${ecp.errors} |`,
    )
  } finally {
    bare.stop()
  }
}

export const foundation: Scenario = {
  name: 'foundation',
  async run(ctx) {
    ctx.print('\nLoopback load, 50 connections (latency in ms; ratio = ecp rps / bare Node rps):\n')
    ctx.print('| path | database | ecp rps | p50 | p99 | bare rps | p50 | p99 | ratio | errors |')
    ctx.print('|---|---|---|---|---|---|---|---|---|---|')
    for (const path of ['/member-states', '/api/v1/member-states']) await compare(ctx, path)
    ctx.print('\nServer time, in-process (ms):\n')
    ctx.print('| path | database | p50 | p99 |')
    ctx.print('|---|---|---|---|')
    for (const path of ['/member-states', '/api/v1/member-states', '/member-states?q=ivoire&group=african']) {
      const t = await ctx.serverTime(path, 200)
      ctx.print(`| ${path} | ${ctx.kind} | ${fmt(t.p50, 2)} | ${fmt(t.p99, 2)} |`)
    }
  },
}
