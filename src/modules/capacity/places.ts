// What the capacity pages need to name a gap's place: Member States and issues by their codes, a
// gap's regional group (its own, or its country's) and its country's development statuses today.
// And the offers' providers by name. Read through the actors' and coordination's exports.
import type { Context } from 'hono'
import { isoDate } from '../../core/dates.ts'
import type { AppEnv } from '../../core/http/context.ts'
import {
  electoralGroup,
  findOrganizationsByIds,
  hasClassification,
  listMemberStates,
  localized,
  type MemberState,
} from '../actors/index.ts'
import { type Issue, listIssues } from '../coordination/index.ts'
import type { Gap, Offer } from './queries.ts'
import { CLASSES, type Classification } from './schemas.ts'

export interface Places {
  states: MemberState[]
  issues: Issue[]
  stateName(iso3: string): string
  issueName(slug: string): string
  /** the gap's regional group: its own, or its country's */
  groupOf(g: Gap): string | null
  classesOf(g: Gap): Classification[]
}

export async function placesFor(c: Context<AppEnv>): Promise<Places> {
  const locale = c.var.i18n.locale
  const [states, issues] = await Promise.all([listMemberStates(c.var.db), listIssues(c.var.db)])
  const byIso = new Map(states.map((s) => [s.iso3, s]))
  const issueNames = new Map(issues.map((i) => [i.slug, localized(i.name, locale)]))
  const today = isoDate(c.var.deps.now())
  return {
    states,
    issues,
    stateName: (iso3) => byIso.get(iso3)?.shortName[locale] ?? iso3,
    issueName: (slug) => issueNames.get(slug) ?? slug,
    groupOf: (g) =>
      g.regionalGroup ?? (g.memberStateIso3 ? electoralGroup(byIso.get(g.memberStateIso3) as MemberState) : null),
    classesOf: (g) => {
      const state = g.memberStateIso3 ? byIso.get(g.memberStateIso3) : undefined
      return state ? CLASSES.filter((k) => hasClassification(state, k, today)) : []
    },
  }
}

/** Where the gap is: its country's name, or its regional group's. */
export function gapWhere(places: Places, t: (key: string) => string, g: Gap): string {
  return g.memberStateIso3 ? places.stateName(g.memberStateIso3) : t(`actors.group.${g.regionalGroup}`)
}

/** The offers' providers, named in the page's language, by organization id. */
export async function providersOf(c: Context<AppEnv>, offers: Offer[]): Promise<Map<number, string>> {
  const orgs = await findOrganizationsByIds(c.var.db, [...new Set(offers.map((o) => o.organizationId))])
  return new Map(orgs.map((o) => [o.id, localized(o.name, c.var.i18n.locale)]))
}
