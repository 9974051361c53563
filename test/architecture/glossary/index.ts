// What other modules may import from the glossary.
export { glossaryModule } from './module.ts'
export { listTerms } from './queries.ts'
