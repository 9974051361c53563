// What other modules may use of the negotiation module (never its tables).
export { negotiationModule } from './module.tsx'
export { assembleReport, type Report } from './report.ts'
export { type ParsedDocument, parseUnText } from './rules/parse.ts'
