// What other modules may use of the processes module (never its tables).

/**
 * The SQL functions other modules' SQL may call (test/architecture/sql-dependencies.ts holds them
 * to this list): a process's body, for the kept counts of contributions; the refusal to change
 * anything of a concluded process, for contributions' and negotiation's triggers.
 */
export const SQL_FUNCTIONS = ['processes_body_of', 'processes_refuse_if_concluded'] as const

// the bodies module's own, re-exported for modules written before bodies had a module; new code
// imports them from '../bodies/index.ts'
export {
  addBodyMember,
  type Body,
  type BodyMember,
  bodyLabel,
  bodyMembers,
  createBody,
  findBody,
  listBodies,
} from '../bodies/index.ts'
export {
  addDocument,
  changeProcessState,
  createProcess,
  extendCall,
  openCall,
  recordAttendance,
  recordTransmission,
  scheduleMeeting,
} from './commands.ts'
export { processesModule } from './module.ts'
export {
  type Attendee,
  type Delegation,
  type ParticipantList,
  participantsOf,
  participantsOfProcess,
} from './participants.ts'
export {
  attendanceOf,
  callsOf,
  documentsOf,
  findCall,
  findMeeting,
  findProcess,
  type GuidingQuestion,
  guidingQuestions,
  listProcesses,
  type Meeting,
  meetingsOf,
  type Process,
  processIdsOfBodies,
  stateChangesOf,
} from './queries.ts'
export { type AttendanceParticipation, attendanceParticipation } from './queries-participation.ts'
export { type Call, type CallState, callClosesAt, callState } from './rules/calls.ts'
export {
  AFTER_CONCLUSION,
  acceptsWrite,
  acceptsWrites,
  type ProcessWrite,
  writeRefusal,
} from './rules/lifecycle.ts'
export { instantToLocal, localToInstant } from './rules/time.ts'
export { callJson } from './serialize.ts'
export type { Eligibility } from './tables.ts'
export { processTakes } from './writes.ts'
