// The list of participants of a meeting, as the UN prints it: Member States, observers,
// stakeholders; each delegation with its representatives; a link to the same list in Word.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { renderPage } from '../../../core/ui/layout.tsx'
import { Name } from '../../../core/ui/name.tsx'
import type { Meeting, Process } from '../queries.ts'
import type { Delegation, ParticipantList } from '../rules/participants.ts'

function DelegationItem({ d, remote }: { d: Delegation; remote: string }) {
  return (
    <li>
      <a href={d.href}>{d.kind === 'organization' ? <Name>{d.name}</Name> : d.name}</a>
      {d.mode === 'remote' && d.people.length === 0 ? <span class="muted"> ({remote})</span> : null}
      {d.people.length > 0 ? (
        <ul>
          {d.people.map((p) => (
            <li>
              <Name>{p.name}</Name>
              {p.function ? <>, {p.function}</> : null}
              {p.mode === 'remote' ? <span class="muted"> ({remote})</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  )
}

export function renderParticipants(
  c: Context<AppEnv>,
  view: { meeting: Meeting; process: Process; list: ParticipantList },
) {
  const t = c.var.i18n.t
  const { meeting, process, list } = view
  const title = t('processes.participants.title')
  const remote = t('processes.participants.remote')
  const groups: [string, string, Delegation[]][] = [
    ['participants-states', t('processes.participants.memberStates'), list.memberStates],
    ['participants-observers', t('processes.participants.observers'), list.observers],
    ['participants-stakeholders', t('processes.participants.stakeholders'), list.stakeholders],
  ]
  const empty = groups.every(([, , items]) => items.length === 0)
  return renderPage(
    c,
    { title: `${title}: ${meeting.title}` },
    <>
      <p class="eyebrow">
        <a href={`/processes/${process.id}`}>{process.title}</a> ·{' '}
        <a href={`/meetings/${meeting.id}`}>{meeting.title}</a>
      </p>
      <h1>{title}</h1>
      <p>
        <a href={`/meetings/${meeting.id}/participants.docx`}>{t('processes.participants.word')}</a>
      </p>
      {empty ? <p>{t('processes.participants.none')}</p> : null}
      {groups.map(([id, heading, items]) =>
        items.length === 0 ? null : (
          <section aria-labelledby={id}>
            <h2 id={id}>{heading}</h2>
            <ul class="participants">
              {items.map((d) => (
                <DelegationItem d={d} remote={remote} />
              ))}
            </ul>
          </section>
        ),
      )}
    </>,
  )
}
