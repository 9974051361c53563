// A paragraph's own page: its text and status, where the States stand and each State's position,
// its open amendments with their forms (the closed ones behind a count, sent only when asked),
// the forms to give a position, declare, amend and comment, and the committees' comments.
// Every form here returns to this page.
import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { AppEnv } from '../../../core/http/context.ts'
import { textLanguage } from '../../../core/i18n/locales.ts'
import { Tag } from '../../../core/ui/components.tsx'
import type { FormState } from '../../../core/ui/form.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import type { Amendment, Comment, NegotiatingDocument, Paragraph } from '../queries.ts'
import type { StatePosition, Tally } from '../rules/consensus.ts'
import { AmendmentForm, AmendmentItem } from './amendment-forms.tsx'
import { ChairForm, CommentForm, CommentsOf, type ParagraphContext, ReopenForm } from './paragraph-forms.tsx'
import { PositionForm, PositionSummary, Readiness } from './standing.tsx'
import { ParagraphText } from './text.tsx'

export interface ParagraphView extends ParagraphContext {
  document: NegotiatingDocument
  paragraph: Paragraph
  children: Paragraph[]
  tally: Tally
  positions: StatePosition[]
  open: Amendment[]
  closed: Amendment[] | null
  closedCount: number
  comments: Comment[]
  /** the amendment form: what was typed (refused, or the reader's draft) and when the draft was saved */
  amendment: { form: FormState; savedAt: Date | null }
  /** 422 or 409 when the page answers a refused amendment */
  status?: 409 | 422
  /** for the Chair: the wordings that bridge (bridging.tsx), when the paragraph's proposal opened a deliberation */
  bridging?: Child | null
}

function PositionsByState({ c, view }: { c: Context<AppEnv>; view: ParagraphView }) {
  const { i18n } = c.var
  const t = i18n.t
  if (view.positions.length === 0) return <p>{t('negotiation.paragraph.noPositions')}</p>
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('negotiation.paragraph.state')}</th>
          <th scope="col">{t('negotiation.paragraph.position')}</th>
          <th scope="col">{t('negotiation.paragraph.since')}</th>
        </tr>
      </thead>
      <tbody>
        {view.positions.map((p) => (
          <tr>
            <td>{view.stateName(p.memberStateIso3)}</td>
            <td>
              {t(`negotiation.position.${p.position}`)}
              {p.note ? (
                <>
                  {' '}
                  <span class="muted">
                    “<bdi>{p.note}</bdi>”
                  </span>
                </>
              ) : null}
            </td>
            <td>{i18n.date(p.at)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function renderParagraph(c: Context<AppEnv>, view: ParagraphView): Response | Promise<Response> {
  const { i18n } = c.var
  const t = i18n.t
  const { paragraph, document } = view
  const open = paragraph.status !== 'adopted' && paragraph.status !== 'deleted'
  const title = paragraph.label
    ? t('negotiation.paragraph.title', { label: paragraph.label })
    : t('negotiation.paragraph.untitled')
  const here = `/paragraphs/${paragraph.id}`
  return renderPage(
    c,
    { title: `${title} · ${document.title}`, ...(view.status ? { status: view.status } : {}) },
    <>
      <p class="eyebrow">
        <a href={`/negotiation/${document.id}#para-${paragraph.id}`} {...textLanguage(document.language)}>
          {document.title}
        </a>
      </p>
      <h1>{title}</h1>
      <div id={`para-${paragraph.id}`} class={`paragraph ${paragraph.kind} ${paragraph.status}`}>
        <p {...textLanguage(document.language)}>
          <ParagraphText label={paragraph.label} text={paragraph.text} deleted={paragraph.status === 'deleted'} />
        </p>
        {view.children.length ? (
          <ul>
            {view.children.map((child) => (
              <li>
                <a href={`/paragraphs/${child.id}`} {...textLanguage(document.language)}>
                  <ParagraphText label={child.label} text={child.text} />
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        <p class="paragraph-meta">
          {paragraph.alternativeLabel ? <Tag>{paragraph.alternativeLabel}</Tag> : null}
          <Tag tone={paragraph.status === 'adopted' || paragraph.status === 'agreed_ad_ref' ? 'ok' : undefined}>
            {t(`negotiation.status.${paragraph.status}`)}
          </Tag>{' '}
          {open ? (
            <>
              <Readiness i18n={i18n} tally={view.tally} stateName={view.stateName} />
              <PositionSummary t={t} tally={view.tally} />
            </>
          ) : null}
        </p>
        {open && view.can.delegations.length ? (
          <PositionForm
            c={c}
            action={`${here}/position`}
            delegations={view.can.delegations}
            stateName={view.stateName}
            idPrefix={`p${paragraph.id}`}
          />
        ) : null}
        {open && view.can.declare ? <ChairForm c={c} paragraph={paragraph} /> : null}
        {view.can.declare && ['adopted', 'agreed_ad_ref', 'no_consensus'].includes(paragraph.status) ? (
          <ReopenForm c={c} paragraph={paragraph} />
        ) : null}
      </div>
      <section aria-labelledby="amendments">
        <h2 id="amendments">{t('negotiation.paragraph.amendments', { count: view.open.length })}</h2>
        {view.open.length ? (
          <ul class="amendments">
            {view.open.map((a) => (
              <AmendmentItem c={c} view={view} amendment={a} />
            ))}
          </ul>
        ) : null}
        {open ? (
          <AmendmentForm
            c={c}
            view={view}
            paragraph={paragraph}
            state={view.amendment.form}
            savedAt={view.amendment.savedAt}
          />
        ) : null}
        {view.closedCount > 0 ? (
          view.closed ? (
            <>
              <h3 id="closed">{t('negotiation.paragraph.closed', { count: view.closedCount })}</h3>
              <ul class="amendments">
                {view.closed.map((a) => (
                  <AmendmentItem c={c} view={view} amendment={a} />
                ))}
              </ul>
            </>
          ) : (
            <p id="closed">
              <a href={`${here}?closed=1#closed`}>
                {t('negotiation.paragraph.showClosed', { count: view.closedCount })}
              </a>
            </p>
          )
        ) : null}
      </section>
      <section aria-labelledby="positions">
        <h2 id="positions">{t('negotiation.paragraph.positions')}</h2>
        <PositionsByState c={c} view={view} />
      </section>
      {view.bridging ?? null}
      {view.comments.length || (open && view.can.organizations.length) ? (
        <section aria-labelledby="comments">
          <h2 id="comments">{t('negotiation.paragraph.comments')}</h2>
          <CommentsOf c={c} view={view} comments={view.comments} />
          {open ? <CommentForm c={c} view={view} paragraph={paragraph} /> : null}
        </section>
      ) : null}
      <p>
        <a href={`/negotiation/${document.id}#para-${paragraph.id}`}>{t('negotiation.paragraph.back')}</a>
      </p>
    </>,
  )
}
