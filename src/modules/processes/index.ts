// What other modules may use of the processes module (never its tables).
export { allActivity } from './activity.ts'
export { baseUrl, callJson } from './api.ts'
export {
  addDocument,
  changeProcessState,
  createBody,
  createProcess,
  openCall,
  recordAttendance,
  recordTransmission,
  scheduleMeeting,
} from './commands.ts'
export { processesModule } from './module.ts'
export {
  attendanceOf,
  type Body,
  type BodyMember,
  bodyMembers,
  callsOf,
  findBody,
  findCall,
  findProcess,
  type GuidingQuestion,
  guidingQuestions,
  listBodies,
  listProcesses,
  type Meeting,
  meetingsOf,
  type Process,
  processIdsOfBodies,
} from './queries.ts'
export { type Call, type CallState, callClosesAt, callState } from './rules/calls.ts'
export {
  AFTER_CONCLUSION,
  acceptsWrite,
  acceptsWrites,
  type ProcessWrite,
  writeRefusal,
} from './rules/lifecycle.ts'
export { instantToLocal, localToInstant } from './rules/time.ts'
export type { Eligibility } from './tables.ts'
export { bodyLabel } from './views/bodies.tsx'
export { processTakes } from './writes.ts'
