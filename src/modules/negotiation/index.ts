// What other modules may use of the negotiation module (never its tables).

export {
  breakSilence,
  circulateUnderSilence,
  concludeSilence,
  createDocument,
  declare,
  issueRevision,
} from './commands-documents.ts'
export { reopenParagraph } from './commands-lifecycle.ts'
export { decideAmendment, tableAmendment, takePosition, withdrawAmendment } from './commands-proposals.ts'
export { documentWithBody } from './context.ts'
export { negotiationModule } from './module.tsx'
export { findParagraph, paragraphsOf } from './queries.ts'
export { assembleReport, type Report } from './report.ts'
export type { Position } from './rules/consensus.ts'
export { type ParsedDocument, type ParsedParagraph, parseUnText } from './rules/parse.ts'
