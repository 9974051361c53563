// Contributions taken in bulk (a spreadsheet, a mailbox, the bulk API) and read back in bulk for
// analysis (campaigns). A batch is three set-based statements (contributions, their first
// revision, its answer), so a million rows cost thousands of statements, not millions.
import { sql } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import { cdb } from './queries.ts'
import type { SpeakingFor } from './tables.ts'

/** One contribution as an import brings it, already validated and resolved. */
export interface ImportedContribution {
  externalId: string
  submittedAt: Date
  speakingFor: SpeakingFor
  memberStateIso3: string | null
  organizationId: number | null
  contributorName: string
  stakeholderGroup: string
  regionalGroup: string | null
  ldc: boolean
  lldc: boolean
  sids: boolean
  language: string
  questionId: number
  text: string
  /** the line (CSV, JSON Lines) or message (mbox) of the source file */
  sourceLine: number
}

export interface ImportBatch {
  callId: number
  processId: number
  /** the Secretariat account that imports: the author of record */
  authorAccountId: number
  importId: number
  sourceFile: string
}

/**
 * Inserts a batch inside the caller's transaction; a row whose external id the call already has
 * is skipped (a re-run adds nothing twice). Returns the rows stored, with their new ids.
 */
export async function insertImportedContributions(
  trx: Db,
  batch: ImportBatch,
  rows: ImportedContribution[],
): Promise<{ id: number; externalId: string; sourceLine: number }[]> {
  if (rows.length === 0) return []
  const col = <T>(f: (r: ImportedContribution) => T) => rows.map(f)
  const inserted = await sql<{ id: string | number; externalId: string; sourceLine: number }>`
    insert into contributions_contribution (call_id, process_id, speaking_for, member_state_iso3, organization_id,
      author_account_id, contributor_name, stakeholder_group, regional_group, ldc, lldc, sids, language, status,
      answered_question_ids, created_at, updated_at, published_at, external_id, import_id, source_file, source_line)
    select ${batch.callId}::bigint, ${batch.processId}::bigint, t.speaking_for, t.member_state_iso3, t.organization_id,
      ${batch.authorAccountId}::bigint, t.contributor_name, t.stakeholder_group, t.regional_group, t.ldc, t.lldc,
      t.sids, t.language, 'published', array[t.question_id], t.submitted_at, t.submitted_at, t.submitted_at,
      t.external_id, ${batch.importId}::bigint, ${batch.sourceFile}::text, t.source_line
    from unnest(${col((r) => r.externalId)}::text[], ${col((r) => r.submittedAt.toISOString())}::timestamptz[],
      ${col((r) => r.speakingFor)}::text[], ${col((r) => r.memberStateIso3)}::text[],
      ${col((r) => r.organizationId)}::bigint[], ${col((r) => r.contributorName)}::text[],
      ${col((r) => r.stakeholderGroup)}::text[], ${col((r) => r.regionalGroup)}::text[], ${col((r) => r.ldc)}::bool[],
      ${col((r) => r.lldc)}::bool[], ${col((r) => r.sids)}::bool[], ${col((r) => r.language)}::text[],
      ${col((r) => r.questionId)}::int[], ${col((r) => r.sourceLine)}::int[])
      as t(external_id, submitted_at, speaking_for, member_state_iso3, organization_id, contributor_name,
        stakeholder_group, regional_group, ldc, lldc, sids, language, question_id, source_line)
    on conflict (call_id, external_id) where external_id is not null do nothing
    returning id, external_id as "externalId", source_line as "sourceLine"`.execute(trx)
  if (inserted.rows.length === 0) return []
  const byExternal = new Map(rows.map((r) => [r.externalId, r]))
  const stored = inserted.rows.map((r) => ({
    ...r,
    id: Number(r.id),
    row: byExternal.get(r.externalId) as ImportedContribution,
  }))
  const revisions = await sql<{ id: string | number; contributionId: string | number }>`
    insert into contributions_revision (contribution_id, number, language, created_by, created_at)
    select t.id, 1, t.language, ${batch.authorAccountId}::bigint, t.created_at
    from unnest(${stored.map((s) => s.id)}::bigint[], ${stored.map((s) => s.row.language)}::text[],
      ${stored.map((s) => s.row.submittedAt.toISOString())}::timestamptz[]) as t(id, language, created_at)
    returning id, contribution_id as "contributionId"`.execute(trx)
  const revisionOf = new Map(revisions.rows.map((r) => [Number(r.contributionId), Number(r.id)]))
  await sql`
    insert into contributions_answer (revision_id, question_id, body)
    select * from unnest(${stored.map((s) => revisionOf.get(s.id) as number)}::bigint[],
      ${stored.map((s) => s.row.questionId)}::int[], ${stored.map((s) => s.row.text)}::text[])`.execute(trx)
  return stored.map((s) => ({ id: s.id, externalId: s.externalId, sourceLine: s.sourceLine }))
}

/** A contribution as the campaign analysis reads it: its current text and who sent it. */
export interface ContributionText {
  id: number
  callId: number
  externalId: string | null
  text: string
  submittedAt: Date
  contributorName: string
  stakeholderGroup: string
  regionalGroup: string | null
  ldc: boolean
  lldc: boolean
  sids: boolean
  language: string
  /** when the author's account was made; null for imported contributions (no account of their own) */
  accountCreatedAt: Date | null
}

function textsQuery(db: Db) {
  return cdb(db)
    .selectFrom('contributionsContribution as c')
    .innerJoin('contributionsRevision as r', (join) =>
      join.onRef('r.contributionId', '=', 'c.id').onRef('r.number', '=', 'c.revisionCount'),
    )
    .innerJoin('authAccount as a', 'a.id', 'c.authorAccountId')
    .select([
      'c.id',
      'c.callId',
      'c.externalId',
      'c.createdAt as submittedAt',
      'c.contributorName',
      'c.stakeholderGroup',
      'c.regionalGroup',
      'c.ldc',
      'c.lldc',
      'c.sids',
      'c.language',
      sql<Date | null>`case when c.external_id is null then a.created_at end`.as('accountCreatedAt'),
      sql<string>`(select string_agg(body, E'\n\n' order by question_id) from contributions_answer where revision_id = r.id)`.as(
        'text',
      ),
    ])
}

/**
 * The call's contributions that count (published), in id order from `afterId`, `limit` at a time:
 * the campaign rebuild reads a million this way without holding them in one answer.
 */
export async function contributionTextsOfCall(
  db: Db,
  callId: number,
  page: { afterId: number; limit: number },
): Promise<ContributionText[]> {
  const rows = await textsQuery(db)
    .where('c.callId', '=', callId)
    .where('c.status', '=', 'published')
    .where('c.id', '>', page.afterId)
    .orderBy('c.id')
    .limit(page.limit)
    .execute()
  return rows.map((r) => ({ ...r, id: Number(r.id), callId: Number(r.callId), text: r.text ?? '' }))
}

/** The same reading of a few contributions (one that just arrived, a campaign's members). */
export async function contributionTexts(db: Db, ids: number[]): Promise<ContributionText[]> {
  if (ids.length === 0) return []
  const rows = await textsQuery(db)
    .where('c.id', 'in', ids)
    .where('c.status', '=', 'published')
    .orderBy('c.id')
    .execute()
  return rows.map((r) => ({ ...r, id: Number(r.id), callId: Number(r.callId), text: r.text ?? '' }))
}

/** Published contributions submitted on the platform (not imported) after `afterId`, in id order. */
export async function platformContributionsAfter(db: Db, afterId: number, limit: number): Promise<ContributionText[]> {
  const rows = await textsQuery(db)
    .where('c.id', '>', afterId)
    .where('c.importId', 'is', null)
    .where('c.status', '=', 'published')
    .orderBy('c.id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ ...r, id: Number(r.id), callId: Number(r.callId), text: r.text ?? '' }))
}
