// A process and a meeting as their pages and the API show them, each read once by the same
// queries: the page renders it, api.ts serializes it.
import { isoDate } from '../../core/dates.ts'
import type { Db } from '../../core/db/database.ts'
import type { Locale } from '../../core/i18n/locales.ts'
import { findOrganizationsByIds, listMemberStates, localized } from '../actors/index.ts'
import { chainIn, listBodies } from '../bodies/index.ts'
import {
  agendaOf,
  attendanceOf,
  callsOf,
  documentsOf,
  findMeeting,
  findProcess,
  guidingQuestions,
  meetingsOf,
  phasesOf,
  stateChangesOf,
  transmissionsOf,
} from './queries.ts'
import { currentPhase, orderPhases } from './rules/timeline.ts'
import type { AttendanceMode } from './tables.ts'

export async function processDetail(db: Db, id: number, now: Date) {
  const process = await findProcess(db, id)
  if (!process) return null
  const today = isoDate(now)
  // every body is read once: the chain the process reports up and the bodies its report went to
  const [questions, phases, calls, meetings, documents, transmissions, bodies, stateChanges] = await Promise.all([
    guidingQuestions(db, id),
    phasesOf(db, id),
    callsOf(db, id),
    meetingsOf(db, { processId: id }),
    documentsOf(db, id),
    transmissionsOf(db, id),
    listBodies(db),
    stateChangesOf(db, id),
  ])
  const chain = chainIn(bodies, process.bodyId)
  const byId = new Map(bodies.map((b) => [b.id, b]))
  const ordered = orderPhases(phases)
  return {
    process,
    chain,
    today,
    questions,
    phases: ordered,
    current: currentPhase(ordered, today),
    calls,
    meetings,
    documents,
    transmissions: transmissions.map((t) => ({ ...t, toBody: byId.get(t.toBodyId) })),
    stateChanges,
  }
}
export type ProcessDetail = NonNullable<Awaited<ReturnType<typeof processDetail>>>

export interface AttendanceRow {
  kind: 'state' | 'organization'
  memberStateIso3: string | null
  organizationId: number | null
  organizationSlug: string | null
  /** in the reader's language */
  name: string
  href: string
  mode: AttendanceMode
}

export async function meetingDetail(db: Db, id: number, locale: Locale) {
  const meeting = await findMeeting(db, id)
  if (!meeting) return null
  const process = await findProcess(db, meeting.processId)
  if (!process) return null
  const [agenda, attendance, documents, states] = await Promise.all([
    agendaOf(db, meeting.id),
    attendanceOf(db, meeting.id),
    documentsOf(db, process.id),
    listMemberStates(db),
  ])
  const stateByIso = new Map(states.map((s) => [s.iso3, s]))
  const orgIds = attendance.flatMap((a) => (a.organizationId ? [a.organizationId] : []))
  const orgs = new Map((await findOrganizationsByIds(db, orgIds)).map((o) => [o.id, o]))
  const rows = attendance.flatMap((a): AttendanceRow[] => {
    if (a.memberStateIso3) {
      const name = stateByIso.get(a.memberStateIso3)?.shortName[locale] ?? a.memberStateIso3
      return [
        {
          kind: 'state',
          memberStateIso3: a.memberStateIso3,
          organizationId: null,
          organizationSlug: null,
          name,
          href: `/member-states/${a.memberStateIso3}`,
          mode: a.mode,
        },
      ]
    }
    const o = a.organizationId ? orgs.get(a.organizationId) : undefined
    if (!o) return []
    const name = localized(o.name, locale)
    return [
      {
        kind: 'organization',
        memberStateIso3: null,
        organizationId: o.id,
        organizationSlug: o.slug,
        name,
        href: `/organizations/${o.slug}`,
        mode: a.mode,
      },
    ]
  })
  return { meeting, process, agenda, attendance: rows, documents: new Map(documents.map((d) => [d.id, d])) }
}
export type MeetingDetail = NonNullable<Awaited<ReturnType<typeof meetingDetail>>>
