// A deliberation's results: the map of participants and the opinion groups, what each group
// thinks, the group-informed consensus, the statements that bridge the declared groups (for the
// Chair: which proposed wordings bridge), the divisive ones, and the downloads.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import type { Translator } from '../../../core/i18n/messages.ts'
import { Facts } from '../../../core/ui/components.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import type { Deliberation, StoredAnalysis } from '../queries.ts'
import type { BridgingRow, Scored } from '../rules/analyze.ts'
import { GROUP_COLOURS, ParticipantMap } from './map.tsx'
import { groupName, percent, StatementText, SubNav } from './parts.tsx'

export const SHOWN = 10

export interface ResultsView {
  deliberation: Deliberation
  analysis: StoredAnalysis | undefined
  texts: Map<string, string>
}

type T = Translator['t']

function Statement({ t, id, texts }: { t: T; id: string; texts: Map<string, string> }) {
  return <StatementText text={texts.get(id) ?? ''} fallback={t('deliberation.statement.untitled', { id })} />
}

function ScoreTable({
  t,
  caption,
  rows,
  texts,
}: {
  t: T
  caption: string
  rows: Scored[]
  texts: Map<string, string>
}) {
  return (
    <div class="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('deliberation.statement')}</th>
            <th scope="col">{t('deliberation.score')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, SHOWN).map((row) => (
            <tr>
              <td>
                <Statement t={t} id={row.statement} texts={texts} />
              </td>
              <td class="num">{percent(row.score)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function BridgingTable({
  t,
  rows,
  texts,
  caption,
}: {
  t: T
  rows: BridgingRow[]
  texts: Map<string, string>
  caption: string
}) {
  return (
    <div class="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('deliberation.statement')}</th>
            <th scope="col">{t('deliberation.score')}</th>
            <th scope="col">{t('deliberation.bridging.byGroup')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, SHOWN).map((row) => (
            <tr>
              <td>
                <Statement t={t} id={row.statement} texts={texts} />
              </td>
              <td class="num">{percent(row.score)}</td>
              <td>
                <details>
                  <summary>{t('deliberation.bridging.show')}</summary>
                  <ul>
                    {Object.entries(row.byGroup).map(([group, value]) => (
                      <li>
                        {groupName(t, group)}: {percent(value)}
                      </li>
                    ))}
                  </ul>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export function renderResults(c: Context<AppEnv>, view: ResultsView) {
  const { i18n } = c.var
  const t = i18n.t
  const d = view.deliberation
  const a = view.analysis
  const title = t('deliberation.results.title', { title: d.title })
  return renderPage(
    c,
    { title },
    <>
      <p class="eyebrow">
        <a href="/deliberations">{t('deliberation.title')}</a>
      </p>
      <h1 dir="auto">{d.title}</h1>
      <SubNav t={t} id={d.id} current="results" />
      {!a ? (
        <p>{t('deliberation.results.none')}</p>
      ) : (
        <>
          <Facts
            items={[
              [t('deliberation.results.participants'), i18n.number(a.result.totals.participants)],
              [t('deliberation.results.statements'), i18n.number(a.result.totals.statements)],
              [t('deliberation.results.votes'), i18n.number(a.result.totals.votes)],
              [t('deliberation.results.groups'), i18n.number(a.result.groups.length)],
              [t('deliberation.results.computed'), i18n.dateTime(new Date(a.computedAt))],
              [t('deliberation.results.duration'), t('deliberation.results.ms', { ms: a.durationMs })],
            ]}
          />
          <p>
            <a href={`/deliberations/${d.id}/results.csv`}>{t('deliberation.download.csv')}</a> ·{' '}
            <a href={`/api/v1/deliberations/${d.id}/analysis`}>{t('deliberation.download.json')}</a>
          </p>
          <section aria-labelledby="groups-title">
            <h2 id="groups-title">{t('deliberation.groups.title')}</h2>
            <p>{t('deliberation.groups.lead')}</p>
            <ParticipantMap t={t} result={a.result} />
            <div class="table-scroll">
              <table>
                <caption>{t('deliberation.groups.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('deliberation.group')}</th>
                    <th scope="col">{t('deliberation.groups.members')}</th>
                    <th scope="col">{t('deliberation.groups.thinks')}</th>
                  </tr>
                </thead>
                <tbody>
                  {a.result.groupViews.map((g) => (
                    <tr>
                      <th scope="row">
                        <span aria-hidden="true" style={`color:${GROUP_COLOURS[g.id]}`}>
                          ●{' '}
                        </span>
                        {t('deliberation.groupName', { n: g.id + 1 })}
                      </th>
                      <td class="num">{i18n.number(g.size)}</td>
                      <td>
                        {g.representative.length === 0 ? (
                          t('deliberation.groups.nothing')
                        ) : (
                          <ul>
                            {g.representative.map((r) => (
                              <li>
                                {t(`deliberation.groups.${r.direction}`, { rate: percent(r.rate) })}{' '}
                                <Statement t={t} id={r.statement} texts={view.texts} />
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section aria-labelledby="bridging-title">
            <h2 id="bridging-title">
              {d.proposalId ? t('deliberation.bridging.chair') : t('deliberation.bridging.title')}
            </h2>
            <p>{t('deliberation.bridging.lead')}</p>
            <BridgingTable
              t={t}
              rows={a.result.bridging}
              texts={view.texts}
              caption={t('deliberation.bridging.caption')}
            />
          </section>
          <section aria-labelledby="consensus-title">
            <h2 id="consensus-title">{t('deliberation.consensus.title')}</h2>
            <p>{t('deliberation.consensus.lead')}</p>
            <ScoreTable
              t={t}
              caption={t('deliberation.consensus.caption')}
              rows={a.result.consensus}
              texts={view.texts}
            />
          </section>
          <section aria-labelledby="divisive-title">
            <h2 id="divisive-title">{t('deliberation.divisive.title')}</h2>
            <p>{t('deliberation.divisive.lead')}</p>
            <ScoreTable
              t={t}
              caption={t('deliberation.divisive.caption')}
              rows={a.result.divisive}
              texts={view.texts}
            />
          </section>
          <details>
            <summary>{t('deliberation.formulas')}</summary>
            <ul>
              <li>{t('deliberation.formula.groups')}</li>
              <li>{t('deliberation.formula.consensus')}</li>
              <li>{t('deliberation.formula.bridging')}</li>
              <li>{t('deliberation.formula.divisive')}</li>
            </ul>
          </details>
        </>
      )}
    </>,
  )
}
