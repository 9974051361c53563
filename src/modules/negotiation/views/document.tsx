// The negotiating document's page, light enough for a slow link at 300 paragraphs: the text, each
// paragraph's status and where the States stand in one line, and the count of open amendments with
// a link to the paragraph's own page (views/paragraph.tsx), where the amendments, the positions by
// State and the forms live. A table of contents by section and status, and filters (open,
// bracketed, with my State's objection, changed since Rev.N) as query parameters. Then the record
// of declarations and explanations, and the Chair's tools.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { textLanguage } from '../../../core/i18n/locales.ts'
import { Tag } from '../../../core/ui/components.tsx'
import { Form } from '../../../core/ui/form.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import { Sliced } from '../../../core/ui/sliced.tsx'
import type { Process } from '../../processes/index.ts'
import type { NegotiatingDocument, Paragraph, Silence, Statement } from '../queries.ts'
import type { RevisionEntry } from '../queries-page.ts'
import { revisionName } from '../rules/amendments.ts'
import type { Tally } from '../rules/consensus.ts'
import { isFiltered, type ParagraphFilter, partsOf, passes, sectionsOf } from '../rules/filters.ts'
import { PositionSummary, Readiness } from './paragraph-forms.tsx'
import { ParagraphText } from './text.tsx'
import { ParagraphFilters, TableOfContents } from './toc.tsx'

/** paragraphs a part of the document page shows (headings not counted) */
export const PART_SIZE = 100

export interface DocumentView {
  document: NegotiatingDocument
  process: Process
  paragraphs: Paragraph[]
  tallies: Map<number, Tally>
  /** tabled amendments per paragraph */
  openAmendments: Map<number, number>
  statements: Statement[]
  revisions: RevisionEntry[]
  silences: Silence[]
  filter: ParagraphFilter
  /** which part of a long text to show (1 = the first) */
  part: number
  /** the paragraphs as the revision the reader compares with had them */
  before: Map<number, { text: string; status: string }> | null
  stateName: (iso3: string) => string
  can: {
    manage: boolean
    declare: boolean
    /** the States the reader is a delegate of */
    delegations: string[]
  }
}

function ParagraphItem({
  c,
  view,
  paragraph,
  shown,
}: {
  c: Context<AppEnv>
  view: DocumentView
  paragraph: Paragraph
  shown: Set<number>
}) {
  const t = c.var.i18n.t
  const tally = view.tallies.get(paragraph.id)
  const open = paragraph.status !== 'adopted' && paragraph.status !== 'deleted'
  const negotiable = paragraph.kind === 'preambular' || paragraph.kind === 'operative'
  const children = view.paragraphs.filter((p) => p.parentId === paragraph.id && shown.has(p.id))
  return (
    <li id={`para-${paragraph.id}`} class={`paragraph ${paragraph.kind} ${paragraph.status}`}>
      {paragraph.kind === 'heading' ? (
        // the text's own headings sit under the page's h1
        <h2 class="text-heading" {...textLanguage(view.document.language)}>
          <ParagraphText label={paragraph.label} text={paragraph.text} />
        </h2>
      ) : (
        <p {...textLanguage(view.document.language)}>
          <ParagraphText label={paragraph.label} text={paragraph.text} deleted={paragraph.status === 'deleted'} />
        </p>
      )}
      {children.length ? (
        <ol class="paragraphs sub">
          {children.map((child) => (
            <ParagraphItem c={c} view={view} paragraph={child} shown={shown} />
          ))}
        </ol>
      ) : null}
      {negotiable ? (
        <p class="paragraph-meta">
          {paragraph.alternativeLabel ? <Tag>{paragraph.alternativeLabel}</Tag> : null}
          <Tag tone={paragraph.status === 'adopted' || paragraph.status === 'agreed_ad_ref' ? 'ok' : undefined}>
            {t(`negotiation.status.${paragraph.status}`)}
          </Tag>{' '}
          {tally && open ? (
            <>
              <Readiness i18n={c.var.i18n} tally={tally} stateName={view.stateName} />
              <PositionSummary t={t} tally={tally} />{' '}
            </>
          ) : null}
          <a href={`/paragraphs/${paragraph.id}`}>
            {t('negotiation.paragraph.link', { count: view.openAmendments.get(paragraph.id) ?? 0 })}
          </a>
        </p>
      ) : null}
    </li>
  )
}

function Parts({
  c,
  count,
  current,
  href,
}: {
  c: Context<AppEnv>
  count: number
  current: number
  href: (part: number) => string
}) {
  const t = c.var.i18n.t
  if (count < 2) return null
  return (
    <nav aria-label={t('negotiation.parts.label')}>
      <ul class="pagination">
        {Array.from({ length: count }, (_, i) => i + 1).map((n) => (
          <li>
            {n === current ? (
              <strong aria-current="page">{t('negotiation.toc.untitled', { number: n })}</strong>
            ) : (
              <a href={`${href(n)}#text`}>{t('negotiation.toc.untitled', { number: n })}</a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  )
}

function Record({ c, view }: { c: Context<AppEnv>; view: DocumentView }) {
  const { i18n } = c.var
  const t = i18n.t
  if (view.statements.length === 0) return <p>{t('negotiation.record.empty')}</p>
  const label = (id: number | null) => view.paragraphs.find((p) => p.id === id)?.label ?? ''
  return (
    <ul>
      {view.statements.map((s) => (
        <li>
          {i18n.dateTime(s.at)}:{' '}
          {s.kind === 'declaration'
            ? t(`negotiation.record.${s.method === 'silence_procedure' ? 'silence' : 'declaration'}`, {
                label: label(s.paragraphId),
                status: t(`negotiation.status.${s.declaration}`),
              })
            : t(`negotiation.record.${s.kind}`, {
                state: view.stateName(s.memberStateIso3 ?? ''),
                label: label(s.paragraphId),
              })}
          {s.text ? (
            <>
              {' '}
              “<bdi>{s.text}</bdi>”
            </>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

export function renderDocument(c: Context<AppEnv>, view: DocumentView): Response | Promise<Response> {
  const { i18n, csrfToken } = c.var
  const t = i18n.t
  const { document } = view
  const top = view.paragraphs.filter((p) => p.parentId === null)
  const current = view.revisions.at(-1)
  const sections = sectionsOf(view.paragraphs)
  const negotiableCount = sections.reduce((n, s) => n + s.paragraphs.length, 0)
  // what the filters let through, the parents of what they let through, and their sections' headings
  const shown = new Set<number>()
  const byId = new Map(view.paragraphs.map((p) => [p.id, p]))
  for (const p of view.paragraphs) {
    const context = { tally: view.tallies.get(p.id), delegations: view.can.delegations, before: view.before }
    if (!passes(p, view.filter, context)) continue
    shown.add(p.id)
    for (let parent = p.parentId; parent !== null; parent = byId.get(parent)?.parentId ?? null) shown.add(parent)
  }
  let shownHeadings = 0
  for (const s of sections) {
    if (s.heading && (!isFiltered(view.filter) || s.paragraphs.some((p) => shown.has(p.id)))) {
      if (isFiltered(view.filter)) shownHeadings++
      shown.add(s.heading.id)
    }
  }
  // a long text comes in parts of about PART_SIZE paragraphs, so its page stays light
  const parts = partsOf(
    top.filter((p) => shown.has(p.id)),
    PART_SIZE,
  )
  const partIndex = Math.min(Math.max(1, view.part), Math.max(1, parts.length)) - 1
  const inPart = parts[partIndex] ?? []
  const partOf = new Map(parts.flatMap((items, i) => items.map((p) => [p.id, i + 1] as const)))
  const partHref = (n: number) => {
    const query = new URLSearchParams()
    if (view.filter.open) query.set('open', '1')
    if (view.filter.bracketed) query.set('bracketed', '1')
    if (view.filter.mine) query.set('mine', '1')
    if (view.filter.since !== null) query.set('since', String(view.filter.since))
    if (n > 1) query.set('part', String(n))
    return `/negotiation/${document.id}${query.size ? `?${query}` : ''}`
  }
  const pending = view.silences.filter((s) => s.status === 'pending')
  return renderPage(
    c,
    { title: document.title },
    <>
      <p class="eyebrow">
        <a href={`/processes/${view.process.id}`}>{view.process.title}</a>
      </p>
      <h1 {...textLanguage(document.language)}>{document.title}</h1>
      <p>
        {document.symbol ? <>{document.symbol} · </> : null}
        {current
          ? t('negotiation.currentRevision', { label: revisionName(t, current), date: i18n.date(current.issuedAt) })
          : null}
      </p>
      <p>
        <a href={`/negotiation/${document.id}/revisions`}>{t('negotiation.revisions.title')}</a>
        {' · '}
        <a href={`/processes/${view.process.id}/proposals`}>{t('negotiation.proposals.title')}</a>
        {' · '}
        <a href={`/processes/${view.process.id}/report`}>{t('negotiation.report.title')}</a>
        {' · '}
        <a href={`/api/v1/negotiation/${document.id}`}>{t('negotiation.asJson')}</a>
      </p>
      <p class="muted">{t('negotiation.howConsensus')}</p>
      {pending.map((s) => (
        <div class="notice" role="note">
          <p>
            {t('negotiation.silence.pending', {
              deadline: i18n.dateTime(s.deadline),
              labels: i18n.list(
                s.paragraphIds.map((id) => view.paragraphs.find((p) => p.id === id)?.label ?? String(id)),
              ),
            })}
          </p>
          {view.can.delegations.length ? (
            <Form action={`/silences/${s.id}/break`} csrfToken={csrfToken} class="stacked">
              <label for={`s${s.id}-state`}>{t('negotiation.silence.breakAs')}</label>{' '}
              <select id={`s${s.id}-state`} name="memberStateIso3">
                {view.can.delegations.map((iso3) => (
                  <option value={iso3}>{view.stateName(iso3)}</option>
                ))}
              </select>{' '}
              <fieldset>
                <legend>{t('negotiation.silence.breakOn')}</legend>
                {s.paragraphIds.map((id) => (
                  <div class="choice">
                    <input type="checkbox" name="paragraphIds[]" id={`s${s.id}-p${id}`} value={String(id)} />
                    <label for={`s${s.id}-p${id}`}>
                      {view.paragraphs.find((p) => p.id === id)?.label ?? String(id)}
                    </label>
                  </div>
                ))}
              </fieldset>
              <label for={`s${s.id}-note`}>{t('negotiation.silence.reason')}</label>{' '}
              <input id={`s${s.id}-note`} name="note" maxlength={2000} />{' '}
              <button type="submit" class="button secondary">
                {t('negotiation.silence.break')}
              </button>
            </Form>
          ) : null}
        </div>
      ))}
      {document.enactingFormula ? (
        <p class="formula" {...textLanguage(document.language)}>
          {document.enactingFormula}
        </p>
      ) : null}
      <TableOfContents
        c={c}
        sections={sections}
        language={document.language}
        href={(id) =>
          isFiltered(view.filter) || parts.length < 2 ? `#para-${id}` : `${partHref(partOf.get(id) ?? 1)}#para-${id}`
        }
      />
      <ParagraphFilters
        c={c}
        documentId={document.id}
        filter={view.filter}
        revisions={view.revisions}
        delegations={view.can.delegations}
        shown={shown.size - shownHeadings}
        total={negotiableCount}
      />
      <Parts c={c} count={parts.length} current={partIndex + 1} href={partHref} />
      <ol class="paragraphs" id="text">
        {/* in slices: a write arriving meanwhile does not wait for the whole text's rendering */}
        <Sliced items={inPart} render={(p) => <ParagraphItem c={c} view={view} paragraph={p} shown={shown} />} />
      </ol>
      <Parts c={c} count={parts.length} current={partIndex + 1} href={partHref} />
      <section aria-labelledby="record">
        <h2 id="record">{t('negotiation.record.title')}</h2>
        <Record c={c} view={view} />
        {!view.can.declare && view.can.delegations.length ? (
          // a delegation files its own State's explanation of position or reservation
          <Form action={`/negotiation/${document.id}/statements`} csrfToken={csrfToken} class="stacked">
            <fieldset>
              <legend>{t('negotiation.statement.legend')}</legend>
              <div class="choice">
                <input type="radio" name="kind" id="own-exp" value="explanation" required checked />
                <label for="own-exp">{t('negotiation.statement.explanation')}</label>
              </div>
              <div class="choice">
                <input type="radio" name="kind" id="own-res" value="reservation" />
                <label for="own-res">{t('negotiation.statement.reservation')}</label>
              </div>
            </fieldset>
            <label for="own-state">{t('negotiation.statement.state')}</label>{' '}
            <select id="own-state" name="memberStateIso3">
              {view.can.delegations.map((iso3) => (
                <option value={iso3}>{view.stateName(iso3)}</option>
              ))}
            </select>{' '}
            <label for="own-para">{t('negotiation.statement.paragraph')}</label>{' '}
            <select id="own-para" name="paragraphId">
              <option value="">{t('negotiation.statement.wholeText')}</option>
              {inPart.map((p) => (
                <option value={String(p.id)}>{p.label ?? p.text.slice(0, 40)}</option>
              ))}
            </select>
            <label for="own-text">{t('negotiation.statement.text')}</label>
            <textarea id="own-text" name="text" rows={3} required maxlength={10000} />
            <button type="submit" class="button secondary">
              {t('negotiation.statement.submit')}
            </button>
          </Form>
        ) : null}
      </section>
      {view.can.manage ? (
        <section aria-labelledby="chair-tools">
          <h2 id="chair-tools">{t('negotiation.tools.title')}</h2>
          <Form action={`/negotiation/${document.id}/revisions`} csrfToken={csrfToken} class="stacked">
            <label for="rev-note">{t('negotiation.revisions.changeNote')}</label>
            <input id="rev-note" name="changeNote" maxlength={2000} />{' '}
            <button type="submit" class="button">
              {t('negotiation.revisions.issue', { label: `Rev.${document.currentRevision + 1}` })}
            </button>
          </Form>
          {view.can.declare ? (
            <Form action={`/negotiation/${document.id}/silence`} csrfToken={csrfToken} class="stacked">
              <fieldset>
                <legend>{t('negotiation.silence.legend')}</legend>
                {inPart
                  .filter(
                    (p) =>
                      (p.kind === 'operative' || p.kind === 'preambular') &&
                      p.status !== 'adopted' &&
                      p.status !== 'deleted',
                  )
                  .map((p) => (
                    <div class="choice">
                      <input type="checkbox" name="paragraphIds[]" id={`sil-${p.id}`} value={String(p.id)} />
                      <label for={`sil-${p.id}`}>{p.label ?? p.text.slice(0, 40)}</label>
                    </div>
                  ))}
              </fieldset>
              <label for="sil-deadline">{t('negotiation.silence.deadline')}</label>{' '}
              <input id="sil-deadline" name="deadline" type="datetime-local" required />{' '}
              <button type="submit" class="button secondary">
                {t('negotiation.silence.circulate')}
              </button>
            </Form>
          ) : null}
          {view.can.declare ? (
            <Form action={`/negotiation/${document.id}/statements`} csrfToken={csrfToken} class="stacked">
              <fieldset>
                <legend>{t('negotiation.statement.legend')}</legend>
                <div class="choice">
                  <input type="radio" name="kind" id="st-exp" value="explanation" required />
                  <label for="st-exp">{t('negotiation.statement.explanation')}</label>
                </div>
                <div class="choice">
                  <input type="radio" name="kind" id="st-res" value="reservation" />
                  <label for="st-res">{t('negotiation.statement.reservation')}</label>
                </div>
              </fieldset>
              <label for="st-state">{t('negotiation.statement.state')}</label>{' '}
              <input id="st-state" name="memberStateIso3" required pattern="[A-Z]{3}" maxlength={3} size={4} />{' '}
              <label for="st-para">{t('negotiation.statement.paragraph')}</label>{' '}
              <select id="st-para" name="paragraphId">
                <option value="">{t('negotiation.statement.wholeText')}</option>
                {inPart.map((p) => (
                  <option value={String(p.id)}>{p.label ?? p.text.slice(0, 40)}</option>
                ))}
              </select>
              <label for="st-text">{t('negotiation.statement.text')}</label>
              <textarea id="st-text" name="text" rows={3} required maxlength={10000} />
              <button type="submit" class="button secondary">
                {t('negotiation.statement.submit')}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </>,
  )
}
