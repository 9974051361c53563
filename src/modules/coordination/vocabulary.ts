// The coordination vocabulary: issue scope (Tunis Agenda para 69), mechanism types and how
// governments and stakeholders take part in them, and the support developing countries get.
export const SCOPES = ['public_policy', 'technical_operational', 'mixed'] as const
export type Scope = (typeof SCOPES)[number]

export const BASKETS = [
  'infrastructure',
  'security',
  'human-rights',
  'legal-regulatory',
  'economic',
  'development',
  'sociocultural',
  'emerging-technologies',
] as const
export type Basket = (typeof BASKETS)[number]

export const MECHANISM_TYPES = [
  'treaty_body',
  'standards_body',
  'forum',
  'capacity_building',
  'research',
  'coordination_body',
] as const
export type MechanismType = (typeof MECHANISM_TYPES)[number]

/** How governments take part: on an equal footing (one State one voice), weighted, as observers, or not at all. */
export const GOVERNMENT_PARTICIPATION = ['equal_footing', 'weighted', 'observer', 'none'] as const
export type GovernmentParticipation = (typeof GOVERNMENT_PARTICIPATION)[number]

/** How stakeholders take part: as full members, consultative, observers, or not at all. */
export const STAKEHOLDER_PARTICIPATION = ['full_member', 'consultative', 'observer', 'none'] as const
export type StakeholderParticipation = (typeof STAKEHOLDER_PARTICIPATION)[number]

export const DEVELOPING_SUPPORT = ['fellowships', 'remote_participation', 'interpretation'] as const
export type DevelopingSupport = (typeof DEVELOPING_SUPPORT)[number]
