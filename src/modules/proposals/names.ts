// Names of States and organizations in the reader's language, for the pages that list who speaks.
import type { Context } from 'hono'
import type { AppEnv } from '../../core/http/context.ts'
import { findOrganizationsByIds, listMemberStates, localized } from '../actors/index.ts'

/** Names of States and organizations in the reader's language. */
export async function namesFor(c: Context<AppEnv>, organizationIds: number[]) {
  const locale = c.var.i18n.locale
  const [states, orgs] = await Promise.all([
    listMemberStates(c.var.db),
    findOrganizationsByIds(c.var.db, organizationIds),
  ])
  const stateNames = new Map(states.map((s) => [s.iso3, s.shortName[locale] ?? s.shortName.en]))
  const orgNames = new Map(orgs.map((o) => [o.id, localized(o.name, locale)]))
  return {
    stateName: (iso3: string) => stateNames.get(iso3) ?? iso3,
    orgName: (id: number) => orgNames.get(id) ?? `#${id}`,
  }
}
