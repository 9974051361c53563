// What other modules may use of the reports module.
export { reportsModule } from './module.ts'
export { assembleReport, type Report } from './report.ts'
