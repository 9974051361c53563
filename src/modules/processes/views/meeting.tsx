// A meeting's page: when and where, remote participation, interpretation and captioning, the
// agenda with the documents each item covers, what is in force (other modules' sections), the
// meeting's documents and their language versions, attendance, the outcome and the transcript.
import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { AppEnv } from '../../../core/http/context.ts'
import { Facts, Tag } from '../../../core/ui/components.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import { Name } from '../../../core/ui/name.tsx'
import type { AttendanceRow } from '../detail.ts'
import type { AgendaItem, Meeting, Process, ProcessDocument } from '../queries.ts'
import type { FiledDocument } from '../queries-documents.ts'
import { DocumentTable } from './documents.tsx'
import { meetingDates } from './process.tsx'

export interface MeetingView {
  meeting: Meeting
  process: Process
  agenda: AgendaItem[]
  documents: Map<number, ProcessDocument>
  attendance: AttendanceRow[]
  /** the meeting's documents with their language versions */
  filed: FiledDocument[]
  /** what other modules say is in force at the meeting */
  sections: Child[]
  canManage: boolean
  canUpload: boolean
}

export function renderMeeting(c: Context<AppEnv>, view: MeetingView) {
  const { i18n, csrfToken } = c.var
  const t = i18n.t
  const { meeting, process } = view
  const byKind = (kind: 'state' | 'organization') => view.attendance.filter((a) => a.kind === kind)
  return renderPage(
    c,
    { title: meeting.title },
    <>
      <p class="eyebrow">
        <a href={`/processes/${process.id}`}>{process.title}</a>
      </p>
      <h1>{meeting.title}</h1>
      <Facts
        items={[
          [t('processes.meetings.number'), i18n.number(meeting.number)],
          [t('processes.meetings.dates'), meetingDates(c, meeting)],
          [
            t('processes.meetings.time'),
            <>
              <time datetime={meeting.startsAt.toISOString()}>{i18n.dateTime(meeting.startsAt)}</time> –{' '}
              <time datetime={meeting.endsAt.toISOString()}>{i18n.dateTime(meeting.endsAt)}</time>
            </>,
          ],
          [t('processes.meetings.venue'), meeting.venue ?? t('processes.meetings.onlineOnly')],
          [
            t('processes.meetings.remote'),
            meeting.remoteUrl ? <a href={meeting.remoteUrl}>{meeting.remoteUrl}</a> : t('processes.meetings.noRemote'),
          ],
          [
            t('processes.meetings.interpretation'),
            meeting.interpretationLanguages.length
              ? i18n.list(meeting.interpretationLanguages.map((l) => t(`processes.language.${l}`)))
              : t('processes.meetings.noInterpretation'),
          ],
          [
            t('processes.meetings.captioning'),
            meeting.liveCaptioning ? t('processes.meetings.captioningYes') : t('processes.meetings.captioningNo'),
          ],
        ]}
      />
      <p>
        <a href={`/api/v1/meetings/${meeting.id}.ics`}>{t('processes.meetings.addToCalendar')}</a>
      </p>
      <section aria-labelledby="agenda">
        <h2 id="agenda">{t('processes.meetings.agenda')}</h2>
        {view.agenda.length === 0 ? (
          <p>{t('processes.meetings.noAgenda')}</p>
        ) : (
          <ol>
            {view.agenda.map((item) => (
              <li>
                <strong>{item.title}</strong>
                {item.description ? <p dir="auto">{item.description}</p> : null}
                {item.documentIds.length + item.links.length > 0 ? (
                  <ul>
                    {item.documentIds.map((id) => {
                      const d = view.documents.get(id)
                      if (!d) return null
                      const label = d.symbol ? `${d.symbol}: ${d.title}` : d.title
                      return <li>{d.url ? <a href={d.url}>{label}</a> : <a href={`/documents/${d.id}`}>{label}</a>}</li>
                    })}
                    {item.links.map((l) => (
                      <li>
                        <a href={l.href}>{l.label}</a>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
      {view.sections}
      <section aria-labelledby="meeting-documents">
        <h2 id="meeting-documents">{t('processes.documents.title')}</h2>
        <DocumentTable c={c} documents={view.filed} caption={t('processes.documents.title')} />
        {view.canUpload ? (
          <p>
            <a href={`/meetings/${meeting.id}/documents/new`}>{t('processes.documents.uploadLink')}</a>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="attendance">
        <h2 id="attendance">{t('processes.meetings.attendance')}</h2>
        <p>
          <a href={`/meetings/${meeting.id}/participants`}>{t('processes.meetings.participants')}</a>
          {view.attendance.length > 0 ? (
            <>
              {' · '}
              <a href={`/balance/meeting/${meeting.id}`}>{t('balance.see.meeting')}</a>
            </>
          ) : null}
          {view.canManage ? (
            <>
              {' · '}
              <a href={`/meetings/${meeting.id}/attendance`}>{t('processes.meetings.recordAttendance')}</a>
            </>
          ) : null}
        </p>
        {view.attendance.length === 0 ? (
          <p>{t('processes.meetings.noAttendance')}</p>
        ) : (
          (['state', 'organization'] as const).map((kind) =>
            byKind(kind).length ? (
              <>
                <h3>{t(`processes.meetings.attendance.${kind}`, { count: byKind(kind).length })}</h3>
                <ul class="inline-list">
                  {byKind(kind).map((a) => (
                    <li>
                      <a href={a.href}>
                        <Name>{a.name}</Name>
                      </a>{' '}
                      <Tag>{t(`processes.meetings.mode.${a.mode}`)}</Tag>
                    </li>
                  ))}
                </ul>
              </>
            ) : null,
          )
        )}
      </section>
      <section aria-labelledby="outcome">
        <h2 id="outcome">{t('processes.meetings.outcome')}</h2>
        {meeting.outcomeSummary ? (
          <p class="prose" dir="auto">
            {meeting.outcomeSummary}
          </p>
        ) : (
          <p>{t('processes.meetings.noOutcome')}</p>
        )}
      </section>
      {meeting.transcript ? (
        <section aria-labelledby="transcript">
          <h2 id="transcript">{t('processes.meetings.transcript')}</h2>
          <details>
            <summary>{t('processes.meetings.showTranscript')}</summary>
            <pre class="transcript">{meeting.transcript}</pre>
          </details>
        </section>
      ) : null}
      {view.canManage ? (
        <section aria-labelledby="record">
          <h2 id="record">{t('processes.meetings.record')}</h2>
          <form method="post" action={`/meetings/${meeting.id}/outcome`}>
            <input type="hidden" name="_csrf" value={csrfToken} />
            <div class="field">
              <label for="outcomeSummary">{t('processes.meetings.outcome')}</label>
              <textarea id="outcomeSummary" name="outcomeSummary" rows={6}>
                {meeting.outcomeSummary}
              </textarea>
            </div>
            <div class="field">
              <label for="transcriptField">{t('processes.meetings.transcript')}</label>
              <textarea id="transcriptField" name="transcript" rows={6}>
                {meeting.transcript}
              </textarea>
            </div>
            <button type="submit">{t('form.save')}</button>
          </form>
        </section>
      ) : null}
    </>,
  )
}
