// An author's draft of an amendment, as contributions keep theirs: saved as it is typed (by the
// page's script, or the form's "Save the draft" button) and before every attempt to table it, found
// again on the paragraph's page, private to its author, removed once the amendment is tabled.
import { auditedBy, type CommandContext, recordAudit } from '../../core/audit/audit.ts'
import { authorize } from '../../core/auth/authorize.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { err, type Issue, invalid, notFound, ok, type Result } from '../../core/result.ts'
import { documentWithBody } from './context.ts'
import { findParagraph } from './queries.ts'
import { upsertAmendmentDraft } from './queries-draft.ts'
import { AMENDMENT_OPERATIONS } from './tables.ts'

/** What the form holds, as typed: nothing is required of a draft. */
export interface AmendmentDraftInput {
  speaker: string
  operation: string
  quotedOld: string
  newText: string
  justification: string
}

const LIMITS = { speaker: 40, operation: 40, quotedOld: 5_000, newText: 20_000, justification: 5_000 } as const

/** Saves what the author has typed of an amendment to a paragraph; nothing is tabled or shown. */
export async function saveAmendmentDraft(
  db: Db,
  ctx: CommandContext,
  paragraphId: number,
  input: AmendmentDraftInput,
): Promise<Result<{ savedAt: Date }>> {
  const actor = ctx.actor
  if (actor.kind !== 'account') return err({ type: 'unauthenticated', id: 'sign_in_required' })
  const paragraph = await findParagraph(db, paragraphId)
  const found = paragraph ? await documentWithBody(db, paragraph.documentId) : undefined
  if (!paragraph || !found) return notFound('paragraph_not_found')
  const allowed = authorize(actor, 'amendment.table', { stakeholdersMayTable: found.document.stakeholdersMayTable })
  if (!allowed.ok) return allowed
  const issues: Issue[] = []
  for (const [field, max] of Object.entries(LIMITS) as [keyof AmendmentDraftInput, number][])
    if (input[field].length > max) issues.push({ path: field, code: 'validation.tooLong', values: { max } })
  if (input.operation !== '' && !(AMENDMENT_OPERATIONS as readonly string[]).includes(input.operation))
    issues.push({ path: 'operation', code: 'validation.choice' })
  if (issues.length) return invalid(issues)
  return inTransaction(db, async (trx) => {
    await upsertAmendmentDraft(trx, { paragraphId, accountId: actor.accountId, ...input, savedAt: ctx.now })
    // a draft is private to its author: a restricted audit entry, without the text
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'negotiation.amendment_draft_saved',
      subjectType: 'paragraph',
      subjectId: paragraphId,
      payload: { documentId: paragraph.documentId },
      public: false,
    })
    return ok({ savedAt: ctx.now })
  })
}
