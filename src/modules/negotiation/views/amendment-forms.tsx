// An amendment on a paragraph's page, with the forms on it (a position, withdraw, the Chair's
// decision), and the form to table one on behalf of a State or an organization.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { textLanguage } from '../../../core/i18n/locales.ts'
import { Tag } from '../../../core/ui/components.tsx'
import { Form } from '../../../core/ui/form.tsx'
import type { Amendment, Paragraph } from '../queries.ts'
import { AMENDMENT_OPERATIONS } from '../tables.ts'
import type { ParagraphContext } from './paragraph-forms.tsx'
import { PositionForm, PositionSummary, Readiness } from './standing.tsx'

export function AmendmentItem({
  c,
  view,
  amendment,
}: {
  c: Context<AppEnv>
  view: ParagraphContext
  amendment: Amendment
}) {
  const { i18n, csrfToken } = c.var
  const t = i18n.t
  const tally = view.amendmentTallies.get(amendment.id)
  const proponent = amendment.memberStateIso3
    ? view.stateName(amendment.memberStateIso3)
    : view.orgName(amendment.organizationId ?? 0)
  const mine =
    (amendment.memberStateIso3 && view.can.delegations.includes(amendment.memberStateIso3)) ||
    (amendment.organizationId && view.can.organizations.includes(amendment.organizationId))
  return (
    <li id={`amendment-${amendment.id}`} class="amendment">
      <p>
        <strong>{t('negotiation.amendment.label', { id: amendment.id })}</strong>{' '}
        {t(`negotiation.operation.${amendment.operation}`)} · {t('negotiation.amendment.by', { proponent })} ·{' '}
        {i18n.dateTime(amendment.createdAt)}{' '}
        <Tag tone={amendment.status === 'incorporated' ? 'ok' : undefined}>
          {t(`negotiation.amendmentStatus.${amendment.status}`)}
        </Tag>
      </p>
      {amendment.quotedOld ? (
        <p>
          {t('negotiation.amendment.old')} <del {...textLanguage(view.language)}>{amendment.quotedOld}</del>
        </p>
      ) : null}
      {amendment.newText ? (
        <p>
          {t('negotiation.amendment.new')} <ins {...textLanguage(view.language)}>{amendment.newText}</ins>
        </p>
      ) : null}
      {amendment.justification ? (
        <p class="muted" dir="auto">
          {amendment.justification}
        </p>
      ) : null}
      {tally && amendment.status === 'tabled' ? (
        <p>
          <Readiness i18n={c.var.i18n} tally={tally} stateName={view.stateName} />
          <PositionSummary t={t} tally={tally} />
        </p>
      ) : null}
      {amendment.status === 'tabled' && view.can.delegations.length ? (
        <PositionForm
          c={c}
          action={`/amendments/${amendment.id}/position`}
          delegations={view.can.delegations}
          stateName={view.stateName}
          idPrefix={`a${amendment.id}`}
        />
      ) : null}
      {amendment.status === 'tabled' && (mine || view.can.manage) ? (
        <div class="actions">
          {mine ? (
            <Form action={`/amendments/${amendment.id}/withdraw`} csrfToken={csrfToken} class="inline">
              <button type="submit" class="button secondary">
                {t('negotiation.amendment.withdraw')}
              </button>
            </Form>
          ) : null}
          {view.can.manage ? (
            <>
              <Form action={`/amendments/${amendment.id}/decide`} csrfToken={csrfToken} class="inline">
                <input type="hidden" name="decision" value="incorporated" />
                <button type="submit" class="button">
                  {t('negotiation.amendment.incorporate')}
                </button>
              </Form>
              <Form action={`/amendments/${amendment.id}/decide`} csrfToken={csrfToken} class="inline">
                <input type="hidden" name="decision" value="rejected" />
                <button type="submit" class="button secondary">
                  {t('negotiation.amendment.reject')}
                </button>
              </Form>
            </>
          ) : null}
        </div>
      ) : null}
    </li>
  )
}

export function AmendmentForm({
  c,
  view,
  paragraph,
}: {
  c: Context<AppEnv>
  view: ParagraphContext
  paragraph: Paragraph
}) {
  const t = c.var.i18n.t
  const p = `p${paragraph.id}-am`
  const speakers = [
    ...view.can.delegations.map((iso3) => ({ value: `member_state:${iso3}`, label: view.stateName(iso3) })),
    ...(view.can.tableAsOrganization
      ? view.can.organizations.map((id) => ({ value: `organization:${id}`, label: view.orgName(id), name: true }))
      : []),
  ]
  if (speakers.length === 0) return null
  return (
    <details>
      <summary>{t('negotiation.amendment.table')}</summary>
      <Form action={`/negotiation/${view.documentId}/amendments`} csrfToken={c.var.csrfToken} class="stacked">
        <input type="hidden" name="paragraphId" value={String(paragraph.id)} />
        <p>
          <label for={`${p}-speaker`}>{t('negotiation.amendment.onBehalfOf')}</label>{' '}
          <select id={`${p}-speaker`} name="speaker">
            {speakers.map((s) => (
              <option value={s.value}>{s.label}</option>
            ))}
          </select>
        </p>
        <p>
          <label for={`${p}-op`}>{t('negotiation.amendment.operation')}</label>{' '}
          <select id={`${p}-op`} name="operation">
            {AMENDMENT_OPERATIONS.map((op) => (
              <option value={op}>{t(`negotiation.operation.${op}`)}</option>
            ))}
          </select>
        </p>
        <p>
          <label for={`${p}-old`}>{t('negotiation.amendment.quotedOld')}</label>
          <textarea id={`${p}-old`} name="quotedOld" rows={2} maxlength={5000} />
        </p>
        <p>
          <label for={`${p}-new`}>{t('negotiation.amendment.newText')}</label>
          <textarea id={`${p}-new`} name="newText" rows={2} maxlength={20000} />
        </p>
        <p>
          <label for={`${p}-why`}>{t('negotiation.amendment.justification')}</label>
          <textarea id={`${p}-why`} name="justification" rows={2} maxlength={5000} />
        </p>
        <button type="submit" class="button">
          {t('negotiation.amendment.submit')}
        </button>
      </Form>
    </details>
  )
}
