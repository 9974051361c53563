// Shared by the negotiation module's integration tests: the people of a negotiation
// (test/support/negotiators.ts, which the proposals' tests use too) and a negotiating document
// made from a text by its body's Chair.
import { type Negotiators, negotiators, type Who } from '../../../test/support/negotiators.ts'
import type { TestRuntime } from '../../../test/support/runtime.ts'
import { createDocument } from './commands-documents.ts'
import { paragraphsOf } from './queries.ts'
import { parseUnText } from './rules/parse.ts'

export type { Who }

export const DRAFT = `Draft recommendations

Recalling paragraphs 69 to 71 of the Tunis Agenda,

1. Recommends that all relevant organizations report annually to the Commission;

2. Invites Member States to [consider] establishing national focal points;

3. Decides to review progress at its next session.
`

export interface Fixture extends Negotiators {
  newDocument: (text?: string, processId?: number) => Promise<{ id: number; byLabel: (l: string) => number }>
}

export async function negotiationFixture(runtime: TestRuntime): Promise<Fixture> {
  const db = runtime.deps.db
  const people = await negotiators(runtime)
  return {
    ...people,
    newDocument: async (text = DRAFT, processId = people.processId) => {
      const chair = processId === people.processId ? 'chair' : 'otherChair'
      const created = await createDocument(db, people.at(chair), {
        processId,
        title: 'Draft',
        imported: parseUnText(text),
      })
      if (!created.ok) throw new Error(JSON.stringify(created.error))
      const paragraphs = await paragraphsOf(db, created.value.id)
      const byLabel = (l: string) => {
        const p = paragraphs.find((x) => x.label?.replace(/\.$/, '') === l)
        if (!p) throw new Error(`no paragraph ${l}`)
        return p.id
      }
      return { id: created.value.id, byLabel }
    },
  }
}
