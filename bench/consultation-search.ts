// Search in the consultation bench's call (issue 13 §3): the search page and API for a broad word
// (the largest campaign's template), a rare one (a text in no campaign), a Chinese and an Arabic
// query, and narrowed by facets; server time p50/p99 beside the 100 ms budget.
import { sql } from 'kysely'
import { fmt } from './measure.ts'
import type { BenchContext } from './scenario.ts'

const PAGE_MS = 100

/** The first word of a text that is a word (letters only), for a query. */
function firstWord(text: string | undefined): string {
  return (text ?? '').split(/\s+/).find((w) => /^\p{L}{3,}$/u.test(w)) ?? 'bada'
}

export async function measureSearch(ctx: BenchContext, callId: number, samples = 30): Promise<void> {
  const db = ctx.runtime.deps.db
  const template = await sql<{ template: string }>`
    select template from consultation_campaign where call_id = ${callId} order by size desc limit 1`.execute(db)
  const lone = await sql<{ body: string }>`
    select a.body from consultation_member m
    join contributions_current_answer a on a.contribution_id = m.contribution_id
    where m.call_id = ${callId} and m.campaign_id is null and a.language = 'en' limit 1`.execute(db)
  const broad = firstWord(template.rows[0]?.template.toLowerCase())
  const rare = firstWord(lone.rows[0]?.body.split(' ').slice(3).join(' ').toLowerCase())
  const q = (text: string) => encodeURIComponent(text)
  const api = `/api/v1/calls/${callId}/contributions/search`
  const cases: [string, string][] = [
    [`search page, broad word "${broad}"`, `/calls/${callId}/search?q=${q(broad)}`],
    [
      `search page, broad word narrowed (en, not in a campaign)`,
      `/calls/${callId}/search?q=${q(broad)}&language=en&campaign=no`,
    ],
    [`search page, rare word "${rare}"`, `/calls/${callId}/search?q=${q(rare)}`],
    ['search page, Chinese "合作"', `/calls/${callId}/search?q=${q('合作')}`],
    ['search page, Arabic "بانا"', `/calls/${callId}/search?q=${q('بانا')}`],
    [`search API, broad word, from a keyset`, `${api}?q=${q(broad)}&after=999999999-1`],
    [`search API, rare word`, `${api}?q=${q(rare)}`],
  ]
  for (const [label, path] of cases) {
    const t = await ctx.serverTime(path, samples)
    ctx.print(
      `| ${label} ${ctx.kind} | p50 ${fmt(t.p50, 1)} ms, p99 ${fmt(t.p99, 1)} ms | ${PAGE_MS} ms p99 | ${t.p99 <= PAGE_MS ? 'yes' : 'NO'} |`,
    )
  }
}
