// What changed between a rebuild's read and its swap, put right in the rebuild's transaction after
// the swap (its locks held, so nothing changes meanwhile). A contribution that arrived after the
// read was assigned into the tables the swap dropped: it is assigned again, into the new ones. A
// contribution the read took that has left the record since (withdrawn, hidden) loses its member
// row, and its text's and campaign's counts go down by one (the campaign's profile and template
// wait for the next rebuild, as they do for arrivals).
import { sql } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import { contributionTextsOfCall, uncountedContributionIds } from '../contributions/index.ts'
import { assignContribution } from './queries-assign.ts'

/** Whether `id` is in `sorted` (ascending). */
function has(sorted: readonly number[], id: number): boolean {
  let lo = 0
  let hi = sorted.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const at = sorted[mid] as number
    if (at === id) return true
    if (at < id) lo = mid + 1
    else hi = mid - 1
  }
  return false
}

/**
 * After the swap, in the rebuild's transaction: `read` is every contribution id the rebuild read,
 * ascending. Returns how many arrivals were assigned and how many members removed.
 */
export async function catchUpAfterSwap(
  trx: Db,
  call: { callId: number; processId: number },
  read: readonly number[],
): Promise<{ assigned: number; removed: number }> {
  const last = read.at(-1) ?? 0
  const gone = (await uncountedContributionIds(trx, call, last)).filter((id) => has(read, id))
  if (gone.length > 0)
    await sql`with gone as (delete from consultation_member where contribution_id = any(${gone}::bigint[])
        returning text_id, campaign_id),
      t as (update consultation_text t set members = t.members - g.n
        from (select text_id, count(*)::int as n from gone group by text_id) g where t.id = g.text_id),
      k as (update consultation_campaign k set size = k.size - g.n
        from (select campaign_id, count(*)::int as n from gone where campaign_id is not null group by campaign_id) g
        where k.id = g.campaign_id)
      update consultation_setting set analysed = analysed - (select count(*) from gone),
        lone = lone - (select count(*) from gone where campaign_id is null)
      where call_id = ${call.callId}`.execute(trx)
  let assigned = 0
  for (let after = last; ; ) {
    const page = await contributionTextsOfCall(trx, call.callId, { afterId: after, limit: 500 })
    for (const text of page) if (await assignContribution(trx, text)) assigned++
    const end = page.at(-1)
    if (!end) break
    after = end.id
  }
  return { assigned, removed: gone.length }
}
