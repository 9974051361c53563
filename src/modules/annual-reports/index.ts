// What other modules may use of the annual-reports module (never its tables).
export { annualReportsModule } from './module.ts'
export { reportingRecord } from './queries.ts'
export { reportingOrganizations } from './queries-participation.ts'
export { synthesisOf } from './synthesis.ts'
