// The Secretariat's moderation of a deliberation's statements: each waiting statement with a
// form to accept it or to reject it with a reason (the reason is required and kept).
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { ErrorSummary, Form, type FormState, SubmitButton, TextField } from '../../../core/ui/form.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import type { Deliberation, Statement } from '../queries.ts'
import { StatementText, SubNav } from './parts.tsx'

export interface ModerationView {
  deliberation: Deliberation
  pending: Statement[]
  /** a refused decision on one statement comes back beside it */
  refused?: { statementId: number; form: FormState }
  status?: 200 | 422
}

export function renderModeration(c: Context<AppEnv>, view: ModerationView) {
  const t = c.var.i18n.t
  const d = view.deliberation
  const title = t('deliberation.moderation.title')
  return renderPage(
    c,
    { title, status: view.status ?? 200 },
    <>
      <p class="eyebrow">
        <a href={`/deliberations/${d.id}`} dir="auto">
          {d.title}
        </a>
      </p>
      <h1>{title}</h1>
      <SubNav t={t} id={d.id} current="moderation" />
      {view.pending.length === 0 ? (
        <p>{t('deliberation.moderation.none')}</p>
      ) : (
        <ul class="cards">
          {view.pending.map((s) => {
            const form: FormState =
              view.refused?.statementId === s.id
                ? { ...view.refused.form, idPrefix: `s${s.id}-` }
                : { idPrefix: `s${s.id}-` }
            return (
              <li class="card">
                <p class="statement">
                  <StatementText text={s.text} fallback="" />
                </p>
                <ErrorSummary t={t} form={form} />
                <Form action={`/deliberations/${d.id}/statements/${s.id}/moderation`} csrfToken={c.var.csrfToken}>
                  <TextField
                    t={t}
                    form={form}
                    name="note"
                    label={t('deliberation.moderation.note')}
                    hint={t('deliberation.moderation.noteHint')}
                  />
                  <SubmitButton name="decision" value="accepted">
                    {t('deliberation.moderation.accept')}
                  </SubmitButton>{' '}
                  <SubmitButton name="decision" value="rejected">
                    {t('deliberation.moderation.reject')}
                  </SubmitButton>
                </Form>
              </li>
            )
          })}
        </ul>
      )}
    </>,
  )
}
