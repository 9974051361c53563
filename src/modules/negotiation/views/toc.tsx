// A long text's table of contents (its sections, with how many paragraphs stand where) and the
// filters over its paragraphs: a GET form, so both work without JavaScript.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { textLanguage } from '../../../core/i18n/locales.ts'
import type { Paragraph } from '../queries.ts'
import type { RevisionEntry } from '../queries-page.ts'
import { revisionName } from '../rules/amendments.ts'
import { PARAGRAPH_STATUSES } from '../rules/consensus.ts'
import { isFiltered, type ParagraphFilter, type Section } from '../rules/filters.ts'

export function TableOfContents({
  c,
  sections,
  language,
  href,
}: {
  c: Context<AppEnv>
  sections: Section<Paragraph>[]
  language: string
  /** where a heading is: on this page or in another part */
  href: (id: number) => string
}) {
  const t = c.var.i18n.t
  if (sections.length < 2) return null
  return (
    <nav aria-labelledby="toc" class="toc">
      <h2 id="toc">{t('negotiation.toc.title')}</h2>
      <ol>
        {sections.map((s, i) => {
          const counts = PARAGRAPH_STATUSES.map((status) => ({
            status,
            count: s.paragraphs.filter((p) => p.status === status).length,
          })).filter((x) => x.count > 0)
          return (
            <li>
              <a href={s.heading ? href(s.heading.id) : '#text'} {...textLanguage(language)}>
                {s.heading ? s.heading.text : t('negotiation.toc.untitled', { number: i + 1 })}
              </a>{' '}
              <span class="muted">
                {t('negotiation.toc.paragraphs', { count: s.paragraphs.length })}
                {counts.length ? ': ' : ''}
                {counts
                  .map((x) =>
                    t('negotiation.toc.statusCount', { status: t(`negotiation.status.${x.status}`), count: x.count }),
                  )
                  .join(' · ')}
              </span>
            </li>
          )
        })}
      </ol>
    </nav>
  )
}

export function ParagraphFilters({
  c,
  documentId,
  filter,
  revisions,
  delegations,
  shown,
  total,
}: {
  c: Context<AppEnv>
  documentId: number
  filter: ParagraphFilter
  revisions: RevisionEntry[]
  delegations: string[]
  shown: number
  total: number
}) {
  const t = c.var.i18n.t
  return (
    <form method="get" action={`/negotiation/${documentId}`} class="filters" aria-labelledby="filters">
      <fieldset>
        <legend id="filters">{t('negotiation.filter.legend')}</legend>
        <div class="choice">
          <input type="checkbox" id="f-open" name="open" value="1" checked={filter.open} />
          <label for="f-open">{t('negotiation.filter.open')}</label>
        </div>
        <div class="choice">
          <input type="checkbox" id="f-bracketed" name="bracketed" value="1" checked={filter.bracketed} />
          <label for="f-bracketed">{t('negotiation.filter.bracketed')}</label>
        </div>
        {delegations.length ? (
          <div class="choice">
            <input type="checkbox" id="f-mine" name="mine" value="1" checked={filter.mine} />
            <label for="f-mine">{t('negotiation.filter.mine')}</label>
          </div>
        ) : null}
        <p>
          <label for="f-since">{t('negotiation.filter.since')}</label>{' '}
          <select id="f-since" name="since">
            <option value="">{t('negotiation.filter.anyRevision')}</option>
            {revisions.map((r) => (
              <option value={String(r.number)} selected={filter.since === r.number}>
                {revisionName(t, r)}
              </option>
            ))}
          </select>
        </p>
      </fieldset>
      <p>
        <button type="submit" class="button secondary">
          {t('negotiation.filter.apply')}
        </button>{' '}
        {isFiltered(filter) ? (
          <>
            <span role="status">{t('negotiation.filter.shown', { shown, total })}</span>{' '}
            <a href={`/negotiation/${documentId}`}>{t('negotiation.filter.clear')}</a>
          </>
        ) : null}
      </p>
    </form>
  )
}
