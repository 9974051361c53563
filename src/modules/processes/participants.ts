// Who attended: the list of participants of a meeting (or of all a process's meetings, for the
// report's annex), each delegation with its representatives, arranged as the UN prints it
// (rules/participants.ts). The page, the Word file and other modules read it from here.
import type { Db } from '../../core/db/database.ts'
import type { Locale } from '../../core/i18n/locales.ts'
import { findOrganizationsByIds, listMemberStates, localized } from '../actors/index.ts'
import { memberRows } from '../bodies/index.ts'
import { delegationsAt, findMeeting, findProcess, type Meeting, meetingsOf, type Process } from './queries.ts'
import { arrangeParticipants, type Delegation, mergeDelegations, type ParticipantList } from './rules/participants.ts'

/** The delegations that attended these meetings, named in `locale`, one list per meeting. */
async function delegationsOf(db: Db, meetingIds: number[], locale: Locale): Promise<Delegation[][]> {
  const rows = await delegationsAt(db, meetingIds)
  const states = new Map((await listMemberStates(db)).map((s) => [s.iso3, s]))
  const orgIds = rows.flatMap((r) => (r.organizationId ? [r.organizationId] : []))
  const orgs = new Map((await findOrganizationsByIds(db, [...new Set(orgIds)])).map((o) => [o.id, o]))
  return meetingIds.map((meetingId) =>
    rows
      .filter((r) => r.meetingId === meetingId)
      .flatMap((r): Delegation[] => {
        const base = { mode: r.mode, people: r.people }
        if (r.memberStateIso3) {
          const name = states.get(r.memberStateIso3)?.shortName[locale] ?? r.memberStateIso3
          return [{ ...base, kind: 'state', key: r.memberStateIso3, name, href: `/member-states/${r.memberStateIso3}` }]
        }
        const o = r.organizationId ? orgs.get(r.organizationId) : undefined
        if (!o) return []
        return [
          {
            ...base,
            kind: 'organization',
            key: o.slug,
            name: localized(o.name, locale),
            href: `/organizations/${o.slug}`,
          },
        ]
      }),
  )
}

async function arrange(db: Db, process: Process, delegations: Delegation[], locale: Locale): Promise<ParticipantList> {
  const members = await memberRows(db, process.bodyId, locale)
  const standing = new Map(members.map((m) => [m.memberStateIso3 ?? m.organizationSlug ?? '', m.standing]))
  return arrangeParticipants(delegations, (d) => standing.get(d.key) ?? null, new Intl.Collator(locale))
}

/** The list of participants of one meeting. */
export async function participantsOf(
  db: Db,
  meetingId: number,
  locale: Locale,
): Promise<{ meeting: Meeting; process: Process; list: ParticipantList } | null> {
  const meeting = await findMeeting(db, meetingId)
  const process = meeting ? await findProcess(db, meeting.processId) : undefined
  if (!meeting || !process) return null
  const [delegations = []] = await delegationsOf(db, [meeting.id], locale)
  return { meeting, process, list: await arrange(db, process, delegations, locale) }
}

/** Everyone who attended any meeting of the process, each delegation once (the report's annex). */
export async function participantsOfProcess(
  db: Db,
  processId: number,
  locale: Locale,
): Promise<ParticipantList | null> {
  const process = await findProcess(db, processId)
  if (!process) return null
  const meetings = await meetingsOf(db, { processId })
  const lists = await delegationsOf(
    db,
    meetings.map((m) => m.id),
    locale,
  )
  return arrange(db, process, mergeDelegations(lists), locale)
}

export type { Attendee, Delegation, ParticipantList } from './rules/participants.ts'
