// The writes the deliberation commands make, inside their transaction (with its trx): a vote
// recorded or changed takes the next number of the vote sequence; imports write in batches and
// leave unchanged rows alone, so importing the same file twice changes nothing.
import { type Insertable, sql } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import { jsonb } from '../../core/db/helpers.ts'
import { ddb } from './queries.ts'
import type { AnalysisResult, AnalysisState } from './rules/analyze.ts'
import type {
  DeliberationParticipantTable,
  DeliberationStatementTable,
  DeliberationTable,
  StatementStatus,
} from './tables.ts'

export async function insertDeliberation(db: Db, row: Insertable<DeliberationTable>): Promise<number> {
  return (await ddb(db).insertInto('deliberationDeliberation').values(row).returning('id').executeTakeFirstOrThrow()).id
}

export async function insertParticipant(db: Db, row: Insertable<DeliberationParticipantTable>): Promise<number> {
  return (await ddb(db).insertInto('deliberationParticipant').values(row).returning('id').executeTakeFirstOrThrow()).id
}

export async function insertStatement(db: Db, row: Insertable<DeliberationStatementTable>): Promise<number> {
  return (await ddb(db).insertInto('deliberationStatement').values(row).returning('id').executeTakeFirstOrThrow()).id
}

/** Closes an open deliberation; false when it was closed already (a second click). */
export async function closeDeliberationRow(db: Db, id: number): Promise<boolean> {
  const done = await ddb(db)
    .updateTable('deliberationDeliberation')
    .set({ status: 'closed' })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst()
  return Number(done.numUpdatedRows) > 0
}

export async function setStatementStatus(db: Db, id: number, status: StatementStatus, note: string): Promise<void> {
  await ddb(db)
    .updateTable('deliberationStatement')
    .set({ status, moderationNote: note })
    .where('id', '=', id)
    .execute()
}

/** Records or changes a vote; false when it was already so (nothing written). */
export async function upsertVote(
  db: Db,
  row: { deliberationId: number; participantId: number; statementId: number; vote: number; votedAt: Date },
): Promise<boolean> {
  return (await upsertVotes(db, [row])) > 0
}

/**
 * Records or changes votes; returns how many rows changed. A vote recorded for the first time
 * raises its statement's count (the order in which statements are shown: least voted first).
 */
export async function upsertVotes(
  db: Db,
  rows: Array<{ deliberationId: number; participantId: number; statementId: number; vote: number; votedAt: Date }>,
): Promise<number> {
  if (rows.length === 0) return 0
  const changed = await ddb(db)
    .insertInto('deliberationVote')
    .values(rows)
    .onConflict((oc) =>
      oc
        .columns(['participantId', 'statementId'])
        .doUpdateSet((eb) => ({
          vote: eb.ref('excluded.vote'),
          votedAt: eb.ref('excluded.votedAt'),
          seq: sql<number>`nextval('deliberation_vote_seq')`,
        }))
        .where('deliberationVote.vote', '<>', (eb) => eb.ref('excluded.vote')),
    )
    // xmax is 0 on a row this statement inserted, not on one it updated
    .returning(['statementId', sql<boolean>`xmax = 0`.as('inserted')])
    .execute()
  const added = new Map<number, number>()
  for (const row of changed) {
    const id = Number(row.statementId)
    if (row.inserted) added.set(id, (added.get(id) ?? 0) + 1)
  }
  if (added.size > 0) {
    // in the order of the statements' ids, so two writers never wait on each other in a cycle
    const ids = [...added.keys()].sort((a, b) => a - b)
    await sql`update deliberation_statement s set votes = s.votes + a.n
      from unnest(${ids}::bigint[], ${ids.map((id) => added.get(id))}::int[]) as a(id, n)
      where s.id = a.id`.execute(db)
  }
  return changed.length
}

/**
 * Imported participants by their identifier: added when new, declared groups updated when they
 * changed; returns every one's id.
 */
export async function upsertExternalParticipants(
  db: Db,
  deliberationId: number,
  rows: Array<{ externalId: string; regionalGroup: string | null; stakeholderGroup: string | null }>,
): Promise<{ ids: Map<string, number>; added: number }> {
  const ids = new Map<string, number>()
  if (rows.length === 0) return { ids, added: 0 }
  const inserted = await ddb(db)
    .insertInto('deliberationParticipant')
    .values(rows.map((r) => ({ ...r, deliberationId })))
    .onConflict((oc) =>
      oc
        .columns(['deliberationId', 'externalId'])
        .doUpdateSet((eb) => ({
          regionalGroup: eb.ref('excluded.regionalGroup'),
          stakeholderGroup: eb.ref('excluded.stakeholderGroup'),
        }))
        .where(sql<boolean>`(deliberation_participant.regional_group, deliberation_participant.stakeholder_group)
          is distinct from (excluded.regional_group, excluded.stakeholder_group)`),
    )
    .returning(['id', 'externalId'])
    .execute()
  const existing = await ddb(db)
    .selectFrom('deliberationParticipant')
    .select(['id', 'externalId'])
    .where('deliberationId', '=', deliberationId)
    .where(
      'externalId',
      'in',
      rows.map((r) => r.externalId),
    )
    .execute()
  for (const row of existing) ids.set(row.externalId as string, row.id)
  return { ids, added: inserted.length }
}

/** Imported statements by identifier (accepted: they come moderated); text updated when given and changed. */
export async function upsertExternalStatements(
  db: Db,
  deliberationId: number,
  rows: Array<{ externalId: string; text: string | null }>,
): Promise<{ ids: Map<string, number>; added: number }> {
  const ids = new Map<string, number>()
  if (rows.length === 0) return { ids, added: 0 }
  const before = await ddb(db)
    .selectFrom('deliberationStatement')
    .select(['id', 'externalId', 'text'])
    .where('deliberationId', '=', deliberationId)
    .where(
      'externalId',
      'in',
      rows.map((r) => r.externalId),
    )
    .execute()
  const known = new Map(before.map((r) => [r.externalId as string, r]))
  const fresh = rows.filter((r) => !known.has(r.externalId))
  for (const r of rows) {
    const row = known.get(r.externalId)
    if (row && r.text !== null && row.text !== r.text)
      await ddb(db).updateTable('deliberationStatement').set({ text: r.text }).where('id', '=', row.id).execute()
  }
  const added = fresh.length
    ? await ddb(db)
        .insertInto('deliberationStatement')
        .values(
          fresh.map((r) => ({
            deliberationId,
            externalId: r.externalId,
            text: r.text ?? '',
            status: 'accepted' as const,
          })),
        )
        .returning(['id', 'externalId'])
        .execute()
    : []
  for (const row of [...before, ...added]) ids.set(row.externalId as string, row.id)
  return { ids, added: added.length }
}

export async function saveAnalysis(
  db: Db,
  row: {
    deliberationId: number
    result: AnalysisResult
    state: AnalysisState
    lastSeq: number
    computedAt: Date
    durationMs: number
  },
): Promise<void> {
  const values = { ...row, result: jsonb(row.result), state: jsonb(row.state) }
  await ddb(db)
    .insertInto('deliberationAnalysis')
    .values(values)
    .onConflict((oc) =>
      oc.column('deliberationId').doUpdateSet((eb) => ({
        result: eb.ref('excluded.result'),
        state: eb.ref('excluded.state'),
        lastSeq: eb.ref('excluded.lastSeq'),
        computedAt: eb.ref('excluded.computedAt'),
        durationMs: eb.ref('excluded.durationMs'),
      })),
    )
    .execute()
}
