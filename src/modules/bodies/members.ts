// What other modules ask of a body's membership: the Member States that are members (not
// observers), each with its representatives and the accounts that speak for it (active
// government_delegate grants), e.g. for the notices a silence procedure sends.
import { grantsOfRole } from '../../core/auth/grants.ts'
import type { Db } from '../../core/db/database.ts'
import { bodyMembers, type Representative, representativesOf } from './queries.ts'

export interface MemberStateOfBody {
  iso3: string
  since: string | null
  representatives: Representative[]
  /** accounts holding an active delegate grant for the State */
  delegateAccountIds: number[]
}

export async function memberStatesOf(db: Db, bodyId: number): Promise<MemberStateOfBody[]> {
  const [members, representatives, delegates] = await Promise.all([
    bodyMembers(db, bodyId),
    representativesOf(db, bodyId),
    grantsOfRole(db, 'government_delegate'),
  ])
  return members.flatMap((m) => {
    const iso3 = m.memberStateIso3
    if (!iso3 || m.standing !== 'member') return []
    return [
      {
        iso3,
        since: m.since,
        representatives: representatives.filter((r) => r.memberId === m.id),
        delegateAccountIds: [
          ...new Set(
            delegates.filter((g) => g.scope?.type === 'member_state' && g.scope.id === iso3).map((g) => g.accountId),
          ),
        ],
      },
    ]
  })
}
