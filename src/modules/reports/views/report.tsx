// The report's page: the same content as the Word, JSON and Akoma Ntoso files linked from it, in
// the order of the issued document: the symbol block, the introduction, the recommendations with
// their follow-up, the divergent views with their attribution, the paragraphs not considered, and
// the annexes (members and attendance; explanations of position and reservations; proposals).
import type { Context } from 'hono'
import { AuditAnchorLine } from '../../../core/audit/anchor.tsx'
import type { AppEnv } from '../../../core/http/context.ts'
import { textLanguage } from '../../../core/i18n/locales.ts'
import { Tag } from '../../../core/ui/components.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import { Name } from '../../../core/ui/name.tsx'
import { ParagraphText } from '../../negotiation/index.ts'
import { introduction, type Report, type ReportParagraph } from '../report.ts'
import { languageName, leadText } from '../report-word.ts'
import { unDate } from '../rules/un-date.ts'

export function renderReport(c: Context<AppEnv>, report: Report, can: { issue: boolean }) {
  const { i18n } = c.var
  const t = i18n.t
  const reportTitle = t('reports.reportOf', { body: report.body.name })
  // the agreed text is in the negotiating document's language, whatever the page's
  const text = report.document ? textLanguage(report.document.language) : {}
  const base = `/processes/${report.process.id}/report`
  const issue = report.issue
  const paragraphs = (
    list: (ReportParagraph & { lead?: Report['divergentViews'][number]['lead'] })[],
    followUps = false,
  ) => (
    <ol class="paragraphs">
      {list.map((p) => {
        const lead = p.lead ? leadText(p.lead, i18n) : undefined
        const history = followUps ? report.followUps.filter((f) => f.paragraphId === p.id) : []
        return (
          <li>
            {lead ? <p class="muted">{lead}</p> : null}
            <div {...text} class={p.kind === 'preambular' ? 'preambular' : undefined}>
              {p.kind === 'preambular' ? (
                <em>
                  <ParagraphText label={null} text={p.text} />
                </em>
              ) : (
                <ParagraphText label={p.label} text={p.text} />
              )}
              {p.continuation.map((line) => (
                <p>
                  <ParagraphText label={null} text={line} />
                </p>
              ))}
            </div>
            {history.length ? (
              <ul class="muted">
                {history.map((f) => (
                  <li>
                    {t('reports.followUp.line', {
                      year: String(f.year),
                      status: t(`reports.followUpStatus.${f.status}`),
                      source: t(`reports.followUpSource.${f.sourceKind}`),
                      reference: f.sourceReference,
                    })}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        )
      })}
    </ol>
  )
  return renderPage(
    c,
    { title: `${t('reports.title')}: ${report.process.title}` },
    <>
      <p class="eyebrow">
        <a href={`/processes/${report.process.id}`}>{report.process.title}</a>
      </p>
      <dl class="facts">
        <dt>{t('reports.issue.symbol')}</dt>
        <dd dir="ltr">{issue?.symbol ?? t('reports.masthead.draft')}</dd>
        <dt>{t('reports.issue.distribution')}</dt>
        <dd>{t(`reports.distribution.${issue?.distribution ?? 'limited'}`)}</dd>
        <dt>{t('reports.issue.issuedOn')}</dt>
        <dd>{unDate(i18n.locale, report.date)}</dd>
        <dt>{t('reports.issue.originalLanguage')}</dt>
        <dd>{languageName(issue?.originalLanguage ?? report.document?.language ?? 'en', i18n)}</dd>
        {issue?.session ? (
          <>
            <dt>{t('reports.issue.session')}</dt>
            <dd dir="auto">{issue.session}</dd>
          </>
        ) : null}
        {issue?.agendaItem ? (
          <>
            <dt>{t('reports.issue.agendaItem')}</dt>
            <dd dir="auto">{issue.agendaItem}</dd>
          </>
        ) : null}
      </dl>
      <h1>{reportTitle}</h1>
      {issue ? null : <p class="notice">{t('reports.issue.notSet')}</p>}
      {report.document ? (
        <p class="muted">
          {t('reports.issue.basedOn', {
            document: report.document.title,
            revision: report.basedOn.number === null ? t('reports.issue.currentText') : report.basedOn.label,
          })}
        </p>
      ) : null}
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
        {can.issue ? (
          <li>
            <a href={`${base}/issue`}>{t('reports.issue.manage')}</a>
          </li>
        ) : null}
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
        {paragraphs(report.recommendations, true)}
        {report.divergentViews.length ? (
          <>
            <h3>{t('reports.divergentViews')}</h3>
            <p class="muted">{t('reports.divergentNote')}</p>
            {paragraphs(report.divergentViews)}
          </>
        ) : null}
      </section>
      {report.notConsidered.length ? (
        <section aria-labelledby="not-considered">
          <h2 id="not-considered">{t('reports.notConsidered.title')}</h2>
          <p class="muted">{t('reports.notConsidered.note')}</p>
          {paragraphs(report.notConsidered)}
        </section>
      ) : null}
      <section aria-labelledby="annex1">
        <h2 id="annex1">
          {t('reports.annex', { number: 'I' })}. {t('reports.members.title')}
        </h2>
        {report.members.attendance.recorded ? null : <p class="muted">{t('reports.members.attendanceNotRecorded')}</p>}
        {report.members.memberStates.length + report.members.organizations.length === 0 ? (
          <p>{t('reports.members.none')}</p>
        ) : null}
        <ul>
          {report.members.memberStates.map((s) => (
            <li>
              {s} <Attended name={s} report={report} t={t} />
            </li>
          ))}
          {report.members.organizations.map((o) => (
            <li>
              <Name>{o.name}</Name> <span class="muted">({t(`actors.stakeholder.${o.stakeholderGroup}`)})</span>{' '}
              <Attended name={o.name} report={report} t={t} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="annex2">
        <h2 id="annex2">
          {t('reports.annex', { number: 'II' })}. {t('reports.statements.title')}
        </h2>
        {report.statements.length === 0 ? <p>{t('reports.statements.none')}</p> : null}
        {report.statements.map((s) => (
          <article class="card">
            <h3>
              {s.state}: {t(`reports.statements.${s.kind}`)}{' '}
              {s.paragraph
                ? t('reports.statements.onParagraph', { label: s.paragraph })
                : t('reports.statements.onText')}
            </h3>
            <p dir="auto">{s.text}</p>
          </article>
        ))}
      </section>
      <section aria-labelledby="annex3">
        <h2 id="annex3">
          {t('reports.annex', { number: 'III' })}. {t('reports.proposals.title')}
        </h2>
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

function Attended({ name, report, t }: { name: string; report: Report; t: (key: string) => string }) {
  if (!report.members.attendance.recorded) return null
  const came = report.members.attendance.attended.includes(name)
  return <Tag tone={came ? 'ok' : undefined}>{t(came ? 'reports.members.attended' : 'reports.members.absent')}</Tag>
}
