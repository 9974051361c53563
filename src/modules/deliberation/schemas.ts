// The deliberation module's boundary: the forms (open a deliberation, write a statement, vote,
// moderate), the import's rows, and the API's analysis answer (the OpenAPI document's schema).
import { z } from '@hono/zod-openapi'

const id = z.coerce.number().int().positive().max(2_147_483_647)
const optionalId = z.preprocess((v) => (v === '' ? undefined : v), id.optional())

/** Statements are short, as in Polis: one idea a statement. */
export const STATEMENT_MAX = 280

export const OpenInput = z.object({
  title: z.string().trim().min(1).max(300),
  description: z.string().trim().max(5000).optional(),
  callId: optionalId,
  proposalId: optionalId,
})
export type OpenInput = z.output<typeof OpenInput>

export const StatementInput = z.object({ text: z.string().trim().min(1).max(STATEMENT_MAX) })
export type StatementInput = z.output<typeof StatementInput>

export const VoteInput = z.object({
  statementId: id,
  vote: z.enum(['1', '-1', '0']).transform((v) => Number(v) as -1 | 0 | 1),
})
export type VoteInput = z.output<typeof VoteInput>

export const ModerationInput = z.object({
  decision: z.enum(['accepted', 'rejected']),
  note: z.string().trim().max(1000).optional(),
})
export type ModerationInput = z.output<typeof ModerationInput>

/** One row of VOTES.csv: participant,statement,vote,regional_group,stakeholder_group. */
export const ImportedVote = z.object({
  participant: z.string().trim().min(1).max(200),
  statement: z.string().trim().min(1).max(200),
  vote: z.enum(['1', '-1', '0']).transform((v) => Number(v) as -1 | 0 | 1),
  regional_group: z.string().trim().max(40).optional(),
  stakeholder_group: z.string().trim().max(40).optional(),
})

/** One row of STATEMENTS.csv: statement,text. */
export const ImportedStatement = z.object({
  statement: z.string().trim().min(1).max(200),
  text: z.string().trim().max(1000),
})

const Scored = z.object({ statement: z.string(), score: z.number() })

export const AnalysisJson = z
  .object({
    groups: z.array(
      z.object({
        id: z.number().int(),
        members: z.array(z.string()).openapi({ description: 'participant identifiers as given at import, or ecp ids' }),
        center: z.tuple([z.number(), z.number()]),
      }),
    ),
    consensus: z.array(Scored).openapi({ description: 'group-informed consensus, highest first' }),
    bridging: z.array(
      Scored.extend({
        byGroup: z.record(z.string(), z.number()).openapi({ description: 'smoothed agreement per declared group' }),
      }),
    ),
    divisive: z.array(Scored).openapi({ description: 'range of agreement across opinion groups, highest first' }),
    computedAt: z.string().openapi({ format: 'date-time' }),
    durationMs: z.number().int(),
  })
  .openapi('DeliberationAnalysis')
