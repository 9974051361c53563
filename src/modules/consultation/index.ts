// What other modules (and the bench) may use of the consultation module (never its tables).
export { assignContribution } from './assign.ts'
export { runImport, startImport } from './intake.ts'
export { consultationModule } from './module.tsx'
export { rebuildCampaigns } from './rebuild.ts'
export { pairwiseQuality } from './rules/clusters.ts'
export { type GeneratedContribution, generateContributions } from './rules/generate.ts'
