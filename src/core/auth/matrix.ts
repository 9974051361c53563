// The authorization matrix: every expectation of every declared action, asked of every persona.
// authorize.test.ts walks it for the registered modules; a module's own test may walk its own.
import type { DeclaredAction } from './actions.ts'
import { decide } from './authorize.ts'
import { EVERYONE, PERSONAS, type Persona } from './personas.ts'

export interface MatrixRow {
  action: string
  owner: string
  persona: Persona
  /** which expectation of the action (1-based), when it has several */
  row: number
  subject: unknown
  expected: boolean
}

/** The matrix: every expectation of every declared action, for every persona. */
export function matrix(actions: readonly DeclaredAction[]): MatrixRow[] {
  return actions.flatMap(({ name, owner, declaration }) =>
    declaration.expect.flatMap((expectation, row) =>
      EVERYONE.map((persona) => ({
        action: name,
        owner,
        persona,
        row: row + 1,
        subject: expectation.subject,
        expected: expectation.allowed.includes(persona),
      })),
    ),
  )
}

/** The rows where the rule answers otherwise than its expectation. */
export function mismatches(rows: readonly MatrixRow[]): string[] {
  return rows
    .filter((r) => decide(PERSONAS[r.persona], r.action, r.subject).ok !== r.expected)
    .map((r) => `${r.action} (${r.owner}, case ${r.row}): ${r.persona} is ${r.expected ? 'refused' : 'let in'}`)
}
