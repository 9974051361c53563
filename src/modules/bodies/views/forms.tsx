// The Secretariat's forms for bodies: set up or change a body (names in the six languages,
// mandate, term, parent, seats per constituency), add a member or observer with its
// representatives, record an officer. A refused form comes back with what was typed and the
// reason beside the field.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { LOCALE_INFO, LOCALES } from '../../../core/i18n/locales.ts'
import {
  ChoiceGroup,
  Form,
  type FormState,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../../core/ui/form.tsx'
import { renderFormPage } from '../../../core/ui/form-page.tsx'
import { localized, type MemberState, type Organization, STAKEHOLDER_GROUPS } from '../../actors/index.ts'
import type { Body } from '../queries.ts'
import { OFFICES, SELECTIONS, STANDINGS } from '../tables.ts'
import { bodyLabel } from './label.ts'

type Status = 200 | 409 | 422

export function renderBodyForm(
  c: Context<AppEnv>,
  view: { body?: Body; parents: Body[]; form: FormState; status?: Status },
) {
  const { t, locale } = c.var.i18n
  const { form, body } = view
  const title = body ? t('bodies.editTitle', { body: bodyLabel(body, locale) }) : t('bodies.new')
  return renderFormPage(
    c,
    { title, form, status: view.status ?? 200 },
    <Form action={body ? `/bodies/${body.slug}/edit` : '/bodies/new'} csrfToken={c.var.csrfToken}>
      <TextField t={t} form={form} name="name" label={t('bodies.nameEn')} required maxlength={300} />
      <fieldset>
        <legend>{t('bodies.namesOther')}</legend>
        {LOCALES.filter((l) => l !== 'en').map((l) => (
          <TextField t={t} form={form} name={`names.${l}`} label={LOCALE_INFO[l].name} maxlength={300} />
        ))}
      </fieldset>
      <TextField t={t} form={form} name="acronym" label={t('bodies.acronym')} maxlength={30} />
      {body ? null : (
        <TextField t={t} form={form} name="slug" label={t('bodies.slug')} hint={t('bodies.slugHint')} required />
      )}
      <SelectField
        t={t}
        form={form}
        name="parentBodyId"
        label={t('bodies.parent')}
        placeholder={t('bodies.noParent')}
        options={view.parents
          .filter((p) => p.id !== body?.id)
          .map((p) => ({ value: String(p.id), label: bodyLabel(p, locale) }))}
      />
      <TextArea t={t} form={form} name="description" label={t('bodies.description')} rows={3} />
      <TextField t={t} form={form} name="mandateSymbol" label={t('bodies.mandateSymbol')} maxlength={100} />
      <TextArea t={t} form={form} name="mandateText" label={t('bodies.mandateText')} rows={4} />
      <div class="row">
        <TextField t={t} form={form} type="date" name="termStartsOn" label={t('bodies.termStarts')} />
        <TextField t={t} form={form} type="date" name="termEndsOn" label={t('bodies.termEnds')} />
      </div>
      <fieldset>
        <legend>{t('bodies.compositionRules')}</legend>
        <p class="hint">{t('bodies.compositionHint')}</p>
        <TextField t={t} form={form} type="number" name="memberStateSeats" label={t('bodies.memberStates')} />
        {STAKEHOLDER_GROUPS.map((g) => (
          <TextField
            t={t}
            form={form}
            type="number"
            name={`stakeholderSeats.${g}`}
            label={t(`actors.stakeholder.${g}`)}
          />
        ))}
      </fieldset>
      <SubmitButton>{body ? t('bodies.save') : t('bodies.create')}</SubmitButton>
    </Form>,
  )
}

export function renderMemberForm(
  c: Context<AppEnv>,
  view: { body: Body; states: MemberState[]; organizations: Organization[]; form: FormState; status?: Status },
) {
  const { t, locale } = c.var.i18n
  const { form, body } = view
  return renderFormPage(
    c,
    { title: t('bodies.addMemberTo', { body: bodyLabel(body, locale) }), form, status: view.status ?? 200 },
    <Form action={`/bodies/${body.slug}/members/new`} csrfToken={c.var.csrfToken}>
      <ChoiceGroup
        t={t}
        form={form}
        type="radio"
        name="standing"
        label={t('bodies.standingField')}
        required
        options={STANDINGS.map((s) => ({ value: s, label: t(`bodies.standing.${s}`) }))}
      />
      <SelectField
        t={t}
        form={form}
        name="memberStateIso3"
        label={t('bodies.memberState')}
        hint={t('bodies.stateOrOrganizationHint')}
        placeholder="—"
        options={view.states.map((s) => ({ value: s.iso3, label: s.shortName[locale] }))}
      />
      <SelectField
        t={t}
        form={form}
        name="organizationId"
        label={t('bodies.organization')}
        placeholder="—"
        options={view.organizations.map((o) => ({
          value: String(o.id),
          label: `${localized(o.name, locale)} — ${t(`actors.stakeholder.${o.stakeholderGroup}`)}`,
          name: true,
        }))}
      />
      <TextField t={t} form={form} type="date" name="since" label={t('bodies.since')} />
      <TextArea
        t={t}
        form={form}
        name="representatives"
        label={t('bodies.representatives')}
        hint={t('bodies.representativesHint')}
        rows={4}
      />
      <SubmitButton>{t('bodies.addMember')}</SubmitButton>
    </Form>,
  )
}

export function renderOfficerForm(
  c: Context<AppEnv>,
  view: { body: Body; states: MemberState[]; form: FormState; status?: Status },
) {
  const { t, locale } = c.var.i18n
  const { form, body } = view
  return renderFormPage(
    c,
    { title: t('bodies.addOfficerTo', { body: bodyLabel(body, locale) }), form, status: view.status ?? 200 },
    <Form action={`/bodies/${body.slug}/officers/new`} csrfToken={c.var.csrfToken}>
      <SelectField
        t={t}
        form={form}
        name="office"
        label={t('bodies.officeField')}
        required
        options={OFFICES.map((o) => ({ value: o, label: t(`bodies.office.${o}`) }))}
      />
      <TextField t={t} form={form} name="name" label={t('bodies.officerName')} required maxlength={200} />
      <SelectField
        t={t}
        form={form}
        name="memberStateIso3"
        label={t('bodies.officerFrom')}
        placeholder="—"
        options={view.states.map((s) => ({ value: s.iso3, label: s.shortName[locale] }))}
      />
      <ChoiceGroup
        t={t}
        form={form}
        type="radio"
        name="selection"
        label={t('bodies.selectionField')}
        options={SELECTIONS.map((s) => ({ value: s, label: t(`bodies.selection.${s}`) }))}
      />
      <TextField t={t} form={form} type="date" name="since" label={t('bodies.selectedOn')} />
      <TextField
        t={t}
        form={form}
        name="record"
        label={t('bodies.record')}
        hint={t('bodies.recordHint')}
        maxlength={300}
      />
      <SubmitButton>{t('bodies.addOfficer')}</SubmitButton>
    </Form>,
  )
}
