// The form on which the Secretariat or the body's Chair records who attended a meeting: one row
// per member and observer of the body (and any delegation already recorded), its mode, and its
// representatives in person and remote, one per line ("Name, function").
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { ErrorSummary, Form, type FormState, SubmitButton } from '../../../core/ui/form.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import type { Meeting, Process } from '../queries.ts'

export interface AttendanceFormRow {
  /** ISO alpha-3 of a State, or "org-<id>" for an organization */
  key: string
  name: string
  standing: 'member' | 'observer' | null
}

export function renderAttendanceForm(
  c: Context<AppEnv>,
  view: { meeting: Meeting; process: Process; rows: AttendanceFormRow[]; form: FormState; status?: 200 | 422 | 409 },
) {
  const { t } = c.var.i18n
  const { meeting, form } = view
  const value = (name: string) => {
    const v = form.values?.[name]
    return typeof v === 'string' ? v : ''
  }
  const title = t('processes.attendance.title', { meeting: meeting.title })
  return renderPage(
    c,
    { title, status: view.status ?? 200 },
    <>
      <p class="eyebrow">
        <a href={`/meetings/${meeting.id}`}>{meeting.title}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{t('processes.attendance.lead')}</p>
      <ErrorSummary t={t} form={form} />
      <Form action={`/meetings/${meeting.id}/attendance`} csrfToken={c.var.csrfToken}>
        <div class="table-scroll">
          <table>
            <caption>{t('processes.attendance.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('processes.attendance.delegation')}</th>
                <th scope="col">{t('processes.attendance.mode')}</th>
                <th scope="col">{t('processes.attendance.inPerson')}</th>
                <th scope="col">{t('processes.attendance.remote')}</th>
              </tr>
            </thead>
            <tbody>
              {view.rows.map((row) => {
                const base = `entry.${row.key}`
                const mode = value(`${base}.mode`)
                return (
                  <tr>
                    <th scope="row" id={`row-${row.key}`}>
                      <bdi>{row.name}</bdi>
                      {row.standing === 'observer' ? (
                        <span class="muted"> ({t('processes.attendance.observer')})</span>
                      ) : null}
                    </th>
                    <td>
                      <select
                        name={`${base}.mode`}
                        aria-labelledby={`row-${row.key} mode-${row.key}`}
                        id={`field-entry-${row.key}-mode`}
                      >
                        <option value="">{t('processes.attendance.absent')}</option>
                        <option value="in_person" selected={mode === 'in_person'}>
                          {t('processes.meetings.mode.in_person')}
                        </option>
                        <option value="remote" selected={mode === 'remote'}>
                          {t('processes.meetings.mode.remote')}
                        </option>
                      </select>
                      <span id={`mode-${row.key}`} class="visually-hidden">
                        {t('processes.attendance.mode')}
                      </span>
                    </td>
                    <td>
                      <textarea
                        name={`${base}.inPerson`}
                        rows={2}
                        dir="auto"
                        aria-label={t('processes.attendance.inPersonOf', { delegation: row.name })}
                      >
                        {value(`${base}.inPerson`)}
                      </textarea>
                    </td>
                    <td>
                      <textarea
                        name={`${base}.remote`}
                        rows={2}
                        dir="auto"
                        aria-label={t('processes.attendance.remoteOf', { delegation: row.name })}
                      >
                        {value(`${base}.remote`)}
                      </textarea>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
        <p class="hint">{t('processes.attendance.hint')}</p>
        <SubmitButton>{t('processes.attendance.save')}</SubmitButton>
      </Form>
    </>,
  )
}
