// The only code that reads the deliberation tables: deliberations, participants, statements,
// the votes (all of them, or those changed since an analysis) and the stored analysis.
import { type Kysely, type Selectable, sql } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import type { CoreTables } from '../../core/db/tables.ts'
import type {
  DeliberationAnalysisTable,
  DeliberationParticipantTable,
  DeliberationStatementTable,
  DeliberationTable,
  DeliberationTables,
  StatementStatus,
} from './tables.ts'

type DeliberationDb = Kysely<CoreTables & DeliberationTables>
export const ddb = (db: Db): DeliberationDb => db.withTables<DeliberationTables>()

export type Deliberation = Selectable<DeliberationTable>
export type Participant = Selectable<DeliberationParticipantTable>
export type Statement = Selectable<DeliberationStatementTable>
export type StoredAnalysis = Selectable<DeliberationAnalysisTable>

export async function findDeliberation(db: Db, id: number): Promise<Deliberation | undefined> {
  return ddb(db).selectFrom('deliberationDeliberation').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The deliberation read under a share lock, inside a write's transaction: it cannot close meanwhile. */
export async function lockDeliberation(db: Db, id: number): Promise<Deliberation | undefined> {
  return ddb(db).selectFrom('deliberationDeliberation').selectAll().where('id', '=', id).forShare().executeTakeFirst()
}

export async function listDeliberations(db: Db): Promise<Deliberation[]> {
  return ddb(db).selectFrom('deliberationDeliberation').selectAll().orderBy('id', 'desc').execute()
}

/** The deliberations a proposal opened, newest first. */
export async function deliberationsOfProposal(db: Db, proposalId: number): Promise<Deliberation[]> {
  return ddb(db)
    .selectFrom('deliberationDeliberation')
    .selectAll()
    .where('proposalId', '=', proposalId)
    .orderBy('id', 'desc')
    .execute()
}

export async function participantOfAccount(db: Db, deliberationId: number, accountId: number) {
  return ddb(db)
    .selectFrom('deliberationParticipant')
    .selectAll()
    .where('deliberationId', '=', deliberationId)
    .where('accountId', '=', accountId)
    .executeTakeFirst()
}

/** Every participant with their declared groups (the analysis reads them once a cold run). */
export async function participantsOf(db: Db, deliberationId: number, sinceId = 0) {
  return ddb(db)
    .selectFrom('deliberationParticipant')
    .select(['id', 'externalId', 'regionalGroup', 'stakeholderGroup'])
    .where('deliberationId', '=', deliberationId)
    .where('id', '>', sinceId)
    .orderBy('id')
    .execute()
}

export async function statementsOf(db: Db, deliberationId: number, status?: StatementStatus): Promise<Statement[]> {
  let query = ddb(db).selectFrom('deliberationStatement').selectAll().where('deliberationId', '=', deliberationId)
  if (status) query = query.where('status', '=', status)
  return query.orderBy('id').execute()
}

export async function findStatement(db: Db, deliberationId: number, id: number): Promise<Statement | undefined> {
  return ddb(db)
    .selectFrom('deliberationStatement')
    .selectAll()
    .where('deliberationId', '=', deliberationId)
    .where('id', '=', id)
    .executeTakeFirst()
}

/**
 * The statement to show a participant next: an accepted one they have not voted on, the least
 * voted first (so every statement gets seen), then the oldest.
 */
export async function nextStatementFor(db: Db, deliberationId: number, participantId: number | null) {
  let query = ddb(db)
    .selectFrom('deliberationStatement as s')
    .select(['s.id', 's.text', 's.externalId'])
    .where('s.deliberationId', '=', deliberationId)
    .where('s.status', '=', 'accepted')
  if (participantId !== null) {
    query = query.where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('deliberationVote as v')
            .select('v.statementId')
            .whereRef('v.statementId', '=', 's.id')
            .where('v.participantId', '=', participantId),
        ),
      ),
    )
  }
  return query.orderBy('s.votes').orderBy('s.id').limit(1).executeTakeFirst()
}

/** How many accepted statements a participant has voted on, and how many there are. */
export async function progressOf(db: Db, deliberationId: number, participantId: number | null) {
  const total = await ddb(db)
    .selectFrom('deliberationStatement')
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .where('deliberationId', '=', deliberationId)
    .where('status', '=', 'accepted')
    .executeTakeFirstOrThrow()
  if (participantId === null) return { voted: 0, total: Number(total.n) }
  const voted = await ddb(db)
    .selectFrom('deliberationVote')
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .where('participantId', '=', participantId)
    .executeTakeFirstOrThrow()
  return { voted: Number(voted.n), total: Number(total.n) }
}

/**
 * Votes changed after `sinceSeq` (all of them from 0), one row per participant: their votes as
 * "statement:vote" pairs joined by commas, and the highest sequence number among them. One row a
 * participant instead of one a vote: reading 200,000 votes row by row through PGlite takes
 * seconds, most of it building row objects.
 */
export async function votesSince(db: Db, deliberationId: number, sinceSeq: number) {
  return ddb(db)
    .selectFrom('deliberationVote')
    .select((eb) => [
      'participantId',
      sql<string>`string_agg(statement_id::text || ':' || vote::text, ',')`.as('votes'),
      eb.fn.max('seq').as('lastSeq'),
    ])
    .where('deliberationId', '=', deliberationId)
    .where('seq', '>', sinceSeq)
    .groupBy('participantId')
    .orderBy('participantId')
    .execute()
}

export async function countVotes(db: Db, deliberationId: number): Promise<number> {
  const row = await ddb(db)
    .selectFrom('deliberationVote')
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .where('deliberationId', '=', deliberationId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function findAnalysis(db: Db, deliberationId: number): Promise<StoredAnalysis | undefined> {
  const row = await ddb(db)
    .selectFrom('deliberationAnalysis')
    .selectAll()
    .where('deliberationId', '=', deliberationId)
    .executeTakeFirst()
  return row
}

/** Every stored analysis (the open data). */
export async function listAnalyses(db: Db): Promise<StoredAnalysis[]> {
  return ddb(db).selectFrom('deliberationAnalysis').selectAll().orderBy('deliberationId').execute()
}

/** Every accepted statement with its votes counted (agree, disagree, pass): the open data. */
export async function statementTallies(db: Db) {
  return ddb(db)
    .selectFrom('deliberationStatement as s')
    .leftJoin('deliberationVote as v', 'v.statementId', 's.id')
    .select(({ fn }) => [
      's.id',
      's.deliberationId',
      's.externalId',
      's.text',
      fn.sum<number>(({ case: when }) => when().when('v.vote', '=', 1).then(1).else(0).end()).as('agree'),
      fn.sum<number>(({ case: when }) => when().when('v.vote', '=', -1).then(1).else(0).end()).as('disagree'),
      fn.sum<number>(({ case: when }) => when().when('v.vote', '=', 0).then(1).else(0).end()).as('pass'),
    ])
    .where('s.status', '=', 'accepted')
    .groupBy(['s.id', 's.deliberationId', 's.externalId', 's.text'])
    .orderBy('s.id')
    .execute()
}
