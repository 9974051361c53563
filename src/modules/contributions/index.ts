// What other modules may use of the contributions module (never its tables).

/**
 * The SQL functions other modules' SQL may call (test/architecture/sql-dependencies.ts holds them
 * to this list): a contribution's campaign membership marked in its search documents, which the
 * consultation's assignment functions call in their own transaction.
 */
export const SQL_FUNCTIONS = ['contributions_search_campaign'] as const

// revising (and reading the revisions of) an imported contribution: the consultation module's tests
export { reviseContribution } from './commands.ts'
export { compilationDocx } from './compilation-docx.ts'
export { compilationOf } from './compile.ts'
export { CONTRIBUTOR_GROUPS, groupLabel, regionLabel } from './labels.ts'
export { contributionsModule } from './module.tsx'
export { revisionsOf, summaryRows } from './queries.ts'
export { arrivedContributions, takeArrivals } from './queries-arrivals.ts'
export {
  type ContributionText,
  contributionTexts,
  contributionTextsOfCall,
  indexImportedForSearch,
  uncountedContributionIds,
} from './queries-bulk.ts'
export { ImportBatchWriter, insertImportedContributions, prepareImportedBatch } from './queries-bulk-batch.ts'
export { CONTRIBUTION_TEXT_COPY_COLUMNS, contributionTextsOfCallCopy } from './queries-bulk-copy.ts'
export {
  countImportedBatch,
  type ImportBatch,
  type ImportedContribution,
  type ImportOptions,
  insertPreparedBatch,
  type PreparedBatch,
  releasePreparedBatch,
} from './queries-bulk-write.ts'
export { contributionCounts } from './queries-counts.ts'
export {
  type ContributionParticipation,
  contributionParticipation,
  type IndividualClass,
  individualParticipation,
  type PeopleScope,
} from './queries-participation.ts'
export {
  type CampaignMembers,
  COUNT_LIMIT,
  type ContributionSearch,
  type FacetCount,
  MARK_END,
  MARK_START,
  markCampaignMembers,
  type SearchContinuation,
  type SearchFacets,
  type SearchHit,
  searchContributions,
  tidySearchIndex,
} from './queries-search.ts'
export { type CallStatistics, freshenCallStatistics } from './queries-statistics.ts'
export { type Summary, summaryFromGroups } from './rules/summary.ts'
