// The glossary page: the terms, each with a withdraw button for whoever may withdraw it, and the
// form to propose one (kept as typed, with the reason beside the field, when refused).
import type { Context } from 'hono'
import { can } from '../../../../src/core/auth/authorize.ts'
import type { AppEnv } from '../../../../src/core/http/context.ts'
import { ErrorSummary, Form, type FormState, SubmitButton, TextArea, TextField } from '../../../../src/core/ui/form.tsx'
import { renderPage } from '../../../../src/core/ui/layout.tsx'
import type { listTerms } from '../queries.ts'

export function renderGlossary(c: Context<AppEnv>, terms: Awaited<ReturnType<typeof listTerms>>, form: FormState = {}) {
  const { i18n, actor, csrfToken } = c.var
  const t = i18n.t
  const title = t('glossary.title')
  return renderPage(
    c,
    { title, status: form.issues ? 422 : 200 },
    <>
      <h1>{title}</h1>
      {terms.length === 0 ? <p>{t('glossary.empty')}</p> : null}
      <dl>
        {terms.map((term) => (
          <>
            <dt dir="auto">{term.term}</dt>
            <dd dir="auto">
              {term.definition}
              {can(actor, 'glossary.term.withdraw', { proposedBy: term.proposedBy }) ? (
                <Form action={`/glossary/${term.id}/withdraw`} csrfToken={csrfToken} class="inline">
                  <SubmitButton>{t('glossary.withdraw')}</SubmitButton>
                </Form>
              ) : null}
            </dd>
          </>
        ))}
      </dl>
      {can(actor, 'glossary.term.propose') ? (
        <Form action="/glossary" csrfToken={csrfToken}>
          <h2>{t('glossary.propose')}</h2>
          <ErrorSummary t={t} form={form} />
          <TextField t={t} form={form} name="term" label={t('glossary.term')} required maxlength={100} />
          <TextArea t={t} form={form} name="definition" label={t('glossary.definition')} required maxlength={2000} />
          <SubmitButton>{t('glossary.propose')}</SubmitButton>
        </Form>
      ) : null}
    </>,
  )
}
