// A request's appeal on the requester's page: the form to appeal a refusal (once, with a reason),
// the appeal waiting (which may be withdrawn), or its outcome.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { ErrorSummary, Form, type FormState, SubmitButton, TextArea } from '../../../core/ui/form.tsx'
import type { AccreditationRequest, Appeal } from '../queries.ts'
import { REASON_MAX } from '../rules/lifecycle.ts'

export function AppealPart({
  c,
  request,
  appeal,
  form,
}: {
  c: Context<AppEnv>
  request: AccreditationRequest
  appeal: Appeal | undefined
  form: FormState | undefined
}) {
  const { i18n, csrfToken } = c.var
  const t = i18n.t
  if (appeal) {
    return (
      <div class="appeal">
        <p>
          {t('accreditation.appeal.lodged', { date: i18n.date(appeal.lodgedAt, 'medium') })}{' '}
          <q dir="auto">{appeal.reason}</q>
        </p>
        {appeal.status === 'pending' ? (
          <Form action={`/accreditation/${request.id}/withdraw`} csrfToken={csrfToken} class="inline">
            <button type="submit" class="link">
              {t('accreditation.appeal.withdraw')}
            </button>
          </Form>
        ) : (
          <p>{t(`accreditation.appeal.status.${appeal.status}`)}</p>
        )}
      </div>
    )
  }
  if (request.status !== 'refused') return null
  const state = { ...(form ?? {}), idPrefix: `appeal-${request.id}-` }
  return (
    <details open={form !== undefined}>
      <summary>{t('accreditation.appeal.action')}</summary>
      <Form action={`/accreditation/${request.id}/appeal`} csrfToken={csrfToken}>
        <ErrorSummary t={t} form={state} />
        <TextArea
          t={t}
          form={state}
          name="reason"
          label={t('accreditation.appeal.reason')}
          hint={t('accreditation.appeal.hint')}
          rows={3}
          maxlength={REASON_MAX}
          required
        />
        <SubmitButton>{t('accreditation.appeal.submit')}</SubmitButton>
      </Form>
    </details>
  )
}
