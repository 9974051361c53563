// The list of deliberations, and the Secretariat's form to open one.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { ErrorSummary, Form, type FormState, SubmitButton, TextArea, TextField } from '../../../core/ui/form.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import type { Deliberation } from '../queries.ts'

export function renderList(c: Context<AppEnv>, view: { deliberations: Deliberation[]; canOpen: boolean }) {
  const t = c.var.i18n.t
  const title = t('deliberation.title')
  return renderPage(
    c,
    { title },
    <>
      <h1>{title}</h1>
      <p class="lead">{t('deliberation.lead')}</p>
      {view.canOpen ? (
        <p>
          <a class="button" href="/deliberations/new">
            {t('deliberation.open')}
          </a>
        </p>
      ) : null}
      {view.deliberations.length === 0 ? (
        <p>{t('deliberation.none')}</p>
      ) : (
        <ul class="cards">
          {view.deliberations.map((d) => (
            <li class="card">
              <h2>
                <a href={`/deliberations/${d.id}`} dir="auto">
                  {d.title}
                </a>
              </h2>
              <p class="muted">{t(`deliberation.status.${d.status}`)}</p>
            </li>
          ))}
        </ul>
      )}
    </>,
  )
}

export function renderOpenForm(c: Context<AppEnv>, form: FormState, status: 200 | 422 = 200) {
  const t = c.var.i18n.t
  const title = t('deliberation.open')
  return renderPage(
    c,
    { title, status },
    <>
      <p class="eyebrow">
        <a href="/deliberations">{t('deliberation.title')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary t={t} form={form} />
      <Form action="/deliberations/new" csrfToken={c.var.csrfToken}>
        <TextField t={t} form={form} name="title" label={t('deliberation.field.title')} required />
        <TextArea t={t} form={form} name="description" label={t('deliberation.field.description')} rows={4} />
        <TextField
          t={t}
          form={form}
          name="callId"
          label={t('deliberation.field.call')}
          hint={t('deliberation.field.callHint')}
        />
        <TextField
          t={t}
          form={form}
          name="proposalId"
          label={t('deliberation.field.proposal')}
          hint={t('deliberation.field.proposalHint')}
        />
        <SubmitButton>{t('deliberation.open')}</SubmitButton>
      </Form>
    </>,
  )
}
