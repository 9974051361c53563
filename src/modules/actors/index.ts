// What other modules may use of the actors module (never its tables).

export {
  addAffiliation,
  createOrganization,
  createPerson,
  endAffiliation,
  ensurePersonForAccount,
  updatePerson,
} from './commands.ts'
export { actorsModule } from './module.ts'
export { findMemberState, listMemberStates } from './queries/member-states.ts'
export {
  countOrganizationsByGroup,
  findOrganizationById,
  findOrganizationBySlug,
  findOrganizationsByIds,
  listOrganizations,
  type Organization,
} from './queries/organizations.ts'
export { affiliationsOfPerson, currentMembers, findPerson, findPersonByAccount, type Person } from './queries/people.ts'
export {
  electoralGroup,
  filterMemberStates,
  hasClassification,
  inGroup,
  type MemberState,
  sortByName,
} from './rules/member-states.ts'
export { foldForSearch } from './rules/search.ts'
export {
  DEVELOPMENT_CLASSIFICATIONS,
  type DevelopmentClassification,
  type Localized,
  localized,
  REGIONAL_GROUPS,
  type RegionalGroup,
  STAKEHOLDER_GROUPS,
  type StakeholderGroup,
} from './rules/vocabulary.ts'
export { memberStateJson, organizationJson } from './serialize.ts'
export { OrganizationField } from './views/organization-field.tsx'
