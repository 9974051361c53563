// The campaign rebuild's read of a call's contributions as COPY text (bytes), page by page: the
// same rows as contributionTextsOfCall, without a JavaScript object per row, so a million are
// parsed where the work is (the rebuild's worker threads). Times are milliseconds since 1970.
import { copyOut } from '../../core/db/copy.ts'
import type { Db } from '../../core/db/database.ts'
import { textsQuery } from './queries-bulk.ts'

/** The columns of each line, in order (booleans as t/f, null as \N, text escaped as COPY does). */
export const CONTRIBUTION_TEXT_COPY_COLUMNS = [
  'id',
  'submittedAt',
  'contributorName',
  'stakeholderGroup',
  'regionalGroup',
  'ldc',
  'lldc',
  'sids',
  'language',
  'accountCreatedAt',
  'text',
] as const

/** A compiled query with its parameters written in (COPY takes none): numbers and plain strings only. */
function inlined(query: { sql: string; parameters: readonly unknown[] }): string {
  return query.sql.replace(/\$(\d+)/g, (_, n: string) => {
    const value = query.parameters[Number(n) - 1]
    if (typeof value === 'number' && Number.isFinite(value)) return String(value)
    if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`
    throw new Error(`cannot write parameter $${n} into COPY`)
  })
}

/** The call's published contributions after `afterId`, `limit` of them in id order, as COPY text. */
export async function contributionTextsOfCallCopy(
  db: Db,
  callId: number,
  page: { afterId: number; limit: number },
): Promise<Buffer> {
  for (const n of [callId, page.afterId, page.limit])
    if (!Number.isSafeInteger(n)) throw new Error('contributionTextsOfCallCopy: integers only')
  const inner = textsQuery(db)
    .where('c.callId', '=', callId)
    .where('c.status', '=', 'published')
    .where('c.id', '>', page.afterId)
    .orderBy('c.id')
    .limit(page.limit)
    .compile()
  const epoch = (column: string) => `(extract(epoch from q.${column}) * 1000)::float8`
  return copyOut(
    db,
    `select q.id, ${epoch('submitted_at')}, q.contributor_name, q.stakeholder_group, q.regional_group, q.ldc, q.lldc,
      q.sids, q.language, ${epoch('account_created_at')}, q.text
    from (${inlined(inner)}) q order by q.id`,
  )
}
