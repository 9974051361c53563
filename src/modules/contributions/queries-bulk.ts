// Contributions taken in bulk (a spreadsheet, a mailbox, the bulk API) and read back in bulk for
// analysis (campaigns). A batch is one COPY into a temporary table and two set-based statements
// (contributions; their first revision and its answer), so a million rows cost a few hundred
// statements, not millions.
import { sql } from 'kysely'
import { copyInto, copyText } from '../../core/db/copy.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
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

const STAGE_COLUMNS = [
  'source_line',
  'external_id',
  'submitted_at',
  'speaking_for',
  'member_state_iso3',
  'organization_id',
  'contributor_name',
  'stakeholder_group',
  'regional_group',
  'ldc',
  'lldc',
  'sids',
  'language',
  'question_id',
  'body',
] as const

/**
 * Inserts a batch inside the caller's transaction (or its own); a row whose external id the call
 * already has is skipped (a re-run adds nothing twice). The rows go by COPY into a temporary
 * table, then into the three tables by two set-based statements. Returns the rows stored, with
 * their new ids.
 */
export async function insertImportedContributions(
  db: Db,
  batch: ImportBatch,
  rows: ImportedContribution[],
): Promise<{ id: number; externalId: string; sourceLine: number }[]> {
  if (rows.length === 0) return []
  return inTransaction(db, async (trx) => {
    await sql`create temp table contributions_stage (source_line int, external_id text, submitted_at timestamptz,
      speaking_for text, member_state_iso3 text, organization_id bigint, contributor_name text, stakeholder_group text,
      regional_group text, ldc bool, lldc bool, sids bool, language text, question_id int, body text) on commit drop`.execute(
      trx,
    )
    await copyInto(
      trx,
      'contributions_stage',
      STAGE_COLUMNS,
      copyText(
        rows.map((r) => [
          r.sourceLine,
          r.externalId,
          r.submittedAt,
          r.speakingFor,
          r.memberStateIso3,
          r.organizationId,
          r.contributorName,
          r.stakeholderGroup,
          r.regionalGroup,
          r.ldc,
          r.lldc,
          r.sids,
          r.language,
          r.questionId,
          r.text,
        ]),
      ),
    )
    // a temporary table has no statistics until analyzed: the joins below would loop over it
    await sql`analyze contributions_stage`.execute(trx)
    const inserted = await sql<{ id: string | number; externalId: string; sourceLine: number }>`
      insert into contributions_contribution (call_id, process_id, speaking_for, member_state_iso3, organization_id,
        author_account_id, contributor_name, stakeholder_group, regional_group, ldc, lldc, sids, language, status,
        answered_question_ids, created_at, updated_at, published_at, external_id, import_id, source_file, source_line)
      select ${batch.callId}::bigint, ${batch.processId}::bigint, s.speaking_for, s.member_state_iso3, s.organization_id,
        ${batch.authorAccountId}::bigint, s.contributor_name, s.stakeholder_group, s.regional_group, s.ldc, s.lldc,
        s.sids, s.language, 'published', array[s.question_id], s.submitted_at, s.submitted_at, s.submitted_at,
        s.external_id, ${batch.importId}::bigint, ${batch.sourceFile}::text, s.source_line
      from contributions_stage s order by s.source_line
      on conflict (call_id, external_id) where external_id is not null do nothing
      returning id, external_id as "externalId", source_line as "sourceLine"`.execute(trx)
    const stored = inserted.rows.map((r) => ({ ...r, id: Number(r.id) }))
    if (stored.length > 0)
      await sql`
        with t as (select * from unnest(${stored.map((s) => s.id)}::bigint[], ${stored.map((s) => s.sourceLine)}::int[])
            as t(id, line)),
          r as (insert into contributions_revision (contribution_id, number, language, created_by, created_at)
            select t.id, 1, s.language, ${batch.authorAccountId}::bigint, s.submitted_at
            from t join contributions_stage s on s.source_line = t.line
            returning id, contribution_id)
        insert into contributions_answer (revision_id, question_id, body)
        select r.id, s.question_id, s.body from r join t on t.id = r.contribution_id
          join contributions_stage s on s.source_line = t.line`.execute(trx)
    await sql`drop table contributions_stage`.execute(trx)
    return stored
  })
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

export function textsQuery(db: Db) {
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
