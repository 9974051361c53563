// The library's search page: the query box, the facets (issue, type, language, year) with their
// counts, the results ranked, and pages of twenty.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { LOCALE_INFO, textLanguage } from '../../../core/i18n/locales.ts'
import { Pagination, Tag } from '../../../core/ui/components.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import type { Facets, Item, LibraryQuery } from '../queries.ts'

type IssueName = (slug: string) => string
type FacetName = 'issue' | 'type' | 'language' | 'year'

export interface LibraryView {
  query: Partial<Pick<LibraryQuery, FacetName>>
  result: { rows: Item[]; total: number; facets: Facets; query: string }
  page: number
  pageSize: number
  issueName: IssueName
  canSuggest: boolean
  canCurate: boolean
}

function ItemSummary({ c, item, issueName }: { c: Context<AppEnv>; item: Item; issueName: IssueName }) {
  const { i18n } = c.var
  const t = i18n.t
  const lang = LOCALE_INFO[item.language as keyof typeof LOCALE_INFO]
  return (
    <li class="card">
      <h2 {...textLanguage(item.language)}>
        <a href={`/library/${item.id}`}>{item.title}</a>
      </h2>
      <p>
        <Tag>{t(`knowledge.types.${item.type}`)}</Tag> {lang?.name}
        {item.publishedOn ? ` · ${String(item.publishedOn).slice(0, 4)}` : ''}
        {item.authors.length ? ` · ${i18n.list(item.authors)}` : ''}
      </p>
      {item.abstract ? (
        <p class="muted" {...textLanguage(item.language)}>
          {item.abstract.length > 280 ? `${item.abstract.slice(0, 280)}…` : item.abstract}
        </p>
      ) : null}
      {item.issueSlugs.length ? <p class="muted">{item.issueSlugs.map(issueName).join(' · ')}</p> : null}
    </li>
  )
}

/** One facet: its values as links that add it to the query, the chosen one marked. */
function Facet(props: {
  name: FacetName
  heading: string
  rows: { key: string; n: number }[]
  label: (k: string) => string
  chosen: string
  link: (name: string, value: string) => string
}) {
  if (!props.rows.length) return null
  return (
    <section aria-labelledby={`facet-${props.name}`}>
      <h2 id={`facet-${props.name}`} class="h3">
        {props.heading}
      </h2>
      <ul>
        {props.rows.map((r) => (
          <li>
            <a href={props.link(props.name, r.key)} aria-current={props.chosen === r.key ? 'true' : undefined}>
              {props.label(r.key)}
            </a>{' '}
            <span class="muted">({r.n})</span>
          </li>
        ))}
      </ul>
    </section>
  )
}

export function renderLibrary(c: Context<AppEnv>, view: LibraryView) {
  const t = c.var.i18n.t
  const { query, result, issueName } = view
  const url = new URL(c.req.url)
  const link = (name: string, value: string) => {
    const next = new URL(url)
    next.searchParams.set(name, value)
    next.searchParams.delete('page')
    return `${next.pathname}${next.search}`
  }
  const facet = (name: FacetName, rows: { key: string; n: number }[], label: (k: string) => string) => (
    <Facet
      name={name}
      heading={t(`knowledge.facet.${name}`)}
      rows={rows}
      label={label}
      chosen={String(query[name] ?? '')}
      link={link}
    />
  )
  const title = t('knowledge.title')
  return renderPage(
    c,
    { title },
    <>
      <h1>{title}</h1>
      <p class="lead">{t('knowledge.lead')}</p>
      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is missing from older browsers we serve */}
      <form method="get" action="/library" role="search" class="filters">
        <p>
          <label for="library-q">{t('knowledge.search')}</label>{' '}
          <input id="library-q" name="q" type="search" value={result.query} maxlength={500} size={40} />
        </p>
        {(['issue', 'type', 'language', 'year'] as const).map((k) =>
          query[k] ? <input type="hidden" name={k} value={String(query[k])} /> : null,
        )}
        <button type="submit" class="button">
          {t('knowledge.searchButton')}
        </button>
      </form>
      <p>
        {view.canSuggest ? (
          <a href="/library/suggest">{view.canCurate ? t('knowledge.add.title') : t('knowledge.suggest.title')}</a>
        ) : null}
        {query.issue || query.type || query.language || query.year ? (
          <>
            {' · '}
            <a href={result.query ? `/library?q=${encodeURIComponent(result.query)}` : '/library'}>
              {t('knowledge.clearFilters')}
            </a>
          </>
        ) : null}
      </p>
      <p role="status">{t('knowledge.count', { count: result.total })}</p>
      <div class="with-facets">
        <aside aria-label={t('knowledge.facets')}>
          {facet('issue', result.facets.issues, issueName)}
          {facet('type', result.facets.types, (k) => t(`knowledge.types.${k}`))}
          {facet('language', result.facets.languages, (k) => LOCALE_INFO[k as keyof typeof LOCALE_INFO]?.name ?? k)}
          {facet('year', result.facets.years, (k) => k)}
        </aside>
        <ul class="cards results">
          {result.rows.map((item) => (
            <ItemSummary c={c} item={item} issueName={issueName} />
          ))}
        </ul>
      </div>
      <Pagination t={t} baseUrl={url} page={view.page} pageSize={view.pageSize} total={result.total} />
    </>,
  )
}
