// Says, before any test runs, which test tiers will run and which are skipped and why; with
// ECP_REQUIRE_TIERS=1 (set by .ci/run) a skipped tier fails the run instead.
import { existsSync } from 'node:fs'
import pg from 'pg'

export function chromiumPath(): string | null {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ]
  return candidates.find((p): p is string => Boolean(p && existsSync(p))) ?? null
}

async function postgresAnswers(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    await client.query('select 1')
    return null
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  } finally {
    await client.end().catch(() => {})
  }
}

export default async function setup() {
  const required = process.env.ECP_REQUIRE_TIERS === '1'
  const problems: string[] = []
  const lines: string[] = ['test tiers:', '  unit and integration on PGlite: run']
  const url = process.env.TEST_DATABASE_URL
  if (!url) {
    lines.push('  integration on PostgreSQL: SKIPPED (set TEST_DATABASE_URL=postgres://user@host:5432/db to run it)')
    problems.push('TEST_DATABASE_URL is not set')
  } else {
    const failure = await postgresAnswers(url)
    if (failure) {
      lines.push(`  integration on PostgreSQL: FAILED to connect to TEST_DATABASE_URL (${failure})`)
      problems.push(`PostgreSQL at TEST_DATABASE_URL does not answer: ${failure}`)
    } else {
      lines.push('  integration on PostgreSQL: run')
    }
  }
  const chromium = chromiumPath()
  if (chromium) lines.push(`  browser (Chromium at ${chromium}): run`)
  else {
    lines.push('  browser: SKIPPED (no Chromium; install Debian\'s "chromium" or set CHROME_PATH)')
    problems.push('no Chromium found')
  }
  process.stdout.write(`${lines.join('\n')}\n`)
  if (required && problems.length) {
    throw new Error(`ECP_REQUIRE_TIERS=1 but a tier cannot run: ${problems.join('; ')}`)
  }
}
