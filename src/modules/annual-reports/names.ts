// Names the annual reports' pages print: organizations and the taxonomy's issues, in the page's
// language, read through the actors' and coordination's exports.
import type { Context } from 'hono'
import type { AppEnv } from '../../core/http/context.ts'
import { findOrganizationsByIds, localized } from '../actors/index.ts'
import { listIssues } from '../coordination/index.ts'

export async function namesOf(c: Context<AppEnv>, organizationIds: number[]) {
  const locale = c.var.i18n.locale
  const [orgs, issues] = await Promise.all([findOrganizationsByIds(c.var.db, organizationIds), listIssues(c.var.db)])
  const orgNames = new Map(orgs.map((o) => [o.id, localized(o.name, locale)]))
  const issueNames = new Map(issues.map((i) => [i.slug, localized(i.name, locale)]))
  return {
    orgName: (id: number) => orgNames.get(id) ?? `#${id}`,
    issueName: (slug: string) => issueNames.get(slug) ?? slug,
    issues,
  }
}
