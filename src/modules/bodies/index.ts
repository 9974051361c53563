// What other modules may use of the bodies module (never its tables).
export { addBodyMember, addBodyOfficer, addRepresentative, createBody, updateBody } from './commands.ts'
export {
  type BodyDetail,
  bodyDetail,
  bodyDetailJson,
  bodyJson,
  bodyName,
  type MemberRow,
  memberRows,
} from './detail.ts'
export { type MemberStateOfBody, memberStatesOf } from './members.ts'
export { bodiesModule } from './module.ts'
export {
  type Body,
  type BodyMember,
  type BodyOfficer,
  bodyChain,
  bodyMembers,
  bodyOfficers,
  chainIn,
  findBody,
  listBodies,
  type Representative,
} from './queries.ts'
export { groupBy, type SeatCount, seatCounts } from './rules/composition.ts'
export { BodyDetailSchema, BodySchema } from './schemas.ts'
export { OFFICES, type Office, type StakeholderSeats } from './tables.ts'
export { bodyLabel } from './views/label.ts'
