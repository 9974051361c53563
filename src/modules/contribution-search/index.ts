// What other modules may use of search in contributions (never its tables: it has none).
export { contributionSearchModule } from './module.ts'
