// Proposing an issue for the taxonomy, and the Secretariat's triage queue: each proposal accepted
// (with its scope and basket) or declined, saying why. A refused form comes back as it was typed.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { ErrorSummary, Form, type FormState, TextArea, TextField } from '../../../core/ui/form.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import { localized } from '../../actors/index.ts'
import type { Issue } from '../queries.ts'
import { BasketField, ClassificationFields, issueName } from './parts.tsx'

export function renderPropose(c: Context<AppEnv>, form: FormState, status: 200 | 422 = 200) {
  const t = c.var.i18n.t
  const title = t('coordination.propose.title')
  return renderPage(
    c,
    { title, status },
    <>
      <h1>{title}</h1>
      <p class="lead">{t('coordination.propose.lead')}</p>
      <ErrorSummary t={t} form={form} />
      <Form action="/issues/propose" csrfToken={c.var.csrfToken}>
        <TextField t={t} form={form} name="name" label={t('coordination.propose.name')} required maxlength={200} />
        <TextArea
          t={t}
          form={form}
          name="description"
          label={t('coordination.propose.description')}
          required
          rows={4}
        />
        <BasketField t={t} form={form} />
        <button type="submit" class="button">
          {t('coordination.propose.submit')}
        </button>
      </Form>
    </>,
  )
}

export function renderTriage(
  c: Context<AppEnv>,
  view: { proposed: Issue[]; refused?: { id: number; form: FormState } | undefined },
) {
  const { i18n, csrfToken } = c.var
  const t = i18n.t
  const title = t('coordination.triage.title')
  return renderPage(
    c,
    { title, status: view.refused ? 422 : 200 },
    <>
      <p>
        <a href="/administration">{t('administration.title')}</a>
      </p>
      <h1>{title}</h1>
      <p role="status">{t('coordination.triage.count', { count: view.proposed.length })}</p>
      {view.proposed.map((issue) => {
        const refused = view.refused?.id === issue.id ? view.refused.form : undefined
        const form: FormState = {
          values: refused?.values ?? { basket: issue.basket, scope: issue.scope, emerging: ['true'] },
          issues: refused?.issues ?? [],
          idPrefix: `i${issue.id}-`,
        }
        return (
          <article class="card">
            <h2>{issueName(c, issue)}</h2>
            <p>{localized(issue.description, i18n.locale)}</p>
            <p class="muted">{t('coordination.triage.proposedOn', { date: i18n.date(issue.createdAt) })}</p>
            <ErrorSummary t={t} form={form} />
            <Form action={`/issues/${issue.id}/triage`} csrfToken={csrfToken}>
              <ClassificationFields t={t} form={form} />
              <div class="actions">
                <button type="submit" class="button" name="decision" value="accept">
                  {t('coordination.triage.accept')}
                </button>
                <button type="submit" class="button secondary" name="decision" value="decline">
                  {t('coordination.triage.decline')}
                </button>
              </div>
            </Form>
          </article>
        )
      })}
    </>,
  )
}
