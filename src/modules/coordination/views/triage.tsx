// Proposing an issue for the taxonomy, and the Secretariat's triage queue: each proposal accepted
// (with its scope and basket) or declined, saying why. A refused form comes back as it was typed.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import {
  ChoiceGroup,
  ErrorSummary,
  Form,
  type FormState,
  SelectField,
  TextArea,
  TextField,
} from '../../../core/ui/form.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import { localized } from '../../actors/index.ts'
import type { Issue } from '../queries.ts'
import { BASKETS, SCOPES } from '../vocabulary.ts'
import { issueName } from './parts.tsx'

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
        <SelectField
          t={t}
          form={form}
          name="basket"
          label={t('coordination.basket')}
          required
          options={BASKETS.map((b) => ({ value: b, label: t(`coordination.baskets.${b}`) }))}
        />
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
              <SelectField
                t={t}
                form={form}
                name="scope"
                label={t('coordination.scope')}
                required
                options={SCOPES.map((s) => ({ value: s, label: t(`coordination.scopes.${s}`) }))}
              />
              <SelectField
                t={t}
                form={form}
                name="basket"
                label={t('coordination.basket')}
                required
                options={BASKETS.map((b) => ({ value: b, label: t(`coordination.baskets.${b}`) }))}
              />
              <TextField t={t} form={form} name="scopeRationale" label={t('coordination.triage.scopeRationale')} />
              <ChoiceGroup
                t={t}
                form={form}
                type="checkbox"
                name="emerging"
                label={t('coordination.triage.emergingLabel')}
                options={[{ value: 'true', label: t('coordination.emerging') }]}
              />
              <TextArea t={t} form={form} name="reason" label={t('coordination.triage.reason')} required rows={2} />
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
