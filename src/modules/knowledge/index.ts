// What other modules may use of the knowledge module (never its tables).
export { knowledgeModule } from './module.ts'
export { searchLibrary } from './queries.ts'
