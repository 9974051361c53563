// A process's contributions with filters (guiding question, stakeholder group, regional group,
// language) and the numbers; the compilation page; and the section on the process page.

import type { Context } from 'hono'
import { AuditAnchorLine } from '../../../core/audit/anchor.tsx'
import type { AppEnv } from '../../../core/http/context.ts'
import { LOCALES, textLanguage } from '../../../core/i18n/locales.ts'
import { KeysetPagination, Tag } from '../../../core/ui/components.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import { markdown } from '../../../core/ui/markdown.ts'
import { Name } from '../../../core/ui/name.tsx'
import { REGIONAL_GROUPS } from '../../actors/index.ts'
import type { GuidingQuestion, Process } from '../../processes/index.ts'
import type { Compilation } from '../compilation.ts'
import { CONTRIBUTOR_GROUPS, groupLabel, regionLabel } from '../labels.ts'
import type { Answer, Contribution } from '../queries.ts'
import type { Summary } from '../rules/summary.ts'
import { statusTone } from './contribution.tsx'

export function SummaryTables({ c, summary }: { c: Context<AppEnv>; summary: Summary }) {
  const { i18n } = c.var
  const t = i18n.t
  const table = (id: string, caption: string, rows: [string, number][]) =>
    rows.length === 0 ? null : (
      <div class="table-scroll">
        <table class="compact" id={id}>
          <caption>{caption}</caption>
          <tbody>
            {rows.map(([label, n]) => (
              <tr>
                <th scope="row">{label}</th>
                <td>{i18n.number(n)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )
  return (
    <div class="summary-tables">
      {table(
        'by-group',
        t('contributions.byStakeholderGroup'),
        CONTRIBUTOR_GROUPS.filter((g) => summary.byStakeholderGroup[g]).map((g) => [
          groupLabel(t, g),
          summary.byStakeholderGroup[g] as number,
        ]),
      )}
      {table(
        'by-region',
        t('contributions.byRegionalGroup'),
        REGIONAL_GROUPS.filter((g) => summary.byRegionalGroup[g]).map((g) => [
          regionLabel(t, g),
          summary.byRegionalGroup[g] as number,
        ]),
      )}
      {table(
        'by-status',
        t('contributions.byDevelopmentStatus'),
        (['ldc', 'lldc', 'sids'] as const).map((k) => [
          t(`actors.classification.${k}`),
          summary.byDevelopmentStatus[k],
        ]),
      )}
      {table(
        'by-language',
        t('contributions.byLanguage'),
        LOCALES.filter((l) => summary.byLanguage[l]).map((l) => [
          t(`processes.language.${l}`),
          summary.byLanguage[l] as number,
        ]),
      )}
    </div>
  )
}

export interface ListView {
  process: Process
  questions: GuidingQuestion[]
  rows: Contribution[]
  answers: Map<number, Answer[]>
  total: number
  /** more match than the bounded count (`total`) */
  more: boolean
  /** the contribution this page continues after (null: the first page) */
  after: number | null
  /** the contribution the next page continues after (null: this is the last) */
  next: number | null
  filters: {
    question?: number | undefined
    stakeholderGroup?: string | undefined
    regionalGroup?: string | undefined
    language?: string | undefined
  }
  summary: Summary
}

function excerpt(text: string): string {
  const plain = text
    .replace(/[#*_`>[\]()]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  return plain.length > 280 ? `${plain.slice(0, 277)}…` : plain
}

export function renderList(c: Context<AppEnv>, view: ListView) {
  const { i18n } = c.var
  const t = i18n.t
  const { process, filters } = view
  const title = t('contributions.list.title')
  const url = new URL(c.req.url)
  const option = (value: string, label: string, selected: boolean) => (
    <option value={value} selected={selected}>
      {label}
    </option>
  )
  return renderPage(
    c,
    { title: `${title}: ${process.title}` },
    <>
      <p class="eyebrow">
        <a href={`/processes/${process.id}`}>{process.title}</a>
      </p>
      <h1>{title}</h1>
      <p>
        <a href={`/processes/${process.id}/compilation`}>{t('contributions.compilation.title')}</a> ·{' '}
        <a href={`/processes/${process.id}/compilation.docx`}>{t('contributions.compilation.docx')}</a> ·{' '}
        <a href={`/api/v1/processes/${process.id}/contributions`}>{t('contributions.asJson')}</a>
      </p>
      <form method="get" action={`/processes/${process.id}/contributions`} class="filters">
        <div class="field">
          <label for="f-question">{t('contributions.filter.question')}</label>
          <select id="f-question" name="question">
            {option('', t('contributions.filter.any'), !filters.question)}
            {view.questions.map((q) =>
              option(String(q.id), `${q.position}. ${q.text.slice(0, 80)}`, filters.question === q.id),
            )}
          </select>
        </div>
        <div class="field">
          <label for="f-group">{t('contributions.stakeholderGroup')}</label>
          <select id="f-group" name="stakeholderGroup">
            {option('', t('contributions.filter.any'), !filters.stakeholderGroup)}
            {CONTRIBUTOR_GROUPS.map((g) => option(g, groupLabel(t, g), filters.stakeholderGroup === g))}
          </select>
        </div>
        <div class="field">
          <label for="f-region">{t('contributions.regionalGroup')}</label>
          <select id="f-region" name="regionalGroup">
            {option('', t('contributions.filter.any'), !filters.regionalGroup)}
            {REGIONAL_GROUPS.map((g) => option(g, regionLabel(t, g), filters.regionalGroup === g))}
          </select>
        </div>
        <div class="field">
          <label for="f-language">{t('contributions.language')}</label>
          <select id="f-language" name="language">
            {option('', t('contributions.filter.any'), !filters.language)}
            {LOCALES.map((l) => option(l, t(`processes.language.${l}`), filters.language === l))}
          </select>
        </div>
        <button type="submit">{t('contributions.filter.apply')}</button>
      </form>
      <p role="status">
        {view.more
          ? t('contributions.countMore', { count: view.total })
          : t('contributions.count', { count: view.total })}
      </p>
      <ol class="contributions">
        {view.rows.map((k) => {
          const answers = view.answers.get(k.id) ?? []
          const shown = k.status === 'published'
          return (
            <li>
              <h2>
                <a href={`/contributions/${k.id}`}>
                  <Name>{k.contributorName}</Name>
                </a>
              </h2>
              <p>
                {groupLabel(t, k.stakeholderGroup)}
                {k.regionalGroup ? ` · ${regionLabel(t, k.regionalGroup)}` : null} ·{' '}
                {t(`processes.language.${k.language}`)}
                {k.revisionCount > 1 ? ` · ${t('contributions.revisedTimes', { count: k.revisionCount - 1 })}` : null}
                {k.status !== 'published' ? (
                  <>
                    {' '}
                    <Tag tone={statusTone(k.status)}>{t(`contributions.status.${k.status}`)}</Tag>
                  </>
                ) : null}
              </p>
              {shown && answers[0] ? <p>{excerpt(answers[0].body)}</p> : null}
            </li>
          )
        })}
      </ol>
      <KeysetPagination t={t} baseUrl={url} after={view.after} next={view.next} />
      <section aria-labelledby="numbers">
        <h2 id="numbers">{t('contributions.numbers')}</h2>
        <SummaryTables c={c} summary={view.summary} />
      </section>
    </>,
  )
}

export function renderCompilation(c: Context<AppEnv>, process: Process, compilation: Compilation) {
  const t = c.var.i18n.t
  const title = t('contributions.compilation.title')
  return renderPage(
    c,
    { title: `${title}: ${process.title}` },
    <>
      <p class="eyebrow">
        <a href={`/processes/${process.id}`}>{process.title}</a>
      </p>
      <h1>{title}</h1>
      <p>
        <a class="button" href={`/processes/${process.id}/compilation.docx`}>
          {t('contributions.compilation.docx')}
        </a>
      </p>
      <section aria-labelledby="summary">
        <h2 id="summary">{t('contributions.compilation.summary')}</h2>
        <p>{t('contributions.count', { count: compilation.summary.total })}</p>
        <SummaryTables c={c} summary={compilation.summary} />
      </section>
      {compilation.questions.map((q) => (
        <section aria-labelledby={`q-${q.id}`}>
          <h2 id={`q-${q.id}`}>{t('contributions.compilation.question', { number: q.position, text: q.text })}</h2>
          {q.entries.length === 0 ? <p>{t('contributions.compilation.noAnswers')}</p> : null}
          {q.entries.map((e) => (
            <article class="answer">
              <h3>
                <a href={`/contributions/${e.contributionId}`}>{e.contributor}</a>{' '}
                <small>
                  ({groupLabel(t, e.stakeholderGroup)}
                  {e.regionalGroup ? ` · ${regionLabel(t, e.regionalGroup)}` : null})
                </small>
              </h3>
              <div class="prose" {...textLanguage(e.language)}>
                {markdown(e.text)}
              </div>
            </article>
          ))}
        </section>
      ))}
      {compilation.auditCheckpoint ? <AuditAnchorLine t={t} anchor={compilation.auditCheckpoint} /> : null}
    </>,
  )
}

export function ProcessContributions({
  c,
  processId,
  latest,
  summary,
}: {
  c: Context<AppEnv>
  processId: number
  latest: Contribution[]
  summary: Summary
}) {
  const t = c.var.i18n.t
  return (
    <section aria-labelledby="contributions">
      <h2 id="contributions">{t('contributions.list.title')}</h2>
      <p>{t('contributions.count', { count: summary.total })}</p>
      {latest.length > 0 ? (
        <ul>
          {latest.map((k) => (
            <li>
              <a href={`/contributions/${k.id}`}>
                <Name>{k.contributorName}</Name>
              </a>{' '}
              ({groupLabel(t, k.stakeholderGroup)})
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <a href={`/processes/${processId}/contributions`}>{t('contributions.list.all')}</a> ·{' '}
        <a href={`/processes/${processId}/compilation`}>{t('contributions.compilation.title')}</a> ·{' '}
        <a href={`/processes/${processId}/compilation.docx`}>{t('contributions.compilation.docx')}</a>
      </p>
      {summary.total > 0 ? <SummaryTables c={c} summary={summary} /> : null}
    </section>
  )
}
