// The demo's map: the shipped taxonomy (loaded as reference data) and the main mechanisms of
// about thirty real organizations (demo-mechanisms.ts, from public knowledge), plus one issue
// proposed by a participant awaiting the Secretariat's triage.
import { SYSTEM } from '../../core/auth/actor.ts'
import type { DemoContext } from '../../core/module.ts'
import { listOrganizations, localized } from '../actors/index.ts'
import { createMechanism, proposeIssue } from './commands.ts'
import { DEMO_MECHANISMS } from './demo-mechanisms.ts'
import { listIssues } from './queries.ts'

export async function loadCoordinationDemo(ctx: DemoContext): Promise<void> {
  const now = new Date()
  const issues = new Map((await listIssues(ctx.db)).map((i) => [i.slug, i.id]))
  const organizations = await listOrganizations(ctx.db, { limit: 500, offset: 0 })
  const orgId = (key: string) =>
    organizations.rows.find((o) => o.acronym === key || localized(o.name, 'en') === key)?.id
  for (const m of DEMO_MECHANISMS) {
    const organizationId = orgId(m.organization)
    if (!organizationId) throw new Error(`demo mechanism ${m.name}: no organization ${m.organization}`)
    const created = await createMechanism(
      ctx.db,
      { actor: SYSTEM, now },
      {
        organizationId,
        name: m.name,
        type: m.type,
        description: m.description,
        governments: m.governments,
        stakeholders: m.stakeholders,
        support: m.support,
        website: m.website,
        issueIds: m.issues.flatMap((slug) => issues.get(slug) ?? []),
      },
    )
    if (!created.ok) throw new Error(`demo mechanism ${m.name}: ${JSON.stringify(created.error)}`)
  }
  const participant = ctx.accounts.get('participant')
  if (participant) {
    await proposeIssue(
      ctx.db,
      {
        actor: {
          kind: 'account',
          accountId: participant.id,
          displayName: 'Lin Wei',
          email: participant.email,
          grants: [],
          via: 'session',
        },
        now,
      },
      {
        name: 'Environmental footprint of data centres',
        description: 'The energy and water that data centres use, and the public policies that could reduce them.',
        basket: 'development',
        locale: 'en',
      },
    )
  }
}
