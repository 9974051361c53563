// What other modules may use of the reports module (never its tables).
export {
  followUpSynthesis,
  type IssuedRecommendation,
  issuedRecommendations,
  recommendationsRecord,
  recordImplementations,
} from './follow-up.ts'
export { reportsModule } from './module.ts'
export { assembleReport, type Report } from './report.ts'
