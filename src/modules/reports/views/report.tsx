// The report's page: the same content as the Word, JSON and Akoma Ntoso files linked from it.
import type { Context } from 'hono'
import { AuditAnchorLine } from '../../../core/audit/anchor.tsx'
import type { AppEnv } from '../../../core/http/context.ts'
import { textLanguage } from '../../../core/i18n/locales.ts'
import { Tag } from '../../../core/ui/components.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import { Name } from '../../../core/ui/name.tsx'
import { ParagraphText } from '../../negotiation/index.ts'
import { introduction, type Report } from '../report.ts'

export function renderReport(c: Context<AppEnv>, report: Report) {
  const { i18n } = c.var
  const t = i18n.t
  const title = report.document?.title ?? t('reports.title')
  // the agreed text is in the negotiating document's language, whatever the page's
  const text = report.document ? textLanguage(report.document.language) : {}
  const base = `/processes/${report.process.id}/report`
  return renderPage(
    c,
    { title: `${t('reports.title')}: ${report.process.title}` },
    <>
      <p class="eyebrow">
        <a href={`/processes/${report.process.id}`}>{report.process.title}</a>
      </p>
      <h1 {...text}>{title}</h1>
      {report.document?.symbol ? <p>{report.document.symbol}</p> : null}
      <ul class="inline-list">
        <li>
          <a href={`${base}.docx`}>{t('reports.docx')}</a>
        </li>
        <li>
          <a href={`${base}.json`}>{t('reports.json')}</a>
        </li>
        <li>
          <a href={`${base}.xml`}>{t('reports.akn')}</a>
        </li>
      </ul>
      <section aria-labelledby="introduction">
        <h2 id="introduction">{t('reports.introduction')}</h2>
        {introduction(report, i18n).map((line) => (
          <p>{line}</p>
        ))}
      </section>
      <section aria-labelledby="recommendations">
        <h2 id="recommendations">{t('reports.recommendations')}</h2>
        {report.recommendations.length === 0 ? <p>{t('reports.noRecommendations')}</p> : null}
        <ol class="paragraphs">
          {report.recommendations.map((p) => (
            <li {...text}>
              <ParagraphText label={p.label} text={p.text} />
              {p.continuation.map((line) => (
                <p>
                  <ParagraphText label={null} text={line} />
                </p>
              ))}
            </li>
          ))}
        </ol>
        {report.divergentViews.length ? (
          <>
            <h3>{t('reports.divergentViews')}</h3>
            <p class="muted">{t('reports.divergentNote')}</p>
            <ol class="paragraphs">
              {report.divergentViews.map((p) => (
                <li {...text}>
                  <ParagraphText label={p.label} text={p.text} />
                  {p.continuation.map((line) => (
                    <p>
                      <ParagraphText label={null} text={line} />
                    </p>
                  ))}
                </li>
              ))}
            </ol>
          </>
        ) : null}
      </section>
      <section aria-labelledby="annex1">
        <h2 id="annex1">{t('reports.annex1')}</h2>
        <ul class="inline-list">
          {report.members.memberStates.map((s) => (
            <li>{s}</li>
          ))}
        </ul>
        <ul>
          {report.members.organizations.map((o) => (
            <li>
              <Name>{o.name}</Name> <span class="muted">({t(`actors.stakeholder.${o.stakeholderGroup}`)})</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="annex2">
        <h2 id="annex2">{t('reports.annex2')}</h2>
        {report.proposals.map((p) => (
          <article class="card">
            <h3 {...textLanguage(p.language)}>
              <a href={`/proposals/${p.id}`}>{p.title}</a>
            </h3>
            <p>
              <Tag tone={p.status === 'adopted' ? 'ok' : undefined}>{t(`reports.proposalStatus.${p.status}`)}</Tag>{' '}
              {i18n.list(p.proponents)}
            </p>
            <p class="prose" {...textLanguage(p.language)}>
              {p.text}
            </p>
            {p.rationale ? (
              <p class="muted" {...textLanguage(p.language)}>
                {p.rationale}
              </p>
            ) : null}
          </article>
        ))}
      </section>
      {report.auditCheckpoint ? <AuditAnchorLine t={t} anchor={report.auditCheckpoint} /> : null}
    </>,
  )
}
