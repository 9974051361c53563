// What other modules may use of the deliberation module (never its tables).
export { type BridgingWording, bridgingWordings } from './bridging-wordings.ts'
export { openDeliberation } from './commands.ts'
export { forgetCachedAnalyses, runAnalysis } from './engine.ts'
export { importDeliberation } from './import.ts'
export { deliberationModule } from './module.ts'
export { type AnalysisResult, analyze } from './rules/analyze.ts'
export { plantVotes } from './rules/planted.ts'
export { adjustedRandIndex } from './rules/rand-index.ts'
