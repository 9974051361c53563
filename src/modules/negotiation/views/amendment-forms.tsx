// An amendment on a paragraph's page, with the forms on it (a position, withdraw, the Chair's
// decision), and the form to table one on behalf of a State or an organization.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { textLanguage } from '../../../core/i18n/locales.ts'
import { Tag } from '../../../core/ui/components.tsx'
import { ErrorSummary, Form, type FormState, fieldId, SelectField, TextArea } from '../../../core/ui/form.tsx'
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
  state,
  savedAt,
}: {
  c: Context<AppEnv>
  view: ParagraphContext
  paragraph: Paragraph
  state: FormState
  savedAt: Date | null
}) {
  const { i18n } = c.var
  const t = i18n.t
  const speakers = [
    ...view.can.delegations.map((iso3) => ({ value: `member_state:${iso3}`, label: view.stateName(iso3) })),
    ...(view.can.tableAsOrganization
      ? view.can.organizations.map((id) => ({ value: `organization:${id}`, label: view.orgName(id), name: true }))
      : []),
  ]
  if (speakers.length === 0) return null
  const form: FormState = { ...state, idPrefix: `p${paragraph.id}-am-` }
  const typed = Object.values(state.values ?? {}).some((v) => v !== '')
  const key = `amendment:${paragraph.id}`
  return (
    <details id="amend" open={typed || Boolean(state.issues?.length)}>
      <summary>{t('negotiation.amendment.table')}</summary>
      <ErrorSummary t={t} form={form} />
      <form
        id={fieldId('form', form)}
        method="post"
        action={`/paragraphs/${paragraph.id}/amendment-draft`}
        class="stacked"
        novalidate
        data-autosave={`${key}-status`}
        data-autosave-failed={t('negotiation.amendment.draftSaveFailed')}
        data-keep={key}
        data-keep-since={savedAt ? String(savedAt.getTime()) : '0'}
        data-keep-restored={t('negotiation.amendment.draftRestored')}
      >
        <input type="hidden" name="_csrf" value={c.var.csrfToken} />
        <input type="hidden" name="paragraphId" value={String(paragraph.id)} />
        <p id={`${key}-status`} role="status" aria-live="polite" class="muted">
          {savedAt ? t('negotiation.amendment.draftSavedAt', { date: i18n.dateTime(savedAt) }) : ''}
        </p>
        <SelectField
          t={t}
          form={form}
          name="speaker"
          label={t('negotiation.amendment.onBehalfOf')}
          options={speakers}
          required
        />
        <SelectField
          t={t}
          form={form}
          name="operation"
          label={t('negotiation.amendment.operation')}
          options={AMENDMENT_OPERATIONS.map((op) => ({ value: op, label: t(`negotiation.operation.${op}`) }))}
          required
        />
        <TextArea
          t={t}
          form={form}
          name="quotedOld"
          label={t('negotiation.amendment.quotedOld')}
          rows={2}
          maxlength={5000}
        />
        <TextArea
          t={t}
          form={form}
          name="newText"
          label={t('negotiation.amendment.newText')}
          rows={2}
          maxlength={20000}
        />
        <TextArea
          t={t}
          form={form}
          name="justification"
          label={t('negotiation.amendment.justification')}
          rows={2}
          maxlength={5000}
        />
        <div class="actions">
          <button type="submit" class="button" formaction={`/negotiation/${view.documentId}/amendments`}>
            {t('negotiation.amendment.submit')}
          </button>
          <button type="submit" class="button secondary">
            {t('negotiation.amendment.saveDraft')}
          </button>
        </div>
      </form>
    </details>
  )
}
