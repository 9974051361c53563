// The compilation of a process's contributions, by guiding question (WGEC para 7): each answer
// with its contributor's name, stakeholder group and region, headed by the summary counts.
// Built as plain data once, then rendered as HTML (views) or Word (compilation-docx.ts).
import type { AuditAnchor } from '../../core/audit/anchor.tsx'
import type { Answer, Contribution } from './queries.ts'
import { type Summary, summarize } from './rules/summary.ts'

export interface CompilationEntry {
  contributionId: number
  contributor: string
  stakeholderGroup: string
  regionalGroup: string | null
  language: string
  text: string
}

export interface Compilation {
  processTitle: string
  /** the audit log's checkpoint when the compilation was produced (set by compilationOf) */
  auditCheckpoint?: AuditAnchor
  summary: Summary
  questions: { id: number; position: number; text: string; entries: CompilationEntry[] }[]
}

export function buildCompilation(
  processTitle: string,
  questions: readonly { id: number; position: number; text: string }[],
  contributions: readonly (Contribution & { answers: Answer[] })[],
): Compilation {
  return {
    processTitle,
    summary: summarize(contributions),
    questions: questions.map((q) => ({
      ...q,
      entries: contributions.flatMap((c) =>
        c.answers
          .filter((a) => a.questionId === q.id)
          .map((a) => ({
            contributionId: c.id,
            contributor: c.contributorName,
            stakeholderGroup: c.stakeholderGroup,
            regionalGroup: c.regionalGroup,
            language: c.language,
            text: a.body,
          })),
      ),
    })),
  }
}
