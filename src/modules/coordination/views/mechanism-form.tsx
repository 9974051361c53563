// The form to add a mechanism: its organization, type, participation, support and the issues it
// addresses. A refused form comes back as it was typed, each reason beside its field.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { ChoiceGroup, Form, type FormState, SelectField, TextArea, TextField } from '../../../core/ui/form.tsx'
import { renderFormPage } from '../../../core/ui/form-page.tsx'
import { type Organization, OrganizationField } from '../../actors/index.ts'
import type { Issue } from '../queries.ts'
import {
  DEVELOPING_SUPPORT,
  GOVERNMENT_PARTICIPATION,
  MECHANISM_TYPES,
  STAKEHOLDER_PARTICIPATION,
} from '../vocabulary.ts'
import { issueName } from './parts.tsx'

export function renderMechanismForm(
  c: Context<AppEnv>,
  view: { organizations: Organization[]; issues: Issue[]; form: FormState; status?: 200 | 422 },
) {
  const { i18n } = c.var
  const t = i18n.t
  const { form } = view
  const title = t('coordination.mechanisms.new')
  return renderFormPage(
    c,
    { title, form, status: view.status ?? 200 },
    <>
      <Form action="/mechanisms/new" csrfToken={c.var.csrfToken}>
        <OrganizationField
          c={c}
          form={form}
          label={t('coordination.organization')}
          organizations={view.organizations}
        />
        <TextField t={t} form={form} name="name" label={t('coordination.mechanism')} required maxlength={300} />
        <SelectField
          t={t}
          form={form}
          name="type"
          label={t('coordination.mechanismType')}
          required
          options={MECHANISM_TYPES.map((m) => ({ value: m, label: t(`coordination.types.${m}`) }))}
        />
        <TextArea t={t} form={form} name="description" label={t('coordination.description')} rows={3} />
        <SelectField
          t={t}
          form={form}
          name="governments"
          label={t('coordination.governments')}
          required
          options={GOVERNMENT_PARTICIPATION.map((g) => ({
            value: g,
            label: t(`coordination.governmentParticipation.${g}`),
          }))}
        />
        <SelectField
          t={t}
          form={form}
          name="stakeholders"
          label={t('coordination.stakeholders')}
          required
          options={STAKEHOLDER_PARTICIPATION.map((g) => ({
            value: g,
            label: t(`coordination.stakeholderParticipation.${g}`),
          }))}
        />
        <ChoiceGroup
          t={t}
          form={form}
          type="checkbox"
          name="support"
          label={t('coordination.support')}
          options={DEVELOPING_SUPPORT.map((s) => ({ value: s, label: t(`coordination.supports.${s}`) }))}
        />
        <TextField t={t} form={form} name="website" label={t('coordination.website')} />
        <ChoiceGroup
          t={t}
          form={form}
          type="checkbox"
          name="issueIds"
          label={t('coordination.issues.addressed')}
          options={view.issues.map((i) => ({ value: String(i.id), label: issueName(c, i) }))}
        />
        <button type="submit" class="button">
          {t('coordination.mechanisms.save')}
        </button>
      </Form>
    </>,
  )
}
