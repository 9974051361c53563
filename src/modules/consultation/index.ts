// What other modules (and the bench) may use of the consultation module (never its tables).

export { consultationModule } from './module.tsx'
export { type AssignPhase, assignContribution } from './queries-assign.ts'
export { type BatchPhase, runImport, startImport } from './queries-intake.ts'
export { campaignMembersOfCall } from './queries-members.ts'
export { type RebuildSummary, rebuildCampaigns } from './queries-rebuild.ts'
export { pairwiseQuality } from './rules/clusters.ts'
export { asImported, type GeneratedContribution, generateContributions, random } from './rules/generate.ts'
