// A process's lifecycle on its page: the record of its changes of state (who, when, why), and for
// those who run it, the one next step (start, conclude, or reopen with a reason) and what a
// concluded process still takes.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { ErrorSummary, Form, type FormState, SubmitButton, TextArea } from '../../../core/ui/form.tsx'
import type { Process, StateChange } from '../queries.ts'
import { acceptsWrites, offeredTransitions, REASON_MAX } from '../rules/lifecycle.ts'

export function StateRecord({ c, changes }: { c: Context<AppEnv>; changes: StateChange[] }) {
  const { i18n } = c.var
  const t = i18n.t
  if (changes.length === 0) return null
  return (
    <section aria-labelledby="state-record">
      <h2 id="state-record">{t('processes.stateRecord.title')}</h2>
      <ol>
        {changes.map((s) => (
          <li>
            {t(
              s.fromState === 'concluded' ? 'processes.stateRecord.reopened' : `processes.stateRecord.to.${s.toState}`,
              {
                date: i18n.date(s.changedAt, 'long'),
                name: s.changedByName ?? t('processes.stateRecord.platform'),
              },
            )}
            {s.reason ? (
              <>
                {' '}
                <q dir="auto">{s.reason}</q>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  )
}

/** What someone who runs the process may do on it now. */
export function ManageSection({
  c,
  process,
  isSecretariat,
  stateForm,
}: {
  c: Context<AppEnv>
  process: Process
  isSecretariat: boolean
  stateForm: FormState
}) {
  const t = c.var.i18n.t
  const open = acceptsWrites(process)
  const [step] = offeredTransitions(process.state)
  return (
    <section aria-labelledby="manage">
      <h2 id="manage">{t('processes.manage.title')}</h2>
      {open ? (
        <ul>
          <li>
            <a href={`/processes/${process.id}/calls/new`}>{t('processes.manage.openCall')}</a>
          </li>
          <li>
            <a href={`/processes/${process.id}/meetings/new`}>{t('processes.manage.scheduleMeeting')}</a>
          </li>
          <li>
            <a href={`/processes/${process.id}/documents/new`}>{t('processes.manage.addDocument')}</a>
          </li>
        </ul>
      ) : (
        <>
          <p>{t('processes.concluded.readOnly')}</p>
          {isSecretariat ? (
            <p>
              <a href={`/processes/${process.id}/documents/new`}>{t('processes.manage.addCorrigendum')}</a>
            </p>
          ) : null}
        </>
      )}
      <ErrorSummary t={t} form={stateForm} />
      {step === 'reopen' ? (
        <Form action={`/processes/${process.id}/state`} csrfToken={c.var.csrfToken}>
          <input type="hidden" name="state" value="active" />
          <TextArea
            t={t}
            form={stateForm}
            name="reason"
            label={t('processes.reopen.reason')}
            hint={t('processes.reopen.hint')}
            rows={3}
            maxlength={REASON_MAX}
            required
          />
          <SubmitButton>{t('processes.reopen.submit')}</SubmitButton>
        </Form>
      ) : (
        <Form action={`/processes/${process.id}/state`} csrfToken={c.var.csrfToken} class="inline">
          <input type="hidden" name="state" value={step === 'start' ? 'active' : 'concluded'} />
          {step === 'conclude' ? <p>{t('processes.conclude.hint')}</p> : null}
          <SubmitButton>{t(step === 'start' ? 'processes.start.submit' : 'processes.conclude.submit')}</SubmitButton>
        </Form>
      )}
    </section>
  )
}
