// The writes of the meetings' commands, inside their transaction (commands-meetings.ts).
import { sql } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import { jsonb } from '../../core/db/helpers.ts'
import { pdb } from './queries.ts'
import type { AttendanceInput, DocumentInput, MeetingInput, MeetingRecordInput, TransmissionInput } from './schemas.ts'

export function insertMeeting(trx: Db, processId: number, input: MeetingInput, now: Date) {
  return pdb(trx)
    .insertInto('processesMeeting')
    .values({
      processId,
      number: input.number,
      title: input.title,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      timeZone: input.timeZone ?? 'UTC',
      venue: input.venue ?? null,
      remoteUrl: input.remoteUrl ?? null,
      interpretationLanguages: input.interpretationLanguages ?? [],
      liveCaptioning: input.liveCaptioning ?? false,
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export async function insertAgenda(trx: Db, meetingId: number, agenda: MeetingInput['agenda']) {
  if (!agenda?.length) return
  await pdb(trx)
    .insertInto('processesAgendaItem')
    .values(
      agenda.map((item, i) => ({
        meetingId,
        position: i + 1,
        title: item.title,
        description: item.description ?? '',
        documentIds: item.documentIds ?? [],
        links: jsonb(item.links ?? []),
      })),
    )
    .execute()
}

export async function updateMeetingRecord(trx: Db, meetingId: number, input: MeetingRecordInput, now: Date) {
  await pdb(trx)
    .updateTable('processesMeeting')
    .set({
      ...(input.outcomeSummary !== undefined ? { outcomeSummary: input.outcomeSummary } : {}),
      ...(input.transcript !== undefined ? { transcript: input.transcript } : {}),
      updatedAt: now,
    })
    .where('id', '=', meetingId)
    .execute()
}

/** A delegation's attendance (once per meeting) and its representatives (once each by name). */
export async function upsertAttendance(trx: Db, meetingId: number, entry: AttendanceInput['entries'][number]) {
  const row = await pdb(trx)
    .insertInto('processesAttendance')
    .values({
      meetingId,
      memberStateIso3: entry.memberStateIso3?.toUpperCase() ?? null,
      organizationId: entry.organizationId ?? null,
      mode: entry.mode,
    })
    .onConflict((oc) =>
      oc
        .expression(sql`meeting_id, coalesce(member_state_iso3, ''), coalesce(organization_id, 0)` as never)
        .doUpdateSet({ mode: entry.mode }),
    )
    .returning('id')
    .executeTakeFirstOrThrow()
  // each representative once by name; a second record of the same person changes their mode
  for (const person of entry.representatives ?? []) {
    await pdb(trx)
      .insertInto('processesAttendee')
      .values({ attendanceId: row.id, name: person.name, function: person.function ?? null, mode: person.mode })
      .onConflict((oc) =>
        oc
          .expression(sql`attendance_id, lower(name)` as never)
          .doUpdateSet({ function: person.function ?? null, mode: person.mode }),
      )
      .execute()
  }
}

export function insertDocument(trx: Db, processId: number, input: DocumentInput, now: Date) {
  return pdb(trx)
    .insertInto('processesDocument')
    .values({
      processId,
      meetingId: input.meetingId ?? null,
      kind: input.kind,
      symbol: input.symbol ?? null,
      title: input.title,
      url: input.url ?? null,
      language: input.language ?? 'en',
      issuedOn: input.issuedOn,
      createdAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export function insertTransmission(trx: Db, processId: number, input: TransmissionInput, now: Date) {
  return pdb(trx)
    .insertInto('processesTransmission')
    .values({ processId, ...input, documentSymbol: input.documentSymbol ?? null, createdAt: now })
    .returning('id')
    .executeTakeFirstOrThrow()
}
