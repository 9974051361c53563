// A body as its page and its API show it, built once from the same queries: the chain it reports
// to, its members and observers with their representatives (named in the reader's language),
// its officers, and its seats per constituency.
import type { Db } from '../../core/db/database.ts'
import type { Locale } from '../../core/i18n/locales.ts'
import {
  electoralGroup,
  findOrganizationsByIds,
  listMemberStates,
  localized,
  type RegionalGroup,
  type StakeholderGroup,
} from '../actors/index.ts'
import {
  type Body,
  type BodyOfficer,
  bodyChain,
  bodyMembers,
  bodyOfficers,
  type Representative,
  representativesOf,
} from './queries.ts'
import { type SeatCount, seatCounts } from './rules/composition.ts'
import type { Standing } from './tables.ts'

export interface MemberRow {
  id: number
  standing: Standing
  kind: 'state' | 'organization'
  memberStateIso3: string | null
  organizationId: number | null
  organizationSlug: string | null
  /** in the reader's language */
  name: string
  href: string
  regionalGroup: RegionalGroup | null
  stakeholderGroup: StakeholderGroup | null
  since: string | null
  representatives: Representative[]
}

export interface BodyDetail {
  body: Body
  chain: Body[]
  members: MemberRow[]
  officers: (BodyOfficer & { from: string | null })[]
  seats: SeatCount[]
}

/** The body's name in the reader's language (English when not given in it). */
export function bodyName(body: Pick<Body, 'name' | 'names'>, locale: Locale): string {
  return body.names[locale] || body.name
}

/** The body's members and observers, named in `locale`. */
export async function memberRows(db: Db, bodyId: number, locale: Locale): Promise<MemberRow[]> {
  const [members, representatives, states] = await Promise.all([
    bodyMembers(db, bodyId),
    representativesOf(db, bodyId),
    listMemberStates(db),
  ])
  const stateByIso = new Map(states.map((s) => [s.iso3, s]))
  const orgIds = members.flatMap((m) => (m.organizationId ? [m.organizationId] : []))
  const orgs = new Map((await findOrganizationsByIds(db, orgIds)).map((o) => [o.id, o]))
  return members.flatMap((m): MemberRow[] => {
    const base = {
      id: m.id,
      standing: m.standing,
      since: m.since,
      memberStateIso3: m.memberStateIso3,
      organizationId: m.organizationId,
      representatives: representatives.filter((r) => r.memberId === m.id),
    }
    if (m.memberStateIso3) {
      const s = stateByIso.get(m.memberStateIso3)
      return [
        {
          ...base,
          kind: 'state',
          organizationSlug: null,
          name: s?.shortName[locale] ?? m.memberStateIso3,
          href: `/member-states/${m.memberStateIso3}`,
          regionalGroup: s ? electoralGroup(s) : null,
          stakeholderGroup: null,
        },
      ]
    }
    const o = m.organizationId ? orgs.get(m.organizationId) : undefined
    if (!o) return []
    return [
      {
        ...base,
        kind: 'organization',
        organizationSlug: o.slug,
        name: localized(o.name, locale),
        href: `/organizations/${o.slug}`,
        regionalGroup: null,
        stakeholderGroup: o.stakeholderGroup,
      },
    ]
  })
}

/** Seats per constituency from member rows (observers hold no seat). */
export function seatsOf(body: Body, rows: readonly MemberRow[]): SeatCount[] {
  const full = rows.filter((r) => r.standing === 'member')
  return seatCounts(
    body,
    full.filter((r) => r.kind === 'state'),
    full.flatMap((r) => (r.stakeholderGroup ? [{ stakeholderGroup: r.stakeholderGroup }] : [])),
  )
}

export async function bodyDetail(db: Db, body: Body, locale: Locale): Promise<BodyDetail> {
  const [chain, officers, members, states] = await Promise.all([
    bodyChain(db, body.id),
    bodyOfficers(db, body.id),
    memberRows(db, body.id, locale),
    listMemberStates(db),
  ])
  const stateByIso = new Map(states.map((s) => [s.iso3, s]))
  return {
    body,
    chain,
    members,
    officers: officers.map((o) => ({
      ...o,
      from: o.memberStateIso3 ? (stateByIso.get(o.memberStateIso3)?.shortName[locale] ?? o.memberStateIso3) : null,
    })),
    seats: seatsOf(body, members),
  }
}

export function bodyJson(body: Body, chain: readonly Body[], locale: Locale) {
  return {
    id: body.id,
    slug: body.slug,
    name: bodyName(body, locale),
    names: { en: body.name, ...body.names } as Record<string, string>,
    acronym: body.acronym,
    description: body.description,
    mandate: { symbol: body.mandateSymbol, text: body.mandateText },
    term: { startsOn: body.termStartsOn, endsOn: body.termEndsOn },
    reportsTo: chain.slice(1).map((b) => ({ id: b.id, name: bodyName(b, locale), acronym: b.acronym })),
    composition: {
      memberStateSeats: body.memberStateSeats,
      stakeholderSeats: body.stakeholderSeats as Record<string, number>,
    },
    illustrativeMembership: body.illustrativeMembership,
    url: `/bodies/${body.slug}`,
  }
}

export function memberJson(m: MemberRow) {
  return {
    id: m.id,
    standing: m.standing,
    memberState: m.memberStateIso3,
    organization: m.organizationSlug,
    name: m.name,
    group: m.regionalGroup ?? m.stakeholderGroup,
    since: m.since,
    representatives: m.representatives.map((r) => ({ name: r.name, function: r.function })),
  }
}

export function bodyDetailJson(detail: BodyDetail, locale: Locale) {
  return {
    ...bodyJson(detail.body, detail.chain, locale),
    seats: detail.seats.map((s) => ({ constituency: s.group, seats: s.seats, filled: s.filled })),
    members: detail.members.map(memberJson),
    officers: detail.officers.map((o) => ({
      id: o.id,
      office: o.office,
      name: o.name,
      memberState: o.memberStateIso3,
      selection: o.selection,
      since: o.since,
      record: o.record,
    })),
  }
}
