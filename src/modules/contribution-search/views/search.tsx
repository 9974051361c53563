// The search page of a call's contributions: a GET form (no script needed), the counts by facet as
// links that keep the query, the answers found with their excerpts (the words found marked, every
// piece escaped by JSX), newest first, twenty a page.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { LOCALE_INFO, textLanguage } from '../../../core/i18n/locales.ts'
import type { Issue } from '../../../core/result.ts'
import { Tag } from '../../../core/ui/components.tsx'
import { ErrorSummary, TextField } from '../../../core/ui/form.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import { Name } from '../../../core/ui/name.tsx'
import { groupLabel, regionLabel, type SearchFacets, type SearchHit } from '../../contributions/index.ts'
import type { Call, GuidingQuestion } from '../../processes/index.ts'
import { QUERY_MAX } from '../schemas.ts'
import { excerptPieces } from '../search.ts'

const FACETS = ['question', 'stakeholderGroup', 'region', 'language', 'campaign'] as const
type FacetName = (typeof FACETS)[number]
const FACET_ROWS: Record<FacetName, keyof SearchFacets> = {
  question: 'questions',
  stakeholderGroup: 'stakeholderGroups',
  region: 'regions',
  language: 'languages',
  campaign: 'campaign',
}

export interface SearchView {
  call: Call
  questions: GuidingQuestion[]
  /** what was typed, kept as typed */
  values: Record<string, string>
  issues: Issue[]
  result: { total: number; more: boolean; facets: SearchFacets; hits: SearchHit[]; next: string | null } | null
}

function Hit({ c, hit, questionLabel }: { c: Context<AppEnv>; hit: SearchHit; questionLabel: (k: string) => string }) {
  const { i18n } = c.var
  const t = i18n.t
  const meta = [
    groupLabel(t, hit.stakeholderGroup),
    hit.regionalGroup ? regionLabel(t, hit.regionalGroup) : null,
    LOCALE_INFO[hit.language as keyof typeof LOCALE_INFO]?.name ?? hit.language,
    i18n.date(hit.submittedAt),
  ].filter((v): v is string => v !== null)
  return (
    <li class="card">
      <h2 class="h3">
        <a href={`/contributions/${hit.contributionId}`}>
          <Name>{hit.contributorName}</Name>
        </a>
        {hit.status === 'pending_review' ? (
          <>
            {' '}
            <Tag tone="warn">{t('contributions.status.pending_review')}</Tag>
          </>
        ) : null}
      </h2>
      <p class="muted">
        {meta.join(' · ')} · {questionLabel(String(hit.questionId))}
      </p>
      <p {...textLanguage(hit.language)}>
        {excerptPieces(hit.excerpt).map((p) => (p.match ? <mark>{p.text}</mark> : p.text))}
      </p>
      {hit.campaignId !== null ? (
        <p>
          <a href={`/campaigns/${hit.campaignId}`}>{t('search.inCampaign')}</a>
        </p>
      ) : null}
    </li>
  )
}

export function renderSearch(c: Context<AppEnv>, view: SearchView) {
  const t = c.var.i18n.t
  const { call, values, result } = view
  const base = `/calls/${call.id}/search`
  const href = (params: Record<string, string>) => `${base}?${new URLSearchParams(params)}`
  const kept = Object.fromEntries(Object.entries(values).filter(([k, v]) => v && k !== 'after'))
  const position = new Map(view.questions.map((q) => [String(q.id), q]))
  const questionLabel = (k: string) => {
    const q = position.get(k)
    return q ? t('search.question', { number: q.position }) : k
  }
  const label: Record<FacetName, (k: string) => string> = {
    question: questionLabel,
    stakeholderGroup: (k) => groupLabel(t, k),
    region: (k) => (k === 'none' ? t('search.noRegion') : regionLabel(t, k)),
    language: (k) => LOCALE_INFO[k as keyof typeof LOCALE_INFO]?.name ?? k,
    campaign: (k) => t(k === 'yes' ? 'search.campaign.yes' : 'search.campaign.no'),
  }
  const filtered = FACETS.some((f) => kept[f])
  const title = t('search.title', { call: call.title })
  return renderPage(
    c,
    { title, status: view.issues.length ? 400 : 200 },
    <>
      <p class="eyebrow">
        <a href={`/processes/${call.processId}`}>{call.title}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{t('search.lead')}</p>
      <ErrorSummary t={t} form={{ issues: view.issues }} />
      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is missing from older browsers we serve */}
      <form method="get" action={base} role="search" class="filters" novalidate>
        <TextField
          t={t}
          form={{ values, issues: view.issues }}
          name="q"
          type="search"
          label={t('search.query')}
          hint={t('search.hint')}
          maxlength={QUERY_MAX}
          required
        />
        {FACETS.map((f) => (kept[f] ? <input type="hidden" name={f} value={kept[f]} /> : null))}
        <button type="submit" class="button">
          {t('search.button')}
        </button>
      </form>
      {filtered ? (
        <p>
          <a href={kept.q ? href({ q: kept.q }) : base}>{t('search.clearFilters')}</a>
        </p>
      ) : null}
      {result ? (
        <>
          <p role="status">
            {result.more ? t('search.countMore', { count: result.total }) : t('search.count', { count: result.total })}
          </p>
          <div class="with-facets">
            <aside aria-label={t('search.facets')}>
              {FACETS.map((f) => {
                const rows = result.facets[FACET_ROWS[f]]
                if (!rows.length) return null
                return (
                  <section aria-labelledby={`facet-${f}`}>
                    <h2 id={`facet-${f}`} class="h3">
                      {t(`search.facet.${f}`)}
                    </h2>
                    <ul>
                      {rows.map((r) => (
                        <li>
                          <a href={href({ ...kept, [f]: r.key })} aria-current={kept[f] === r.key ? 'true' : undefined}>
                            {label[f](r.key)}
                          </a>{' '}
                          <span class="muted">({r.n})</span>
                        </li>
                      ))}
                    </ul>
                  </section>
                )
              })}
            </aside>
            <ul class="cards results">
              {result.hits.map((hit) => (
                <Hit c={c} hit={hit} questionLabel={questionLabel} />
              ))}
            </ul>
          </div>
          {result.next || values.after ? (
            <nav aria-label={t('pagination.label')}>
              <ul class="pagination">
                {values.after ? (
                  <li>
                    <a href={href(kept)}>{t('search.first')}</a>
                  </li>
                ) : null}
                {result.next ? (
                  <li>
                    <a href={href({ ...kept, after: result.next })} rel="next">
                      {t('pagination.next')}
                    </a>
                  </li>
                ) : null}
              </ul>
            </nav>
          ) : null}
        </>
      ) : null}
    </>,
  )
}
