// Measuring: percentiles, server time through in-process requests, and loopback load through
// autocannon in a child process (so the load generator does not share the server's event loop).
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { DEMO_PASSWORD } from '../src/modules/accounts/index.ts'
import type { LoadResult, TimingResult } from './scenario.ts'

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index] as number
}

export async function timeRepeated(work: () => Promise<unknown>, samples: number): Promise<TimingResult> {
  for (let i = 0; i < Math.min(5, samples); i++) await work()
  const times: number[] = []
  for (let i = 0; i < samples; i++) {
    const start = performance.now()
    await work()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return { p50: percentile(times, 50), p99: percentile(times, 99), samples }
}

const AUTOCANNON = join(import.meta.dirname, '..', 'node_modules', 'autocannon', 'autocannon.js')

export function loadTest(
  url: string,
  options: { connections?: number; seconds?: number; headers?: Record<string, string> } = {},
): Promise<LoadResult> {
  const args = [AUTOCANNON, '-j', '-c', String(options.connections ?? 50), '-d', String(options.seconds ?? 8)]
  for (const [k, v] of Object.entries(options.headers ?? {})) args.push('-H', `${k}=${v}`)
  args.push(url)
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (d) => {
      out += d
    })
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`))
      const r = JSON.parse(out)
      resolve({
        requestsPerSecond: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        errors: r.errors + r.non2xx,
      })
    })
  })
}

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-')

/** Signs a demo account in over HTTP, as a browser would, and gives the cookies to send. */
export async function signInCookie(baseUrl: string, email: string): Promise<string> {
  const page = await fetch(`${baseUrl}/sign-in`)
  const csrfCookie = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? ''
  const res = await fetch(`${baseUrl}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie, origin: baseUrl },
    body: new URLSearchParams({ _csrf: token, email, password: DEMO_PASSWORD }),
  })
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  return `${csrfCookie}; ${session}`
}
