// Sign-in and sign-up pages.
import type { Context } from 'hono'
import { PASSWORD_MIN_LENGTH } from '../../../core/auth/password-policy.ts'
import type { AppEnv } from '../../../core/http/context.ts'
import { ErrorSummary, Form, type FormState, SubmitButton, TextField } from '../../../core/ui/form.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'

export function renderSignIn(c: Context<AppEnv>, form: FormState, status: 200 | 422 | 429 = 200) {
  const t = c.var.i18n.t
  const title = t('accounts.signIn.title')
  return renderPage(
    c,
    { title, status },
    <>
      <h1>{title}</h1>
      <ErrorSummary t={t} form={form} />
      <Form action="/sign-in" csrfToken={c.var.csrfToken}>
        <input type="hidden" name="next" value={String(form.values?.next ?? '')} />
        <TextField
          t={t}
          form={form}
          name="email"
          type="email"
          label={t('accounts.email')}
          autocomplete="username"
          required
          dir="ltr"
        />
        <TextField
          t={t}
          form={form}
          name="password"
          type="password"
          label={t('accounts.password')}
          autocomplete="current-password"
          required
        />
        <SubmitButton>{t('accounts.signIn.submit')}</SubmitButton>
      </Form>
      <p>
        {t('accounts.signIn.noAccount')} <a href="/sign-up">{t('accounts.signUp.title')}</a>
      </p>
    </>,
  )
}

export function renderSignUp(c: Context<AppEnv>, form: FormState, status: 200 | 422 | 429 = 200) {
  const t = c.var.i18n.t
  const title = t('accounts.signUp.title')
  return renderPage(
    c,
    { title, status },
    <>
      <h1>{title}</h1>
      <p class="lead">{t('accounts.signUp.lead')}</p>
      <ErrorSummary t={t} form={form} />
      <Form action="/sign-up" csrfToken={c.var.csrfToken}>
        <TextField
          t={t}
          form={form}
          name="displayName"
          label={t('accounts.displayName')}
          hint={t('accounts.displayNameHint')}
          autocomplete="name"
          maxlength={120}
          required
        />
        <TextField
          t={t}
          form={form}
          name="email"
          type="email"
          label={t('accounts.email')}
          autocomplete="email"
          required
          dir="ltr"
        />
        <TextField
          t={t}
          form={form}
          name="password"
          type="password"
          label={t('accounts.password')}
          hint={t('accounts.passwordHint', { min: PASSWORD_MIN_LENGTH })}
          autocomplete="new-password"
          required
        />
        <SubmitButton>{t('accounts.signUp.submit')}</SubmitButton>
      </Form>
      <p>
        {t('accounts.signUp.haveAccount')} <a href="/sign-in">{t('accounts.signIn.title')}</a>
      </p>
    </>,
  )
}
