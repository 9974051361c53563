// Reading the taxonomy and the mechanisms.
import { type Kysely, type Selectable, sql } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import type { CoreTables } from '../../core/db/tables.ts'
import type { MapMechanism } from './rules/map.ts'
import type { CoordinationIssueTable, CoordinationMechanismTable, CoordinationTables } from './tables.ts'

type CoordinationDb = Kysely<CoreTables & CoordinationTables>
export const cdb = (db: Db): CoordinationDb => db.withTables<CoordinationTables>()

export type Issue = Selectable<CoordinationIssueTable>
export type Mechanism = Selectable<CoordinationMechanismTable> & { issueIds: number[] }

export async function listIssues(db: Db, statuses: Issue['status'][] = ['active']): Promise<Issue[]> {
  return cdb(db)
    .selectFrom('coordinationIssue')
    .selectAll()
    .where('status', 'in', statuses)
    .orderBy('basket')
    .orderBy('id')
    .execute()
}

export async function findIssue(db: Db, slugOrId: string | number): Promise<Issue | undefined> {
  const query = cdb(db).selectFrom('coordinationIssue').selectAll()
  return (
    typeof slugOrId === 'number' ? query.where('id', '=', slugOrId) : query.where('slug', '=', slugOrId)
  ).executeTakeFirst()
}

export async function listMechanisms(
  db: Db,
  filter: { organizationId?: number; issueId?: number } = {},
): Promise<Mechanism[]> {
  const c = cdb(db)
  // the issues come aggregated with each mechanism: one query, however many mechanisms
  let query = c
    .selectFrom('coordinationMechanism as m')
    .selectAll('m')
    .select(
      sql<
        number[]
      >`coalesce((select array_agg(l.issue_id order by l.issue_id) from coordination_mechanism_issue l where l.mechanism_id = m.id), '{}')`.as(
        'issueIds',
      ),
    )
    .orderBy('m.name')
  if (filter.organizationId) query = query.where('m.organizationId', '=', filter.organizationId)
  if (filter.issueId)
    query = query.where(
      'm.id',
      'in',
      c.selectFrom('coordinationMechanismIssue').select('mechanismId').where('issueId', '=', filter.issueId),
    )
  const rows = await query.execute()
  return rows.map((r) => ({ ...r, issueIds: (r.issueIds ?? []).map(Number) }))
}

export async function findMechanism(db: Db, id: number): Promise<Mechanism | undefined> {
  const row = await cdb(db).selectFrom('coordinationMechanism').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) return undefined
  const links = await cdb(db)
    .selectFrom('coordinationMechanismIssue')
    .select('issueId')
    .where('mechanismId', '=', id)
    .execute()
  return { ...row, issueIds: links.map((l) => l.issueId) }
}

/** The whole map as the analyses read it: active issues and every mechanism with its issues. */
export async function mapData(db: Db): Promise<{ issues: Issue[]; mechanisms: (Mechanism & MapMechanism)[] }> {
  const [issues, mechanisms] = await Promise.all([listIssues(db), listMechanisms(db)])
  return { issues, mechanisms }
}
