// After sign-up: the "check your mail" page, and the page the mailed link opens, where the
// password chosen at sign-up confirms the address (so a link in someone else's mailbox cannot
// confirm an account whose password only another person knows).
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { ErrorSummary, Form, type FormState, SubmitButton, TextField } from '../../../core/ui/form.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'

export function renderSignUpSent(c: Context<AppEnv>) {
  const t = c.var.i18n.t
  const title = t('accounts.signUp.sentTitle')
  return renderPage(
    c,
    { title },
    <>
      <h1>{title}</h1>
      <p class="lead">{t('accounts.signUp.sentLead')}</p>
      <p>{t('accounts.signUp.sentNext')}</p>
    </>,
  )
}

export function renderConfirm(c: Context<AppEnv>, token: string, form: FormState, status: 200 | 422 = 200) {
  const t = c.var.i18n.t
  const title = t('accounts.confirm.title')
  return renderPage(
    c,
    { title, status },
    <>
      <h1>{title}</h1>
      <p class="lead">{t('accounts.confirm.lead')}</p>
      <ErrorSummary t={t} form={form} />
      <Form action={`/sign-up/confirm/${encodeURIComponent(token)}`} csrfToken={c.var.csrfToken}>
        <TextField
          t={t}
          form={form}
          name="password"
          type="password"
          label={t('accounts.password')}
          autocomplete="current-password"
          required
        />
        <SubmitButton>{t('accounts.confirm.submit')}</SubmitButton>
      </Form>
    </>,
  )
}
