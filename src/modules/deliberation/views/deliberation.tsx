// A deliberation's page: the statement to vote on (three buttons in a plain form: agree,
// disagree, pass), the participant's progress, and the form to write a statement.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { ErrorSummary, Form, type FormState, SubmitButton, TextArea } from '../../../core/ui/form.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import type { Deliberation } from '../queries.ts'
import { STATEMENT_MAX } from '../schemas.ts'
import { StatementText, SubNav } from './parts.tsx'

export interface DeliberationView {
  deliberation: Deliberation
  next: { id: number; text: string; externalId: string | null } | undefined
  progress: { voted: number; total: number }
  signedIn: boolean
  canModerate: boolean
  /** the Secretariat may close it (shown while open) */
  canClose: boolean
  /** the process it belongs to is concluded: it takes nothing more either */
  processConcluded: boolean
  pending: number
  form?: FormState
  status?: 200 | 422
}

export function renderDeliberation(c: Context<AppEnv>, view: DeliberationView) {
  const t = c.var.i18n.t
  const d = view.deliberation
  const form = view.form ?? {}
  const open = d.status === 'open' && !view.processConcluded
  return renderPage(
    c,
    { title: d.title, status: view.status ?? 200 },
    <>
      <p class="eyebrow">
        <a href="/deliberations">{t('deliberation.title')}</a>
      </p>
      <h1 dir="auto">{d.title}</h1>
      <SubNav t={t} id={d.id} current="vote" />
      {d.description ? <p dir="auto">{d.description}</p> : null}
      {view.canModerate ? (
        <p>
          <a href={`/deliberations/${d.id}/moderation`}>{t('deliberation.moderation.link', { count: view.pending })}</a>
        </p>
      ) : null}
      <section aria-labelledby="vote-title" id="vote">
        <h2 id="vote-title">{t('deliberation.vote.title')}</h2>
        <p class="muted">
          {t('deliberation.vote.progress', { voted: view.progress.voted, total: view.progress.total })}
        </p>
        {!open ? (
          <p>{t(d.status === 'open' ? 'deliberation.processConcluded' : 'deliberation.closed')}</p>
        ) : !view.next ? (
          <p>{t('deliberation.vote.done')}</p>
        ) : (
          <div class="card">
            <p class="statement">
              <StatementText
                text={view.next.text}
                fallback={t('deliberation.statement.untitled', { id: view.next.externalId ?? String(view.next.id) })}
              />
            </p>
            {view.signedIn ? (
              <Form action={`/deliberations/${d.id}/votes`} csrfToken={c.var.csrfToken}>
                <input type="hidden" name="statementId" value={String(view.next.id)} />
                <SubmitButton name="vote" value="1">
                  {t('deliberation.vote.agree')}
                </SubmitButton>{' '}
                <SubmitButton name="vote" value="-1">
                  {t('deliberation.vote.disagree')}
                </SubmitButton>{' '}
                <SubmitButton name="vote" value="0">
                  {t('deliberation.vote.pass')}
                </SubmitButton>
              </Form>
            ) : (
              <p>
                <a href={`/sign-in?next=/deliberations/${d.id}`}>{t('deliberation.signInToVote')}</a>
              </p>
            )}
          </div>
        )}
      </section>
      {open && view.signedIn ? (
        <section aria-labelledby="write-title">
          <h2 id="write-title">{t('deliberation.write.title')}</h2>
          <ErrorSummary t={t} form={form} />
          <Form action={`/deliberations/${d.id}/statements`} csrfToken={c.var.csrfToken}>
            <TextArea
              t={t}
              form={form}
              name="text"
              label={t('deliberation.write.label')}
              hint={t('deliberation.write.hint', { max: STATEMENT_MAX })}
              maxlength={STATEMENT_MAX}
              rows={3}
              required
            />
            <SubmitButton>{t('deliberation.write.submit')}</SubmitButton>
          </Form>
        </section>
      ) : null}
      {view.canClose && d.status === 'open' ? (
        <section aria-labelledby="close-title">
          <h2 id="close-title">{t('deliberation.close.title')}</h2>
          <p>{t('deliberation.close.hint')}</p>
          <Form action={`/deliberations/${d.id}/close`} csrfToken={c.var.csrfToken}>
            <SubmitButton>{t('deliberation.close.submit')}</SubmitButton>
          </Form>
        </section>
      ) : null}
    </>,
  )
}
