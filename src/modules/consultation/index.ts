// What other modules may use of the consultation module (never its tables).
export { consultationModule } from './module.tsx'
export { pairwiseQuality } from './rules/clusters.ts'
export { type GeneratedContribution, generateContributions } from './rules/generate.ts'
