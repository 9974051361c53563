// Meeting attendance by delegation (a State or an organization), with its process and the UTC
// year the meeting began: what the balance of participation (balance module) counts. Read-only.
import { sql } from 'kysely'
import type { Db } from '../../core/db/database.ts'

export interface AttendanceParticipation {
  processId: number
  meetingId: number
  memberStateIso3: string | null
  organizationId: number | null
  year: number
}

/** Delegations that attended one meeting, the meetings of some processes, or those of one year. */
export async function attendanceParticipation(
  db: Db,
  filter: { meetingId?: number; processIds?: number[]; year?: number },
): Promise<AttendanceParticipation[]> {
  if (filter.processIds?.length === 0) return []
  const result = await sql<AttendanceParticipation>`
    select m.process_id as "processId", m.id as "meetingId", a.member_state_iso3 as "memberStateIso3",
      a.organization_id as "organizationId", extract(year from m.starts_at at time zone 'UTC')::int as year
    from processes_attendance as a
    join processes_meeting as m on m.id = a.meeting_id
    where true
      ${filter.meetingId !== undefined ? sql`and m.id = ${filter.meetingId}` : sql``}
      ${filter.processIds ? sql`and m.process_id = any(${filter.processIds}::bigint[])` : sql``}
      ${filter.year !== undefined ? sql`and m.starts_at >= make_timestamptz(${filter.year}, 1, 1, 0, 0, 0, 'UTC') and m.starts_at < make_timestamptz(${filter.year + 1}, 1, 1, 0, 0, 0, 'UTC')` : sql``}
    order by a.id`.execute(db)
  return result.rows.map((r) => ({
    ...r,
    processId: Number(r.processId),
    meetingId: Number(r.meetingId),
    organizationId: r.organizationId === null ? null : Number(r.organizationId),
    year: Number(r.year),
  }))
}
