// The arriving contributions the rebuild bench assigns one by one, mixed as a consultation's
// arrivals are: exact copies of a campaign's text, edited copies of a campaign's template (a typo, a
// word replaced, a personal sentence added), a second copy of a text sent once (which makes a
// campaign of the two), and new texts in the six languages. The copies are of the call's own
// campaigns (read from the database), so they find their campaign as real arrivals would.
import { sql } from 'kysely'
import type { Db } from '../src/core/db/database.ts'
import { generateContributions, random } from '../src/modules/consultation/index.ts'
import { contributionTexts } from '../src/modules/contributions/index.ts'

export const ARRIVAL_KINDS = ['exact', 'edited', 'second copy', 'new'] as const
export type ArrivalKind = (typeof ARRIVAL_KINDS)[number]

/** Share of each kind among the arrivals (the rest are new texts). */
const SHARES: Record<Exclude<ArrivalKind, 'new'>, number> = { exact: 0.4, edited: 0.3, 'second copy': 0.05 }

export interface Arrival {
  kind: ArrivalKind
  text: string
  language: string
}

function edited(rnd: () => number, text: string, personal: string): string {
  const change = rnd()
  if (change < 0.34) {
    // a typo: two letters swapped
    const at = Math.floor(rnd() * (text.length - 2))
    return text.slice(0, at) + text.charAt(at + 1) + text.charAt(at) + text.slice(at + 2)
  }
  const words = text.split(' ')
  if (change < 0.67 && words.length > 3) {
    // a word replaced by one of another text
    words[Math.floor(rnd() * words.length)] = personal.split(' ')[0] ?? 'x'
    return words.join(' ')
  }
  // a personal sentence added after the template
  return `${text} ${personal.split(/(?<=[.。])\s*/)[0] ?? personal}`
}

/**
 * `n` arrivals for the call, in a shuffled order fixed by `seed`; the call's campaigns and lone
 * texts are read from the database (the largest campaigns weigh most, as they do in arrivals).
 */
export async function arrivalMix(db: Db, callId: number, n: number, seed: number): Promise<Arrival[]> {
  const rnd = random(seed)
  const campaigns = (
    await sql<{ template: string; size: number }>`select template, size from consultation_campaign
      where call_id = ${callId} order by size desc limit 100`.execute(db)
  ).rows
  const loneIds = (
    await sql<{ id: string }>`select contribution_id as id from consultation_member
      where call_id = ${callId} and campaign_id is null order by contribution_id desc limit ${n}`.execute(db)
  ).rows.map((r) => Number(r.id))
  const lone = await contributionTexts(db, loneIds)
  const fresh = [...generateContributions({ total: n * 4, seed: seed + 1000, campaignShare: 0 })]
  const total = campaigns.reduce((s, c) => s + Number(c.size), 0)
  const campaignPick = () => {
    let r = rnd() * total
    for (const c of campaigns) {
      r -= Number(c.size)
      if (r <= 0) return c.template
    }
    return campaigns[0]?.template ?? ''
  }
  const out: Arrival[] = []
  let f = 0
  const next = () => fresh[f++ % fresh.length] as (typeof fresh)[number]
  for (let i = 0; i < n; i++) {
    const r = rnd()
    let kind: ArrivalKind = 'new'
    if (campaigns.length > 0 && r < SHARES.exact) kind = 'exact'
    else if (campaigns.length > 0 && r < SHARES.exact + SHARES.edited) kind = 'edited'
    else if (lone.length > 0 && r < SHARES.exact + SHARES.edited + SHARES['second copy']) kind = 'second copy'
    if (kind === 'exact') out.push({ kind, text: campaignPick(), language: 'en' })
    else if (kind === 'edited') out.push({ kind, text: edited(rnd, campaignPick(), next().text), language: 'en' })
    else if (kind === 'second copy') {
      // each lone text copied once: its second copy starts a campaign
      const l = lone.splice(Math.floor(rnd() * lone.length), 1)[0] as (typeof lone)[number]
      out.push({ kind, text: l.text, language: l.language })
    } else {
      const g = next()
      out.push({ kind, text: g.text, language: g.language })
    }
  }
  return out
}
