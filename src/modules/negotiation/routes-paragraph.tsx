// A paragraph's own page (`/paragraphs/:id`): where a delegate, the Chair or a stakeholder works on
// one paragraph, on a slow link, without loading the whole text. `?closed=1` lists the closed
// amendments too. A refused amendment comes back here with what was typed and the reason beside
// the field; the author's draft of an amendment is saved here and found again.
import type { Context, Hono } from 'hono'
import { accountIdOf, delegationsOf, organizationsOf } from '../../core/auth/actor.ts'
import { can } from '../../core/auth/authorize.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { flash } from '../../core/http/cookies.ts'
import { apiIssues, respondError } from '../../core/http/errors.tsx'
import { readForm } from '../../core/http/forms.ts'
import { idParam } from '../../core/http/ids.ts'
import type { FormState } from '../../core/ui/form.tsx'
import { namesFor } from '../proposals/index.ts'
import { bridgingFor } from './bridging.tsx'
import { saveAmendmentDraft } from './commands-draft.ts'
import { documentWithBody } from './context.ts'
import { findParagraph } from './queries.ts'
import { findAmendmentDraft } from './queries-draft.ts'
import { amendmentsOfParagraph, childrenOf, commentsOfParagraph, positionsBySubject } from './queries-page.ts'
import { tally } from './rules/consensus.ts'
import { renderParagraph } from './views/paragraph.tsx'

/** An amendment form refused: what was typed, the reasons, and the answer's status. */
export interface RefusedAmendment {
  form: FormState
  status: 409 | 422
}

/** The amendment form's fields as the form and a draft hold them. */
export const AMENDMENT_FIELDS = ['speaker', 'operation', 'quotedOld', 'newText', 'justification'] as const

/** What the amendment form posted, as typed (text only; absent fields are ''). */
export function amendmentValues(form: Partial<Record<(typeof AMENDMENT_FIELDS)[number], unknown>>) {
  return Object.fromEntries(AMENDMENT_FIELDS.map((k) => [k, String(form[k] ?? '')])) as Record<
    (typeof AMENDMENT_FIELDS)[number],
    string
  >
}

/** A paragraph's page; with `refused`, its amendment form holds what was typed and why it was refused. */
export async function paragraphPage(c: Context<AppEnv>, paragraphId: number, refused?: RefusedAmendment) {
  {
    const db = c.var.db
    const paragraph = await findParagraph(db, paragraphId)
    const found = paragraph ? await documentWithBody(db, paragraph.documentId) : undefined
    if (!paragraph || !found) return respondError(c, { type: 'not_found', id: 'paragraph_not_found' })
    const { document, bodyId } = found
    const [children, amendments, comments, standing] = await Promise.all([
      childrenOf(db, paragraph.id),
      amendmentsOfParagraph(db, paragraph.id, c.req.query('closed') === '1'),
      commentsOfParagraph(db, paragraph.id),
      positionsBySubject(db, 'paragraph', [paragraph.id]),
    ])
    const amendmentStandings = await positionsBySubject(
      db,
      'amendment',
      amendments.open.map((a) => a.id),
    )
    const actor = c.var.actor
    const organizations = organizationsOf(actor)
    const names = await namesFor(c, [
      ...new Set([
        ...organizations,
        ...[...amendments.open, ...(amendments.closed ?? [])].flatMap((a) =>
          a.organizationId ? [a.organizationId] : [],
        ),
        ...comments.map((k) => k.organizationId),
      ]),
    ])
    const own = standing.get(paragraph.id)
    const accountId = accountIdOf(actor)
    const draft = accountId && !refused ? await findAmendmentDraft(db, paragraph.id, accountId) : undefined
    return renderParagraph(c, {
      amendment: {
        form: refused?.form ?? (draft ? { values: amendmentValues(draft) } : {}),
        savedAt: draft?.savedAt ?? null,
      },
      ...(refused ? { status: refused.status } : {}),
      document,
      paragraph,
      children,
      tally: own?.tally ?? tally([]),
      positions: own?.positions ?? [],
      open: amendments.open,
      closed: amendments.closed,
      closedCount: amendments.closedCount,
      comments,
      bridging: await bridgingFor(c, paragraph, bodyId),
      documentId: document.id,
      language: document.language,
      amendmentTallies: new Map([...amendmentStandings].map(([id, s]) => [id, s.tally])),
      ...names,
      can: {
        manage: can(actor, 'negotiation.manage', { bodyId }),
        declare: can(actor, 'consensus.declare', { bodyId }),
        answer: can(actor, 'comment.answer'),
        delegations: delegationsOf(actor),
        organizations,
        tableAsOrganization: document.stakeholdersMayTable,
      },
    })
  }
}

export function registerParagraphRoutes(app: Hono<AppEnv>): void {
  app.get('/paragraphs/:id', (c) => paragraphPage(c, idParam(c)))

  // the amendment form's own action: its script saves here as the author types (JSON), its
  // "Save the draft" button without the script; tabling is the other button's formaction
  app.post('/paragraphs/:id/amendment-draft', async (c) => {
    const paragraphId = idParam(c)
    const values = amendmentValues(await readForm(c))
    const result = await saveAmendmentDraft(c.var.db, commandContext(c), paragraphId, values)
    const { i18n } = c.var
    if (c.req.header('accept')?.includes('application/json')) {
      if (!result.ok)
        return result.error.type === 'invalid'
          ? c.json({ id: result.error.id, issues: apiIssues(c, result.error.issues) }, 422)
          : respondError(c, result.error)
      return c.json({
        savedAt: result.value.savedAt.toISOString(),
        message: i18n.t('negotiation.amendment.draftSavedAt', { date: i18n.dateTime(result.value.savedAt) }),
      })
    }
    if (!result.ok)
      return result.error.type === 'invalid'
        ? paragraphPage(c, paragraphId, { form: { values, issues: result.error.issues }, status: 422 })
        : respondError(c, result.error)
    flash(c, 'negotiation.amendment.draftSaved')
    return c.redirect(`/paragraphs/${paragraphId}#amend`, 303)
  })
}
