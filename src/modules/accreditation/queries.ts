// SQL for accreditation requests.
import type { Kysely } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import type { CoreTables } from '../../core/db/tables.ts'
import type { AccreditationKind, AccreditationStatus, AccreditationTables } from './tables.ts'

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

/** Locks a pending request for a decision, so two reviewers cannot both decide it. */
export async function lockPendingRequest(db: Db, id: number): Promise<AccreditationRequest | undefined> {
  return adb(db)
    .selectFrom('accreditationRequest')
    .select(columns)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .forUpdate()
    .executeTakeFirst()
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
  let query = adb(db).selectFrom('accreditationRequest as r').innerJoin('authAccount as a', 'a.id', 'r.accountId')
  if (filter.status) query = query.where('r.status', '=', filter.status)
  const [rows, count] = await Promise.all([
    query
      .select([...columns.map((c) => `r.${c}` as const), 'a.displayName', 'a.email'])
      .orderBy('r.createdAt', filter.status === 'pending' ? 'asc' : 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

export async function countPending(db: Db): Promise<number> {
  const row = await adb(db)
    .selectFrom('accreditationRequest')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'pending')
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
