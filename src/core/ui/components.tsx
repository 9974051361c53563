// Small shared view parts: pagination, tags, definition lists.
import type { Child } from 'hono/jsx'
import type { Translator } from '../i18n/messages.ts'

/** Previous/next links that keep the current filters; `page` is 1-based. */
export function Pagination({
  t,
  baseUrl,
  page,
  pageSize,
  total,
  more = false,
}: {
  t: Translator['t']
  baseUrl: URL
  page: number
  pageSize: number
  total: number
  /** more match than `total` counted (a bounded count): pages go on past the last counted */
  more?: boolean
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize))
  if (pages <= 1 && !more) return null
  const href = (p: number) => {
    const url = new URL(baseUrl)
    if (p === 1) url.searchParams.delete('page')
    else url.searchParams.set('page', String(p))
    return `${url.pathname}${url.search}`
  }
  return (
    <nav aria-label={t('pagination.label')}>
      <ul class="pagination">
        {page > 1 ? (
          <li>
            <a href={href(page - 1)} rel="prev">
              {t('pagination.previous')}
            </a>
          </li>
        ) : null}
        <li>{more ? t('pagination.pageOfMore', { page, pages }) : t('pagination.pageOf', { page, pages })}</li>
        {page < pages || more ? (
          <li>
            <a href={href(page + 1)} rel="next">
              {t('pagination.next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}

/** First and next page links of a list read by keyset: `after` the last item shown, never an offset. */
export function KeysetPagination({
  t,
  baseUrl,
  after,
  next,
}: {
  t: Translator['t']
  baseUrl: URL
  /** where this page continues from (null: the first page) */
  after: number | null
  /** where the next page continues from (null: this is the last) */
  next: number | null
}) {
  if (after === null && next === null) return null
  const at = (id: number | null) => {
    const url = new URL(baseUrl)
    url.searchParams.delete('page')
    if (id === null) url.searchParams.delete('after')
    else url.searchParams.set('after', String(id))
    return `${url.pathname}${url.search}`
  }
  return (
    <nav aria-label={t('pagination.label')}>
      <ul class="pagination">
        {after !== null ? (
          <li>
            <a href={at(null)}>{t('pagination.first')}</a>
          </li>
        ) : null}
        {next !== null ? (
          <li>
            <a href={at(next)} rel="next">
              {t('pagination.next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}

export function Tag({ children, tone, title }: { children: Child; tone?: 'ok' | 'warn' | 'error'; title?: string }) {
  return (
    <span class={tone ? `tag ${tone}` : 'tag'} title={title}>
      {children}
    </span>
  )
}

export function Facts({ items }: { items: [label: string, value: Child][] }) {
  return (
    <dl class="facts">
      {items.map(([label, value]) => (
        <>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </>
      ))}
    </dl>
  )
}

/** Reads a 1-based page number from the query string, defaulting to 1. */
export function pageParam(value: string | undefined): number {
  const n = Number(value)
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1
}

/** A labelled drop-down of a GET filter form, with an "any" choice first. */
export function FilterSelect({
  id,
  name,
  label,
  any,
  selected,
  options,
}: {
  id: string
  name: string
  label: string
  any: string
  selected: string | undefined
  options: { value: string; label: string }[]
}) {
  return (
    <p>
      <label for={id}>{label}</label>{' '}
      <select id={id} name={name}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option value={o.value} selected={selected === o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </p>
  )
}
