// How a role grant reads in the reader's language: "Government delegate of Brazil".

import type { Grant } from '../../core/auth/actor.ts'
import type { Db } from '../../core/db/database.ts'
import type { Translator } from '../../core/i18n/messages.ts'
import { isolated } from '../../core/ui/name.tsx'
import { findOrganizationsByIds, listMemberStates, localized } from '../actors/index.ts'
import { bodyLabel, listBodies } from '../processes/index.ts'

export async function describeGrants(
  db: Db,
  i18n: Translator,
  grants: readonly Grant[],
): Promise<{ grant: Grant; label: string }[]> {
  const needsStates = grants.some((g) => g.scope?.type === 'member_state')
  const states = needsStates ? new Map((await listMemberStates(db)).map((s) => [s.iso3, s])) : new Map()
  const orgIds = grants.flatMap((g) => (g.scope?.type === 'organization' ? [Number(g.scope.id)] : []))
  const organizations = new Map((await findOrganizationsByIds(db, orgIds)).map((o) => [o.id, o]))
  // a Chair chairs bodies: "Chair of WGEC"
  const needsBodies = grants.some((g) => g.scope?.type === 'body')
  const bodies = needsBodies ? new Map((await listBodies(db)).map((b) => [String(b.id), b])) : new Map()
  return grants.map((grant) => {
    const role = i18n.t(`roles.${grant.role}`)
    if (!grant.scope) return { grant, label: role }
    let of = grant.scope.id
    if (grant.scope.type === 'member_state') of = states.get(grant.scope.id)?.shortName[i18n.locale] ?? of
    if (grant.scope.type === 'body') {
      const body = bodies.get(grant.scope.id)
      of = body ? bodyLabel(body) : of
    }
    if (grant.scope.type === 'organization') {
      const org = organizations.get(Number(grant.scope.id))
      of = org ? isolated(localized(org.name, i18n.locale)) : of
    }
    return { grant, label: i18n.t('roles.scoped', { role, of }) }
  })
}
