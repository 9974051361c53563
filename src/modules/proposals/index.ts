// What other modules may use of the proposals module (never its tables).

export {
  mergeProposals,
  type ProposalInput,
  reviseProposal,
  type Speaker,
  speaksAs,
  submitProposal,
  withdrawProposal,
} from './commands.ts'
export { answerCosponsorship, type Party } from './commands-cosponsors.ts'
export { proposalsModule } from './module.tsx'
export { namesFor } from './names.ts'
export {
  DELEGATE_OR_REPRESENTATIVE,
  type Proponents,
  runsBody,
  speaksForAny,
  THE_BODY,
} from './proponents.ts'
export { countProposals, findProposal, type ProposalDetail, proposalsOf } from './queries.ts'
export { markUnderDiscussion, recordProposalFate } from './queries-write.ts'
export { speakerFields } from './schemas.ts'
export { speakerOf } from './speaker.ts'
