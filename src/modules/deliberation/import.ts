// Importing a past consultation's votes (and its statements) for research or replay:
// VOTES.csv `participant,statement,vote,regional_group,stakeholder_group`, STATEMENTS.csv
// `statement,text`. Rows are read as a stream and written in batches, each batch in one
// transaction; rows already there unchanged are left alone, so a second import changes nothing.
// A refused row (bad vote, unknown group) is reported with its line, never guessed at.
import { createReadStream } from 'node:fs'
import { parse } from 'csv-parse'
import { auditedBy, type CommandContext, recordAudit } from '../../core/audit/audit.ts'
import { authorize } from '../../core/auth/authorize.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { notFound, ok, type Result } from '../../core/result.ts'
import { findDeliberation } from './queries.ts'
import { upsertExternalParticipants, upsertExternalStatements, upsertVotes } from './queries-write.ts'
import { isRegionalGroup, isStakeholderGroup } from './rules/declared.ts'
import { ImportedStatement, ImportedVote } from './schemas.ts'

export const IMPORT_BATCH = 5000

export interface ImportReport {
  rows: number
  votesChanged: number
  participantsChanged: number
  statementsAdded: number
  refused: Array<{ line: number; reason: string }>
}

type Row = {
  participant: string
  statement: string
  vote: -1 | 0 | 1
  regional: string | null
  stakeholder: string | null
}

function csvRows(path: string) {
  return createReadStream(path).pipe(parse({ columns: true, bom: true, skip_empty_lines: true, trim: true }))
}

/** Counts the data rows of a CSV file (for the progress bar) without parsing it. */
export async function countCsvRows(path: string): Promise<number> {
  let lines = 0
  let last = 10
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (const byte of chunk) if (byte === 10) lines++
    last = chunk[chunk.length - 1] ?? last
  }
  return Math.max(0, lines + (last === 10 ? 0 : 1) - 1)
}

function check(raw: Record<string, string>): Row | string {
  const parsed = ImportedVote.safeParse(raw)
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
  const { participant, statement, vote } = parsed.data
  const regional = parsed.data.regional_group || null
  const stakeholder = parsed.data.stakeholder_group || null
  if (regional && !isRegionalGroup(regional)) return `regional_group: unknown group "${regional}"`
  if (stakeholder && !isStakeholderGroup(stakeholder)) return `stakeholder_group: unknown group "${stakeholder}"`
  return { participant, statement, vote, regional, stakeholder }
}

async function writeBatch(db: Db, deliberationId: number, rows: Row[], at: Date, report: ImportReport) {
  // within a batch the last row for a participant, or for a participant x statement, wins
  const people = new Map<string, Row>()
  const cells = new Map<string, Row>()
  const statements = new Set<string>()
  for (const row of rows) {
    people.set(row.participant, row)
    cells.set(`${row.participant}\u0000${row.statement}`, row)
    statements.add(row.statement)
  }
  // the report is added to once committed: a transaction run again after a lost race counts once
  const written = await inTransaction(db, async (trx) => {
    const participants = await upsertExternalParticipants(
      trx,
      deliberationId,
      [...people.values()].map((r) => ({
        externalId: r.participant,
        regionalGroup: r.regional,
        stakeholderGroup: r.stakeholder,
      })),
    )
    const known = await upsertExternalStatements(
      trx,
      deliberationId,
      [...statements].map((externalId) => ({ externalId, text: null })),
    )
    const votes = await upsertVotes(
      trx,
      [...cells.values()].map((r) => ({
        deliberationId,
        participantId: participants.ids.get(r.participant) as number,
        statementId: known.ids.get(r.statement) as number,
        vote: r.vote,
        votedAt: at,
      })),
    )
    return { participants: participants.added, statements: known.added, votes }
  })
  report.participantsChanged += written.participants
  report.statementsAdded += written.statements
  report.votesChanged += written.votes
}

/** Imports votes (and statements) into a deliberation; `progress` hears of each batch. */
export async function importDeliberation(
  db: Db,
  ctx: CommandContext,
  deliberationId: number,
  files: { votes: string; statements?: string | undefined },
  progress: (rows: number) => void = () => {},
): Promise<Result<ImportReport>> {
  const allowed = authorize(ctx.actor, 'deliberation.moderate')
  if (!allowed.ok) return allowed
  if (!(await findDeliberation(db, deliberationId))) return notFound('deliberation_not_found')
  const report: ImportReport = { rows: 0, votesChanged: 0, participantsChanged: 0, statementsAdded: 0, refused: [] }
  if (files.statements) {
    let line = 1
    let batch: Array<{ externalId: string; text: string }> = []
    const flush = async () => {
      const written = await inTransaction(db, (trx) => upsertExternalStatements(trx, deliberationId, batch))
      report.statementsAdded += written.added
      batch = []
    }
    for await (const raw of csvRows(files.statements)) {
      line++
      const parsed = ImportedStatement.safeParse(raw)
      if (!parsed.success)
        report.refused.push({ line, reason: `statements: ${parsed.error.issues[0]?.message ?? 'invalid'}` })
      else batch.push({ externalId: parsed.data.statement, text: parsed.data.text })
      if (batch.length >= IMPORT_BATCH) await flush()
    }
    if (batch.length) await flush()
  }
  let line = 1
  let batch: Row[] = []
  let read = 0
  for await (const raw of csvRows(files.votes)) {
    line++
    read++
    report.rows++
    const row = check(raw)
    if (typeof row === 'string') report.refused.push({ line, reason: row })
    else batch.push(row)
    if (batch.length >= IMPORT_BATCH) {
      await writeBatch(db, deliberationId, batch, ctx.now, report)
      progress(read)
      read = 0
      batch = []
    }
  }
  if (batch.length) await writeBatch(db, deliberationId, batch, ctx.now, report)
  progress(read)
  await recordAudit(db, {
    ...auditedBy(ctx),
    action: 'deliberation.imported',
    subjectType: 'deliberation',
    subjectId: deliberationId,
    payload: { ...report, refused: report.refused.length },
  })
  return ok(report)
}
