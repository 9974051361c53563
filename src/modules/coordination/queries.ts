// Reading the taxonomy and the mechanisms.
import type { Kysely, Selectable } from 'kysely'
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
  let query = c.selectFrom('coordinationMechanism').selectAll().orderBy('name')
  if (filter.organizationId) query = query.where('organizationId', '=', filter.organizationId)
  if (filter.issueId)
    query = query.where(
      'id',
      'in',
      c.selectFrom('coordinationMechanismIssue').select('mechanismId').where('issueId', '=', filter.issueId),
    )
  const rows = await query.execute()
  if (rows.length === 0) return []
  const links = await c
    .selectFrom('coordinationMechanismIssue')
    .selectAll()
    .where(
      'mechanismId',
      'in',
      rows.map((r) => r.id),
    )
    .execute()
  return rows.map((r) => ({ ...r, issueIds: links.filter((l) => l.mechanismId === r.id).map((l) => l.issueId) }))
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
