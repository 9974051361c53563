// SQL for accreditation requests.
import type { Kysely } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import type { CoreTables } from '../../core/db/tables.ts'
import type { AccreditationKind, AccreditationStatus, AccreditationTables, AppealStatus } from './tables.ts'

type AccreditationDb = Kysely<CoreTables & AccreditationTables>
const adb = (db: Db): AccreditationDb => db.withTables<AccreditationTables>()

export interface AccreditationRequest {
  id: number
  accountId: number
  kind: AccreditationKind
  memberStateIso3: string | null
  organizationId: number | null
  title: string
  justification: string | null
  status: AccreditationStatus
  createdAt: Date
  decidedAt: Date | null
  decidedBy: number | null
  decisionReason: string | null
}

const columns = [
  'id',
  'accountId',
  'kind',
  'memberStateIso3',
  'organizationId',
  'title',
  'justification',
  'status',
  'createdAt',
  'decidedAt',
  'decidedBy',
  'decisionReason',
] as const

export async function insertRequest(
  db: Db,
  input: Pick<
    AccreditationRequest,
    'accountId' | 'kind' | 'memberStateIso3' | 'organizationId' | 'title' | 'justification'
  >,
): Promise<AccreditationRequest | undefined> {
  return adb(db)
    .insertInto('accreditationRequest')
    .values(input)
    .onConflict((oc) => oc.doNothing())
    .returning(columns)
    .executeTakeFirst()
}

export async function findRequest(db: Db, id: number): Promise<AccreditationRequest | undefined> {
  return adb(db).selectFrom('accreditationRequest').select(columns).where('id', '=', id).executeTakeFirst()
}

/** Locks a request for a decision, so two reviewers cannot both decide it. */
export async function lockRequest(db: Db, id: number): Promise<AccreditationRequest | undefined> {
  return adb(db).selectFrom('accreditationRequest').select(columns).where('id', '=', id).forUpdate().executeTakeFirst()
}

export interface Appeal {
  id: number
  requestId: number
  lodgedBy: number
  reason: string
  lodgedAt: Date
  refusedBy: number | null
  refusalReason: string
  status: AppealStatus
  decidedBy: number | null
  decidedAt: Date | null
  decisionReason: string | null
}

const appealColumns = [
  'id',
  'requestId',
  'lodgedBy',
  'reason',
  'lodgedAt',
  'refusedBy',
  'refusalReason',
  'status',
  'decidedBy',
  'decidedAt',
  'decisionReason',
] as const

/** The appeals of these requests (at most one each), by request id. */
export async function appealsOf(db: Db, requestIds: number[]): Promise<Map<number, Appeal>> {
  if (requestIds.length === 0) return new Map()
  const rows = await adb(db)
    .selectFrom('accreditationAppeal')
    .select(appealColumns)
    .where('requestId', 'in', requestIds)
    .execute()
  return new Map(rows.map((a) => [a.requestId, a]))
}

export async function insertAppeal(
  db: Db,
  input: Pick<Appeal, 'requestId' | 'lodgedBy' | 'reason' | 'lodgedAt' | 'refusedBy' | 'refusalReason'>,
): Promise<void> {
  await adb(db).insertInto('accreditationAppeal').values(input).execute()
}

export async function decideAppeal(
  db: Db,
  requestId: number,
  decision: { status: Exclude<AppealStatus, 'pending'>; decidedBy: number | null; reason: string | null },
  now: Date,
): Promise<void> {
  await adb(db)
    .updateTable('accreditationAppeal')
    .set({ status: decision.status, decidedBy: decision.decidedBy, decidedAt: now, decisionReason: decision.reason })
    .where('requestId', '=', requestId)
    .where('status', '=', 'pending')
    .execute()
}

/** Whether the requester has another open request (pending or appealed) for the same role. */
export async function hasOtherOpenRequest(db: Db, request: AccreditationRequest): Promise<boolean> {
  let query = adb(db)
    .selectFrom('accreditationRequest')
    .select('id')
    .where('accountId', '=', request.accountId)
    .where('kind', '=', request.kind)
    .where('status', 'in', ['pending', 'appealed'])
    .where('id', '<>', request.id)
  query = request.memberStateIso3
    ? query.where('memberStateIso3', '=', request.memberStateIso3)
    : query.where('memberStateIso3', 'is', null)
  query = request.organizationId
    ? query.where('organizationId', '=', request.organizationId)
    : query.where('organizationId', 'is', null)
  return (await query.executeTakeFirst()) !== undefined
}

/** Changes only a request's status (an appeal lodged, or withdrawn: the refusal stands). */
export async function setRequestStatus(db: Db, id: number, status: AccreditationStatus): Promise<void> {
  await adb(db).updateTable('accreditationRequest').set({ status }).where('id', '=', id).execute()
}

export async function requestsOfAccount(db: Db, accountId: number): Promise<AccreditationRequest[]> {
  return adb(db)
    .selectFrom('accreditationRequest')
    .select(columns)
    .where('accountId', '=', accountId)
    .orderBy('createdAt', 'desc')
    .execute()
}

export async function listRequests(
  db: Db,
  filter: { status?: AccreditationStatus | undefined; limit: number; offset: number },
) {
  let query = adb(db)
    .selectFrom('accreditationRequest as r')
    .innerJoin('authAccount as a', 'a.id', 'r.accountId')
    .leftJoin('authAccount as d', 'd.id', 'r.decidedBy')
  if (filter.status) query = query.where('r.status', '=', filter.status)
  const [rows, count] = await Promise.all([
    query
      .select([...columns.map((c) => `r.${c}` as const), 'a.displayName', 'a.email', 'd.displayName as deciderName'])
      .orderBy('r.createdAt', filter.status === 'pending' || filter.status === 'appealed' ? 'asc' : 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

/** Requests waiting for a decision: pending ones and refusals under appeal. */
export async function countPending(db: Db): Promise<number> {
  const row = await adb(db)
    .selectFrom('accreditationRequest')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', ['pending', 'appealed'])
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function decideRequest(
  db: Db,
  id: number,
  decision: {
    status: 'approved' | 'refused' | 'withdrawn'
    decidedBy: number | null
    reason: string | null
    roleGrantId: number | null
  },
  now: Date,
): Promise<void> {
  await adb(db)
    .updateTable('accreditationRequest')
    .set({
      status: decision.status,
      decidedAt: now,
      decidedBy: decision.decidedBy,
      decisionReason: decision.reason,
      roleGrantId: decision.roleGrantId,
    })
    .where('id', '=', id)
    .execute()
}
