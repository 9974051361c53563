// The Secretariat's accreditation queue: each request with its evidence, approve or refuse.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { Pagination, Tag } from '../../../core/ui/components.tsx'
import { ErrorSummary, Form, type FormState, SubmitButton, TextArea } from '../../../core/ui/form.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import { isolated } from '../../../core/ui/name.tsx'
import type { MemberState, Organization } from '../../actors/index.ts'
import type { AccreditationRequest, Appeal } from '../queries.ts'
import { decide } from '../rules/lifecycle.ts'
import type { AccreditationStatus } from '../tables.ts'
import { statusTone, targetName } from './request.tsx'

export interface ReviewView {
  rows: (AccreditationRequest & { displayName: string; email: string; deciderName: string | null })[]
  appeals: Map<number, Appeal>
  /** who is reviewing: nobody decides their own request, nor an appeal against their own refusal */
  reviewer: number | null
  total: number
  page: number
  pageSize: number
  status: AccreditationStatus | undefined
  states: Map<string, MemberState>
  organizations: Map<number, Organization>
  /** a refusal form that failed validation, by request id */
  refusal?: { requestId: number; form: FormState }
  httpStatus?: 200 | 422
}

const STATUSES: AccreditationStatus[] = ['pending', 'appealed', 'approved', 'refused', 'withdrawn']

/** Why this reviewer may not decide the request now, as a message key; null when they may. */
function notYours(r: AccreditationRequest, appeal: Appeal | undefined, reviewer: number | null): string | null {
  const facts = {
    status: r.status,
    requesterAccountId: r.accountId,
    refusedBy: appeal ? appeal.refusedBy : r.status === 'refused' ? r.decidedBy : null,
    appealed: appeal !== undefined,
  }
  const decision = decide(facts, { kind: 'approve', by: reviewer })
  if (decision.ok || decision.error.type !== 'forbidden') return null
  return decision.error.id === 'own_request' ? 'accreditation.review.ownRequest' : 'accreditation.review.ownRefusal'
}

export function renderReview(c: Context<AppEnv>, view: ReviewView) {
  const { i18n, csrfToken } = c.var
  const t = i18n.t
  const title = t('accreditation.review.title')
  return renderPage(
    c,
    { title, status: view.httpStatus ?? 200 },
    <>
      <p>
        <a href="/administration">{t('administration.title')}</a>
      </p>
      <h1>{title}</h1>
      <nav aria-label={t('accreditation.review.byStatus')}>
        <ul class="pagination">
          {STATUSES.map((s) => (
            <li>
              <a
                href={`/administration/accreditation?status=${s}`}
                aria-current={view.status === s ? 'page' : undefined}
              >
                {t(`accreditation.status.${s}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p role="status">{t('accreditation.review.count', { count: view.total })}</p>
      {view.rows.map((r) => {
        const refusal = { ...(view.refusal?.requestId === r.id ? view.refusal.form : {}), idPrefix: `r${r.id}-` }
        const appeal = view.appeals.get(r.id)
        const blocked = notYours(r, appeal, view.reviewer)
        return (
          <article class="card" aria-labelledby={`request-${r.id}`}>
            <h2 id={`request-${r.id}`}>
              {t('accreditation.review.heading', {
                name: isolated(r.displayName),
                role: t(`roles.${r.kind}`),
                target: isolated(targetName(c, r, view.states, view.organizations)),
              })}
            </h2>
            <p>
              <Tag tone={statusTone(r.status)}>{t(`accreditation.status.${r.status}`)}</Tag> {r.email} ·{' '}
              {i18n.dateTime(r.createdAt)}
            </p>
            <p>
              <strong>{t('accreditation.jobTitle')}:</strong> {r.title}
            </p>
            {r.justification ? <p dir="auto">{r.justification}</p> : null}
            {r.decidedAt && r.status !== 'withdrawn' ? (
              <p>
                {t('accreditation.review.decidedBy', {
                  name: r.deciderName ?? t('accreditation.review.platform'),
                  date: i18n.date(r.decidedAt, 'medium'),
                })}
              </p>
            ) : null}
            {r.decisionReason ? <p>{t('accreditation.reasonGiven', { reason: r.decisionReason })}</p> : null}
            {appeal ? (
              <p>
                {t('accreditation.appeal.lodged', { date: i18n.date(appeal.lodgedAt, 'medium') })}{' '}
                <q dir="auto">{appeal.reason}</q>
              </p>
            ) : null}
            {blocked ? <p class="muted">{t(blocked)}</p> : null}
            {(r.status === 'pending' || r.status === 'appealed') && !blocked ? (
              <div class="actions">
                <Form action={`/administration/accreditation/${r.id}/approve`} csrfToken={csrfToken}>
                  <SubmitButton>
                    {t(appeal ? 'accreditation.review.grantAppeal' : 'accreditation.review.approve')}
                  </SubmitButton>
                </Form>
                <Form action={`/administration/accreditation/${r.id}/refuse`} csrfToken={csrfToken}>
                  <ErrorSummary t={t} form={refusal} />
                  <TextArea
                    t={t}
                    form={refusal}
                    name="reason"
                    label={t('accreditation.review.reason')}
                    rows={2}
                    required
                  />
                  <button type="submit" class="button secondary">
                    {t(appeal ? 'accreditation.review.dismissAppeal' : 'accreditation.review.refuse')}
                  </button>
                </Form>
              </div>
            ) : null}
          </article>
        )
      })}
      <Pagination t={t} baseUrl={new URL(c.req.url)} page={view.page} pageSize={view.pageSize} total={view.total} />
    </>,
  )
}
