// What other modules may use of the negotiation module (never its tables).

export { decideAmendment, tableAmendment, withdrawAmendment } from './commands-amendments.ts'
export { declare, recordStatement } from './commands-consensus.ts'
export { createDocument, issueRevision } from './commands-documents.ts'
export { reopenParagraph } from './commands-lifecycle.ts'
export { takePosition } from './commands-positions.ts'
export { breakSilence, circulateUnderSilence, concludeSilence } from './commands-silence.ts'
export { type Comparison, comparisonOf } from './comparison.ts'
export { documentWithBody } from './context.ts'
export { negotiationModule } from './module.tsx'
export {
  amendmentsOf,
  documentsOf,
  findParagraph,
  findRevision,
  type NegotiatingDocument,
  paragraphsOf,
  type Revision,
  statementsOf,
} from './queries.ts'
export { type InForce, inForceOf } from './queries-in-force.ts'
export { revisionListOf } from './queries-page.ts'
export { type NegotiationParticipation, negotiationParticipation } from './queries-participation.ts'
export { revisionName } from './rules/amendments.ts'
export type { ParagraphChange } from './rules/compare.ts'
export type { Position } from './rules/consensus.ts'
export { type ParsedDocument, type ParsedParagraph, parseUnText } from './rules/parse.ts'
export { ParagraphText } from './views/text.tsx'
