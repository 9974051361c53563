// The negotiating document's page, light enough for a slow link at 300 paragraphs: the text, each
// paragraph's status and where the States stand in one line, and the count of open amendments with
// a link to the paragraph's own page (views/paragraph.tsx), where the amendments, the positions by
// State and the forms live. A table of contents by section and status, and filters (open,
// bracketed, with my State's objection, changed since Rev.N) as query parameters. Then the record
// of declarations and explanations, and the Chair's tools. This file chooses what is shown and lays
// the page out; document-text.tsx draws the text, document-record.tsx the record and the forms.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { textLanguage } from '../../../core/i18n/locales.ts'
import type { FormState } from '../../../core/ui/form.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import { Sliced } from '../../../core/ui/sliced.tsx'
import type { DocumentDetail } from '../detail.ts'
import { revisionName } from '../rules/amendments.ts'
import { isFiltered, type ParagraphFilter, partsOf, passes, sectionsOf } from '../rules/filters.ts'
import { ChairTools, OwnStatementForm, PendingSilences, Record } from './document-record.tsx'
import { ParagraphItem, Parts } from './document-text.tsx'
import { ParagraphFilters, TableOfContents } from './toc.tsx'

/** paragraphs a part of the document page shows (headings not counted) */
export const PART_SIZE = 100

/** The document's read model (detail.ts) with what the reader asked for and may do. */
export interface DocumentView extends DocumentDetail {
  filter: ParagraphFilter
  /** which part of a long text to show (1 = the first) */
  part: number
  stateName: (iso3: string) => string
  /** the Chair's silence form refused: what was typed and why */
  silenceForm?: FormState
  status?: 422
  can: {
    manage: boolean
    declare: boolean
    /** the States the reader is a delegate of */
    delegations: string[]
  }
}

export function renderDocument(c: Context<AppEnv>, view: DocumentView): Response | Promise<Response> {
  const { i18n } = c.var
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
  return renderPage(
    c,
    { title: document.title, ...(view.status ? { status: view.status } : {}) },
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
      <PendingSilences c={c} view={view} />
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
        <OwnStatementForm c={c} view={view} inPart={inPart} />
      </section>
      <ChairTools c={c} view={view} inPart={inPart} />
    </>,
  )
}
