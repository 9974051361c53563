// The forms to record a capacity gap and an offer. A refused form comes back as it was typed,
// with each reason beside its field.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { LOCALE_INFO, LOCALES } from '../../../core/i18n/locales.ts'
import { ChoiceGroup, Form, type FormState, SelectField, TextArea, TextField } from '../../../core/ui/form.tsx'
import { renderFormPage } from '../../../core/ui/form-page.tsx'
import { type Organization, OrganizationField, REGIONAL_GROUPS } from '../../actors/index.ts'
import type { Places } from '../places.ts'
import { MODALITIES } from '../rules/matching.ts'

export interface GapFormView {
  places: Places
  /** the States and groups this person may record a gap for */
  states: Places['states']
  groups: readonly string[]
  form: FormState
  status?: 200 | 403 | 422
}

export function renderGapForm(c: Context<AppEnv>, view: GapFormView) {
  const t = c.var.i18n.t
  const { places, form } = view
  const title = t('capacity.newGap')
  return renderFormPage(
    c,
    { title, form, status: view.status ?? 200 },
    <>
      <Form action="/capacity/gaps/new" csrfToken={c.var.csrfToken}>
        <SelectField
          t={t}
          form={form}
          name="memberStateIso3"
          label={t('capacity.field.country')}
          hint={t('capacity.field.whereHint')}
          placeholder={t('capacity.none')}
          options={view.states
            .map((s) => ({ value: s.iso3, label: places.stateName(s.iso3) }))
            .sort((a, b) => a.label.localeCompare(b.label))}
        />
        <SelectField
          t={t}
          form={form}
          name="regionalGroup"
          label={t('capacity.field.group')}
          hint={t('capacity.field.whoHint')}
          placeholder={t('capacity.none')}
          options={view.groups.map((g) => ({ value: g, label: t(`actors.group.${g}`) }))}
        />
        <SelectField
          t={t}
          form={form}
          name="issueSlug"
          label={t('capacity.field.issue')}
          required
          options={places.issues.map((i) => ({ value: i.slug, label: places.issueName(i.slug) }))}
        />
        <TextArea t={t} form={form} name="description" label={t('capacity.field.description')} required rows={4} />
        <TextField t={t} form={form} name="source" label={t('capacity.field.source')} />
        <TextField t={t} form={form} name="identifiedOn" label={t('capacity.field.identifiedOn')} required />
        <button type="submit" class="button">
          {t('capacity.save')}
        </button>
      </Form>
    </>,
  )
}

export interface OfferFormView {
  places: Places
  /** the organizations this person may offer for */
  organizations: Organization[]
  form: FormState
  status?: 200 | 403 | 422
}

export function renderOfferForm(c: Context<AppEnv>, view: OfferFormView) {
  const t = c.var.i18n.t
  const { places, form } = view
  const title = t('capacity.newOffer')
  return renderFormPage(
    c,
    { title, form, status: view.status ?? 200 },
    <>
      <Form action="/capacity/offers/new" csrfToken={c.var.csrfToken}>
        <OrganizationField c={c} form={form} label={t('capacity.field.provider')} organizations={view.organizations} />
        <TextField t={t} form={form} name="title" label={t('capacity.field.title')} required maxlength={300} />
        <TextArea t={t} form={form} name="description" label={t('capacity.field.description')} rows={3} />
        <SelectField
          t={t}
          form={form}
          name="modality"
          label={t('capacity.field.modality')}
          required
          options={MODALITIES.map((m) => ({ value: m, label: t(`capacity.modality.${m}`) }))}
        />
        <ChoiceGroup
          t={t}
          form={form}
          type="checkbox"
          name="regions"
          label={t('capacity.field.regions')}
          options={REGIONAL_GROUPS.map((g) => ({ value: g, label: t(`actors.group.${g}`) }))}
        />
        <ChoiceGroup
          t={t}
          form={form}
          type="checkbox"
          name="languages"
          label={t('capacity.field.languages')}
          options={LOCALES.map((l) => ({ value: l, label: LOCALE_INFO[l].name }))}
        />
        <ChoiceGroup
          t={t}
          form={form}
          type="checkbox"
          name="issues"
          label={t('capacity.field.issues')}
          required
          options={places.issues.map((i) => ({ value: i.slug, label: places.issueName(i.slug) }))}
        />
        <TextField t={t} form={form} name="url" label={t('capacity.field.url')} />
        <button type="submit" class="button">
          {t('capacity.save')}
        </button>
      </Form>
    </>,
  )
}
