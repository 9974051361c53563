// Reads who took part, through the other modules' exports (never their tables), as sightings with
// the process and year each belongs to; and the resolver that classifies States and organizations.
import { isoDate } from '../../core/dates.ts'
import type { Db } from '../../core/db/database.ts'
import {
  electoralGroup,
  findOrganizationsByIds,
  hasClassification,
  listMemberStates,
  type MemberState,
} from '../actors/index.ts'
import { reportingOrganizations } from '../annual-reports/index.ts'
import { bodyMembers } from '../bodies/index.ts'
import { contributionParticipation, individualParticipation, type PeopleScope } from '../contributions/index.ts'
import { negotiationParticipation } from '../negotiation/index.ts'
import { attendanceParticipation } from '../processes/index.ts'
import { type Participant, participantsFrom, type Resolver, type Sighting } from './rules/participants.ts'

/**
 * A sighting with where and when it happened. People speaking for themselves come counted
 * (`people`), once per process, call, body or year (`per` of sightings): their processId or year is
 * null when not counted by it.
 */
export interface Placed extends Sighting {
  processId: number | null
  meetingId?: number
  year: number | null
}

/** How people speaking for themselves are counted: once per process, per call, in the body, or per year. */
export type Per = PeopleScope

export interface Filter {
  processIds?: number[]
  callId?: number
  /** the body whose people are counted once in it (`per` 'body') */
  bodyId?: number
  year?: number
}

/** The scopes of `per` that the filter names (all of the kind when it names none). */
function peopleIn(filter: Filter, per: Per): number[] | undefined {
  if (per === 'process') return filter.processIds
  if (per === 'call') return filter.callId === undefined ? undefined : [filter.callId]
  if (per === 'body') return filter.bodyId === undefined ? undefined : [filter.bodyId]
  return filter.year === undefined ? undefined : [filter.year]
}

export type Source = 'contributions' | 'negotiation' | 'attendance' | 'annual_reports'
export const PROCESS_SOURCES: readonly Source[] = ['contributions', 'negotiation', 'attendance']

/**
 * Published contributions, negotiation acts, meeting attendance and published annual reports, as
 * asked; people speaking for themselves counted in the database, once in each part of `per`.
 */
export async function sightings(db: Db, filter: Filter, sources: readonly Source[], per: Per[]): Promise<Placed[]> {
  const contributing = sources.includes('contributions')
  const [contributions, negotiation, attendance, reports, ...people] = await Promise.all([
    contributing ? contributionParticipation(db, filter) : [],
    sources.includes('negotiation') ? negotiationParticipation(db, filter) : [],
    sources.includes('attendance') ? attendanceParticipation(db, filter) : [],
    sources.includes('annual_reports') ? reportingOrganizations(db, filter.year) : [],
    ...(contributing ? per.map((p) => individualParticipation(db, p, peopleIn(filter, p))) : []),
  ])
  return [
    ...people.flat().map((r) => ({
      memberStateIso3: null,
      organizationId: null,
      people: r.people,
      languages: r.languages,
      stakeholderGroup: r.stakeholderGroup,
      recorded: { regionalGroup: r.regionalGroup, ldc: r.ldc, lldc: r.lldc, sids: r.sids },
      processId: r.processId,
      year: r.year,
    })),
    ...contributions.map((r) => ({
      memberStateIso3: r.memberStateIso3,
      organizationId: r.organizationId,
      stakeholderGroup: r.stakeholderGroup,
      recorded: { regionalGroup: r.regionalGroup, ldc: r.ldc, lldc: r.lldc, sids: r.sids },
      language: r.language,
      processId: r.processId,
      year: r.year,
    })),
    ...negotiation.map((r) => ({ ...r, processId: r.processId })),
    ...attendance.map((r) => ({ ...r })),
    ...reports.map((r) => ({ memberStateIso3: null, organizationId: r.organizationId, processId: null, year: r.year })),
  ]
}

/**
 * Classifies States as of `date` (a graduation from LDC counts from its day) and organizations by
 * their headquarters; also gives the UN membership as participants.
 */
export async function resolverFor(
  db: Db,
  date: Date,
  organizationIds: Iterable<number>,
): Promise<{ resolve: Resolver; membership: Participant[] }> {
  const day = isoDate(date)
  const [states, organizations] = await Promise.all([
    listMemberStates(db),
    findOrganizationsByIds(db, [...new Set(organizationIds)]),
  ])
  const orgs = new Map(organizations.map((o) => [o.id, o]))
  const { profiles, membership } = classified(states, day)
  const resolve: Resolver = { state: (iso3) => profiles.get(iso3), organization: (id) => orgs.get(id) }
  return { resolve, membership }
}

type StateProfile = NonNullable<ReturnType<Resolver['state']>>
// the list of States is the same object while the reference data holds (actors caches it): its
// classification on a day is worked out once
const classifiedOn = new WeakMap<
  object,
  Map<string, { profiles: Map<string, StateProfile>; membership: Participant[] }>
>()

function classified(states: MemberState[], day: string) {
  let byDay = classifiedOn.get(states)
  if (!byDay) {
    byDay = new Map()
    classifiedOn.set(states, byDay)
  }
  const hit = byDay.get(day)
  if (hit) return hit
  const profiles = new Map<string, StateProfile>(
    states.map((s) => [
      s.iso3,
      {
        regionalGroup: electoralGroup(s),
        ldc: hasClassification(s, 'ldc', day),
        lldc: hasClassification(s, 'lldc', day),
        sids: hasClassification(s, 'sids', day),
        member: s.membership === 'member',
      },
    ]),
  )
  const resolve: Resolver = { state: (iso3) => profiles.get(iso3), organization: () => undefined }
  const membership = participantsFrom(
    states.filter((s) => s.membership === 'member').map((s) => ({ memberStateIso3: s.iso3, organizationId: null })),
    resolve,
  )
  const value = { profiles, membership }
  if (byDay.size > 50) byDay.clear()
  byDay.set(day, value)
  return value
}

/** The body's members (not observers), as sightings. */
export async function compositionOf(db: Db, bodyId: number): Promise<Sighting[]> {
  const members = await bodyMembers(db, bodyId)
  return members
    .filter((m) => m.standing === 'member')
    .map((m) => ({ memberStateIso3: m.memberStateIso3, organizationId: m.organizationId }))
}
