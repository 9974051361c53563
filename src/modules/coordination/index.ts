// What other modules may use of the coordination module (never its tables).
export { coordinationModule } from './module.ts'
export { findIssue, type Issue, listIssues, listMechanisms, type Mechanism } from './queries.ts'
