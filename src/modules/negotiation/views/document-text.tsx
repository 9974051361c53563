// The negotiating text on the document page: each paragraph with its status, where the States
// stand in one line and the link to its own page; and the links between the parts of a long text.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { textLanguage } from '../../../core/i18n/locales.ts'
import { Tag } from '../../../core/ui/components.tsx'
import type { Paragraph } from '../queries.ts'
import type { DocumentView } from './document.tsx'
import { PositionSummary, Readiness } from './standing.tsx'
import { ParagraphText } from './text.tsx'

export function ParagraphItem({
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

export function Parts({
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
