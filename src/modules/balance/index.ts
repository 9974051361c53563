// What other modules may use of the balance module (it owns no table).
export { balanceModule } from './module.ts'
export { type BalanceReport, balanceReport } from './report.ts'
