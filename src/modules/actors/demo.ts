// Loads the actors' demo data: real organizations of Internet governance.
import { SYSTEM } from '../../core/auth/actor.ts'
import type { DemoContext } from '../../core/module.ts'
import { createOrganization } from './commands.ts'
import { DEMO_ORGANIZATIONS } from './demo-data.ts'

export async function loadActorsDemo({ db, deps }: DemoContext): Promise<void> {
  for (const o of DEMO_ORGANIZATIONS) {
    const result = await createOrganization(
      db,
      { actor: SYSTEM, now: deps.now() },
      {
        name: o.name,
        ...(o.acronym ? { acronym: o.acronym } : {}),
        stakeholderGroup: o.stakeholderGroup,
        headquarters: o.headquarters,
        website: o.website,
      },
    )
    if (!result.ok) throw new Error(`demo organization ${o.acronym ?? o.name.en}: ${JSON.stringify(result.error)}`)
  }
}
