// What other modules may use of the accreditation module.
export { accreditationModule } from './module.ts'
export { countPending as countPendingAccreditations } from './queries.ts'
