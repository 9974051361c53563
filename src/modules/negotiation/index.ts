// What other modules may use of the negotiation module (never its tables).
export { createDocument, issueRevision } from './commands-documents.ts'
export { negotiationModule } from './module.tsx'
export { assembleReport, type Report } from './report.ts'
export { type ParsedDocument, parseUnText } from './rules/parse.ts'
