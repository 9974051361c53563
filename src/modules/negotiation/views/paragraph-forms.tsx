// The forms a paragraph's page carries besides positions and amendments (views/standing.tsx,
// views/amendment-forms.tsx): the Chair's declaration and reopening, the committees' comments
// with the Secretariat's answers; and what every one of these forms knows of the document and reader.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { Form } from '../../../core/ui/form.tsx'
import { Name } from '../../../core/ui/name.tsx'
import type { Comment, Paragraph } from '../queries.ts'
import type { Tally } from '../rules/consensus.ts'

/** What a paragraph's forms need to know of the document and the reader. */
export interface ParagraphContext {
  documentId: number
  language: string
  stateName: (iso3: string) => string
  orgName: (id: number) => string
  amendmentTallies: Map<number, Tally>
  can: {
    manage: boolean
    declare: boolean
    answer: boolean
    /** the States the reader is a delegate of */
    delegations: string[]
    /** the organizations the reader represents */
    organizations: number[]
    tableAsOrganization: boolean
  }
}

export function ChairForm({ c, paragraph }: { c: Context<AppEnv>; paragraph: Paragraph }) {
  const t = c.var.i18n.t
  const p = `p${paragraph.id}-chair`
  return (
    <details>
      <summary>{t('negotiation.declare.summary')}</summary>
      <Form action={`/paragraphs/${paragraph.id}/declare`} csrfToken={c.var.csrfToken} class="stacked">
        <fieldset>
          <legend>{t('negotiation.declare.legend')}</legend>
          {(['agreed_ad_ref', 'adopted', 'no_consensus'] as const).map((d, i) => (
            <div class="choice">
              <input type="radio" name="declaration" id={`${p}-${i}`} value={d} required={i === 0} />
              <label for={`${p}-${i}`}>{t(`negotiation.status.${d}`)}</label>
            </div>
          ))}
        </fieldset>
        <p>
          <label for={`${p}-note`}>{t('negotiation.declare.note')}</label>
          <input id={`${p}-note`} name="note" maxlength={2000} />
        </p>
        <button type="submit" class="button">
          {t('negotiation.declare.submit')}
        </button>
      </Form>
    </details>
  )
}

/** The Chair reopens a settled paragraph, saying why; the reason goes on the document's record. */
export function ReopenForm({ c, paragraph }: { c: Context<AppEnv>; paragraph: Paragraph }) {
  const t = c.var.i18n.t
  const p = `p${paragraph.id}-reopen`
  return (
    <details>
      <summary>{t('negotiation.reopen.summary')}</summary>
      <Form action={`/paragraphs/${paragraph.id}/reopen`} csrfToken={c.var.csrfToken} class="stacked">
        <p>
          <label for={`${p}-reason`}>{t('negotiation.reopen.reason')}</label>
          <textarea id={`${p}-reason`} name="reason" rows={2} maxlength={2000} required />
        </p>
        <button type="submit" class="button secondary">
          {t('negotiation.reopen.submit')}
        </button>
      </Form>
    </details>
  )
}

export function CommentsOf({ c, view, comments }: { c: Context<AppEnv>; view: ParagraphContext; comments: Comment[] }) {
  const { i18n, csrfToken } = c.var
  const t = i18n.t
  if (comments.length === 0) return null
  return (
    <ul class="comments">
      {comments.map((k) => (
        <li id={`comment-${k.id}`}>
          <p>
            <strong>
              {t('negotiation.comment.committee', { group: t(`actors.stakeholder.${k.stakeholderGroup}`) })}
            </strong>{' '}
            (<Name>{view.orgName(k.organizationId)}</Name>, {i18n.date(k.createdAt)}): <bdi>{k.text}</bdi>
          </p>
          {k.answer ? (
            <p class="answer-note">
              <strong>{t('negotiation.comment.answer')}</strong> {k.answer}
            </p>
          ) : view.can.answer ? (
            <Form action={`/comments/${k.id}/answer`} csrfToken={csrfToken} class="stacked">
              <label for={`c${k.id}-answer`}>{t('negotiation.comment.answerLabel')}</label>
              <textarea id={`c${k.id}-answer`} name="answer" rows={2} required maxlength={10000} />
              <button type="submit" class="button secondary">
                {t('negotiation.comment.answerSubmit')}
              </button>
            </Form>
          ) : (
            <p class="muted">{t('negotiation.comment.unanswered')}</p>
          )}
        </li>
      ))}
    </ul>
  )
}

export function CommentForm({
  c,
  view,
  paragraph,
}: {
  c: Context<AppEnv>
  view: ParagraphContext
  paragraph: Paragraph
}) {
  const t = c.var.i18n.t
  if (view.can.organizations.length === 0) return null
  const p = `p${paragraph.id}-cm`
  return (
    <details>
      <summary>{t('negotiation.comment.add')}</summary>
      <Form action={`/negotiation/${view.documentId}/comments`} csrfToken={c.var.csrfToken} class="stacked">
        <input type="hidden" name="paragraphId" value={String(paragraph.id)} />
        <p>
          <label for={`${p}-org`}>{t('negotiation.comment.organization')}</label>{' '}
          <select id={`${p}-org`} name="organizationId">
            {view.can.organizations.map((id) => (
              <option value={String(id)} dir="auto">
                {view.orgName(id)}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label for={`${p}-text`}>{t('negotiation.comment.text')}</label>
          <textarea id={`${p}-text`} name="text" rows={3} required maxlength={10000} />
        </p>
        <button type="submit" class="button secondary">
          {t('negotiation.comment.submit')}
        </button>
      </Form>
    </details>
  )
}
