// The declared groups a participant counts in for bridging: their UN regional group and their
// stakeholder group, as ecp names them. Governments are a stakeholder group here (a State's
// delegates), beside the organizations' groups.
import { REGIONAL_GROUPS, STAKEHOLDER_GROUPS } from '../../actors/index.ts'

export const DECLARED_STAKEHOLDER_GROUPS = ['government', ...STAKEHOLDER_GROUPS] as const
export type DeclaredStakeholderGroup = (typeof DECLARED_STAKEHOLDER_GROUPS)[number]

export const isRegionalGroup = (value: string): boolean => (REGIONAL_GROUPS as readonly string[]).includes(value)
export const isStakeholderGroup = (value: string): boolean =>
  (DECLARED_STAKEHOLDER_GROUPS as readonly string[]).includes(value)

/**
 * A participant's declared groups from what they speak for: a State's delegation gives its
 * electoral regional group and "government"; an organization gives its stakeholder group and the
 * regional group of its headquarters. The first delegation wins over organizations.
 */
export function declaredGroups(
  delegations: Array<{ electoralGroup: string | null }>,
  organizations: Array<{ stakeholderGroup: string; headquartersGroup: string | null }>,
): { regionalGroup: string | null; stakeholderGroup: string | null } {
  const state = delegations[0]
  if (state) return { regionalGroup: state.electoralGroup, stakeholderGroup: 'government' }
  const organization = organizations[0]
  if (organization)
    return { regionalGroup: organization.headquartersGroup, stakeholderGroup: organization.stakeholderGroup }
  return { regionalGroup: null, stakeholderGroup: null }
}
