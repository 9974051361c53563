// The accreditation page of a signed-in person: their requests and the form to ask for one.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { Tag } from '../../../core/ui/components.tsx'
import {
  ChoiceGroup,
  ErrorSummary,
  Form,
  type FormState,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../../core/ui/form.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import { Name } from '../../../core/ui/name.tsx'
import { localized, type MemberState, type Organization } from '../../actors/index.ts'
import type { AccreditationRequest, Appeal } from '../queries.ts'
import { AppealPart } from './appeal.tsx'

export interface RequestPageView {
  requests: AccreditationRequest[]
  appeals: Map<number, Appeal>
  /** a refused appeal form, by request id */
  appealForm?: { requestId: number; form: FormState }
  states: MemberState[]
  organizations: Organization[]
  form: FormState
  status?: 200 | 409 | 422
}

export function statusTone(status: string): 'ok' | 'warn' | 'error' | undefined {
  if (status === 'approved') return 'ok'
  if (status === 'pending' || status === 'appealed') return 'warn'
  return status === 'refused' ? 'error' : undefined
}

export function targetName(
  c: Context<AppEnv>,
  request: Pick<AccreditationRequest, 'memberStateIso3' | 'organizationId'>,
  states: Map<string, MemberState>,
  organizations: Map<number, Organization>,
): string {
  const locale = c.var.i18n.locale
  if (request.memberStateIso3) return states.get(request.memberStateIso3)?.shortName[locale] ?? request.memberStateIso3
  const org = request.organizationId ? organizations.get(request.organizationId) : undefined
  return org ? localized(org.name, locale) : String(request.organizationId)
}

export function renderRequestPage(c: Context<AppEnv>, view: RequestPageView) {
  const { i18n, csrfToken } = c.var
  const t = i18n.t
  const title = t('accreditation.title')
  const states = new Map(view.states.map((s) => [s.iso3, s]))
  const organizations = new Map(view.organizations.map((o) => [o.id, o]))
  const collator = new Intl.Collator(i18n.tag)
  const byLabel = (a: { label: string }, b: { label: string }) => collator.compare(a.label, b.label)
  return renderPage(
    c,
    { title, status: view.status ?? 200 },
    <>
      <h1>{title}</h1>
      <p class="lead">{t('accreditation.lead')}</p>
      {view.requests.length > 0 ? (
        <section aria-labelledby="my-requests">
          <h2 id="my-requests">{t('accreditation.myRequests')}</h2>
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('accreditation.role')}</th>
                  <th scope="col">{t('accreditation.for')}</th>
                  <th scope="col">{t('accreditation.asked')}</th>
                  <th scope="col">{t('accreditation.status')}</th>
                </tr>
              </thead>
              <tbody>
                {view.requests.map((r) => (
                  <tr>
                    <td>{t(`roles.${r.kind}`)}</td>
                    <td>
                      <Name>{targetName(c, r, states, organizations)}</Name>
                    </td>
                    <td>{i18n.date(r.createdAt, 'medium')}</td>
                    <td>
                      <Tag tone={statusTone(r.status)}>{t(`accreditation.status.${r.status}`)}</Tag>
                      {r.decisionReason ? <p>{t('accreditation.reasonGiven', { reason: r.decisionReason })}</p> : null}
                      {r.status === 'pending' ? (
                        <Form action={`/accreditation/${r.id}/withdraw`} csrfToken={csrfToken} class="inline">
                          <button type="submit" class="link">
                            {t('accreditation.withdraw')}
                          </button>
                        </Form>
                      ) : null}
                      <AppealPart
                        c={c}
                        request={r}
                        appeal={view.appeals.get(r.id)}
                        form={view.appealForm?.requestId === r.id ? view.appealForm.form : undefined}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      <section aria-labelledby="ask">
        <h2 id="ask">{t('accreditation.ask')}</h2>
        <ErrorSummary t={t} form={view.form} />
        <Form action="/accreditation" csrfToken={csrfToken}>
          <ChoiceGroup
            t={t}
            form={view.form}
            type="radio"
            name="kind"
            label={t('accreditation.role')}
            required
            options={[
              {
                value: 'government_delegate',
                label: t('roles.government_delegate'),
                hint: t('accreditation.delegateHint'),
              },
              {
                value: 'stakeholder_representative',
                label: t('roles.stakeholder_representative'),
                hint: t('accreditation.representativeHint'),
              },
            ]}
          />
          <SelectField
            t={t}
            form={view.form}
            name="memberState"
            label={t('accreditation.memberState')}
            hint={t('accreditation.memberStateHint')}
            placeholder={t('form.choose')}
            options={view.states.map((s) => ({ value: s.iso3, label: s.shortName[i18n.locale] })).sort(byLabel)}
          />
          <SelectField
            t={t}
            form={view.form}
            name="organization"
            label={t('accreditation.organization')}
            hint={t('accreditation.organizationHint')}
            placeholder={t('form.choose')}
            options={view.organizations
              .map((o) => ({ value: String(o.id), label: localized(o.name, i18n.locale), name: true }))
              .sort(byLabel)}
          />
          <TextField
            t={t}
            form={view.form}
            name="title"
            label={t('accreditation.jobTitle')}
            hint={t('accreditation.jobTitleHint')}
            maxlength={200}
            required
          />
          <TextArea
            t={t}
            form={view.form}
            name="justification"
            label={t('accreditation.justification')}
            hint={t('accreditation.justificationHint')}
            maxlength={2000}
          />
          <SubmitButton>{t('accreditation.submit')}</SubmitButton>
        </Form>
      </section>
    </>,
  )
}
