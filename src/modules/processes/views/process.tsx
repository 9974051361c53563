// Processes: the list, and a process's page: mandate, timeline with the current phase, calls and
// their deadlines, guiding questions, what other modules add (contributions, follow), documents,
// meetings and the report's transmission.
import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import { isoDate } from '../../../core/dates.ts'
import type { AppEnv } from '../../../core/http/context.ts'
import { Facts, Tag } from '../../../core/ui/components.tsx'
import type { FormState } from '../../../core/ui/form.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import { type Body, bodyLabel } from '../../bodies/index.ts'
import type { GuidingQuestion, Meeting, Process, ProcessDocument, StateChange, Transmission } from '../queries.ts'
import { type Call, callClosesAt, callState } from '../rules/calls.ts'
import { type Phase, phaseStatus } from '../rules/timeline.ts'
import { ManageSection, StateRecord } from './lifecycle.tsx'

export function renderProcesses(c: Context<AppEnv>, view: { processes: Process[]; bodies: Map<number, Body> }) {
  const t = c.var.i18n.t
  const title = t('processes.processes.title')
  return renderPage(
    c,
    { title },
    <>
      <h1>{title}</h1>
      <p class="lead">{t('processes.processes.lead')}</p>
      <ul class="cards">
        {view.processes.map((p) => {
          const body = view.bodies.get(p.bodyId)
          return (
            <li>
              <h2>
                <a href={`/processes/${p.id}`}>{p.title}</a>
              </h2>
              <p>
                {body ? bodyLabel(body, c.var.i18n.locale) : null} <Tag>{t(`processes.state.${p.state}`)}</Tag>
                {p.recurrence === 'annual' ? <Tag>{t('processes.recurring', { year: p.cycleYear ?? '' })}</Tag> : null}
              </p>
            </li>
          )
        })}
      </ul>
    </>,
  )
}

export function CallSummary({ c, call, canExtend }: { c: Context<AppEnv>; call: Call; canExtend: boolean }) {
  const { i18n } = c.var
  const t = i18n.t
  const state = callState(call, c.var.deps.now())
  return (
    <article class="call" aria-labelledby={`call-${call.id}`}>
      <h3 id={`call-${call.id}`}>
        {call.title}{' '}
        <Tag tone={state === 'open' ? 'ok' : state === 'upcoming' ? 'warn' : undefined}>
          {t(`processes.call.state.${state}`)}
        </Tag>
      </h3>
      <Facts
        items={[
          [t('processes.call.opens'), <time datetime={call.opensAt.toISOString()}>{i18n.dateTime(call.opensAt)}</time>],
          [
            t('processes.call.closes'),
            <>
              <time datetime={callClosesAt(call).toISOString()}>{i18n.dateTime(callClosesAt(call))}</time>
              {call.extendedUntil ? (
                <> ({t('processes.call.extendedFrom', { date: i18n.dateTime(call.closesAt) })})</>
              ) : null}
            </>,
          ],
          [t('processes.call.eligibility'), t(`processes.eligibility.${call.eligibility}`)],
          [t('processes.call.languages'), i18n.list(call.languages.map((l) => t(`processes.language.${l}`)))],
          [t('processes.call.moderation'), t(`processes.moderation.${call.moderation}`)],
        ]}
      />
      <p>
        <a href={`/balance/call/${call.id}`}>{t('balance.see.call')}</a>
      </p>
      {state === 'open' ? (
        <p>
          <a class="button" href={`/calls/${call.id}/contribute`}>
            {t('processes.call.contribute')}
          </a>
        </p>
      ) : null}
      {canExtend ? (
        <details>
          <summary>{t('processes.call.extend')}</summary>
          <form method="post" action={`/calls/${call.id}/extend`}>
            <input type="hidden" name="_csrf" value={c.var.csrfToken} />
            <div class="field">
              <label for={`extend-${call.id}`}>{t('processes.call.extendUntil', { zone: i18n.timeZone })}</label>
              <input id={`extend-${call.id}`} name="until" type="datetime-local" required />
            </div>
            <button type="submit">{t('processes.call.extendSubmit')}</button>
          </form>
        </details>
      ) : null}
    </article>
  )
}

export interface ProcessView {
  process: Process
  chain: Body[]
  questions: GuidingQuestion[]
  phases: Phase[]
  current: Phase | null
  calls: Call[]
  meetings: Meeting[]
  documents: ProcessDocument[]
  transmissions: (Transmission & { toBody: Body | undefined })[]
  sections: Child[]
  headerSections: Child[]
  canManage: boolean
  stateChanges: StateChange[]
  isSecretariat: boolean
  /** a refused change of state (a reopening without its reason), with what was typed */
  stateForm?: FormState
  status?: 200 | 409 | 422
}

export function renderProcess(c: Context<AppEnv>, view: ProcessView) {
  const { i18n } = c.var
  const t = i18n.t
  const { process } = view
  const today = isoDate(c.var.deps.now())
  const body = view.chain[0]
  return renderPage(
    c,
    {
      title: process.title,
      status: view.status ?? 200,
      alternates: [
        { type: 'application/atom+xml', href: `/api/v1/processes/${process.id}/feed.atom`, title: t('processes.feed') },
      ],
    },
    <>
      <p class="eyebrow">{body ? <a href={`/bodies/${body.slug}`}>{bodyLabel(body, c.var.i18n.locale)}</a> : null}</p>
      <h1>{process.title}</h1>
      <p>
        <Tag tone={process.state === 'active' ? 'ok' : undefined}>{t(`processes.state.${process.state}`)}</Tag>
        {process.recurrence === 'annual' ? (
          <Tag>{t('processes.recurring', { year: process.cycleYear ?? '' })}</Tag>
        ) : null}
        {view.current ? (
          <> {t('processes.currentPhase', { phase: t(`processes.phase.${view.current.kind}`) })}</>
        ) : null}
      </p>
      {process.description ? (
        <p class="lead" dir="auto">
          {process.description}
        </p>
      ) : null}
      <p>
        <a href={`/api/v1/processes/${process.id}/feed.atom`}>{t('processes.feed')}</a>
        {' · '}
        <a href={`/api/v1/processes/${process.id}`}>{t('processes.asJson')}</a>
      </p>
      {view.headerSections}
      <section aria-labelledby="mandate">
        <h2 id="mandate">{t('processes.mandate')}</h2>
        <p>
          {process.mandateParagraph
            ? t('processes.mandateRef', { symbol: process.mandateSymbol, paragraph: process.mandateParagraph })
            : process.mandateSymbol}
        </p>
        {process.mandateText ? (
          <blockquote class="quote" dir="auto">
            {process.mandateText}
          </blockquote>
        ) : null}
        {process.objectives ? (
          <>
            <h3>{t('processes.objectives')}</h3>
            <p class="prose" dir="auto">
              {process.objectives}
            </p>
          </>
        ) : null}
      </section>
      {view.phases.length > 0 ? (
        <section aria-labelledby="timeline">
          <h2 id="timeline">{t('processes.timeline')}</h2>
          <ol class="timeline">
            {view.phases.map((phase) => {
              const status = phaseStatus(phase, today)
              const current = view.current?.kind === phase.kind
              return (
                <li class={`phase ${status}`} aria-current={current ? 'step' : undefined}>
                  <strong>{t(`processes.phase.${phase.kind}`)}</strong>{' '}
                  <span>
                    {i18n.date(phase.startsOn, 'medium')} – {i18n.date(phase.endsOn, 'medium')}
                  </span>{' '}
                  {current ? <Tag tone="ok">{t('processes.phaseStatus.current')}</Tag> : null}
                </li>
              )
            })}
          </ol>
        </section>
      ) : null}
      {view.questions.length > 0 ? (
        <section aria-labelledby="questions">
          <h2 id="questions">{t('processes.guidingQuestions')}</h2>
          <ol>
            {view.questions.map((q) => (
              <li>{q.text}</li>
            ))}
          </ol>
        </section>
      ) : null}
      <section aria-labelledby="calls">
        <h2 id="calls">{t('processes.calls')}</h2>
        {view.calls.length === 0 ? <p>{t('processes.noCalls')}</p> : null}
        {view.calls.map((call) => (
          <CallSummary c={c} call={call} canExtend={view.canManage && view.process.state !== 'concluded'} />
        ))}
      </section>
      {view.sections}
      <section aria-labelledby="meetings">
        <h2 id="meetings">{t('processes.meetings.title')}</h2>
        {view.meetings.length === 0 ? (
          <p>{t('processes.meetings.none')}</p>
        ) : (
          <ol class="meetings">
            {view.meetings.map((m) => (
              <li>
                <a href={`/meetings/${m.id}`}>{m.title}</a> <span>{meetingDates(c, m)}</span>
                {m.venue ? <span> · {m.venue}</span> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="documents">
        <h2 id="documents">{t('processes.documents.title')}</h2>
        <p>
          <a href={`/processes/${process.id}/documents`}>{t('processes.documents.allFiles')}</a>
        </p>
        {view.documents.length === 0 ? (
          <p>{t('processes.documents.none')}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <caption class="visually-hidden">{t('processes.documents.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('processes.documents.symbol')}</th>
                  <th scope="col">{t('processes.documents.titleColumn')}</th>
                  <th scope="col">{t('processes.documents.kind')}</th>
                  <th scope="col">{t('processes.documents.issued')}</th>
                </tr>
              </thead>
              <tbody>
                {view.documents.map((d) => (
                  <tr>
                    <td>{d.symbol ?? '—'}</td>
                    <td>{d.url ? <a href={d.url}>{d.title}</a> : <a href={`/documents/${d.id}`}>{d.title}</a>}</td>
                    <td>{t(`processes.documentKind.${d.kind}`)}</td>
                    <td>{i18n.date(d.issuedOn, 'medium')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {view.transmissions.length > 0 ? (
        <section aria-labelledby="transmissions">
          <h2 id="transmissions">{t('processes.transmissions')}</h2>
          <ul>
            {view.transmissions.map((tr) => (
              <li>
                {t('processes.transmittedTo', {
                  body: tr.toBody ? bodyLabel(tr.toBody, c.var.i18n.locale) : '',
                  occasion: tr.occasion,
                  date: i18n.date(tr.transmittedOn, 'long'),
                })}
                {tr.documentSymbol ? ` (${tr.documentSymbol})` : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <StateRecord c={c} changes={view.stateChanges} />
      {view.canManage ? (
        <ManageSection c={c} process={process} isSecretariat={view.isSecretariat} stateForm={view.stateForm ?? {}} />
      ) : null}
    </>,
  )
}

export function meetingDates(c: Context<AppEnv>, m: Pick<Meeting, 'startsAt' | 'endsAt' | 'timeZone'>): string {
  // a meeting's days are the days where it takes place, whatever the reader's zone
  const format = new Intl.DateTimeFormat(c.var.i18n.tag, { dateStyle: 'long', timeZone: m.timeZone })
  return format.formatRange(m.startsAt, m.endsAt)
}
