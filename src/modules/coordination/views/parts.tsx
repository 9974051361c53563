// What the map's pages share: an issue's name in the page's language, the filters (basket,
// scope, mechanism type), the links between the map's pages, and the table of mechanisms.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { FilterSelect } from '../../../core/ui/components.tsx'
import { ChoiceGroup, type FormState, SelectField, TextArea, TextField } from '../../../core/ui/form.tsx'
import { Name } from '../../../core/ui/name.tsx'
import { localized, type Organization } from '../../actors/index.ts'
import type { Issue, Mechanism } from '../queries.ts'
import type { MapFilter } from '../rules/map.ts'
import { BASKETS, MECHANISM_TYPES, SCOPES } from '../vocabulary.ts'

export type T = Context<AppEnv>['var']['i18n']['t']

export const issueName = (c: Context<AppEnv>, issue: Issue) => localized(issue.name, c.var.i18n.locale)

export function Filters({
  c,
  action,
  filter,
  withType,
  extra,
}: {
  c: Context<AppEnv>
  action: string
  filter: MapFilter
  withType?: boolean
  extra?: unknown
}) {
  const t = c.var.i18n.t
  return (
    <form method="get" action={action} class="filters">
      <FilterSelect
        id="f-basket"
        name="basket"
        label={t('coordination.basket')}
        any={t('coordination.any')}
        selected={filter.basket}
        options={BASKETS.map((b) => ({ value: b, label: t(`coordination.baskets.${b}`) }))}
      />
      <FilterSelect
        id="f-scope"
        name="scope"
        label={t('coordination.scope')}
        any={t('coordination.any')}
        selected={filter.scope}
        options={SCOPES.map((x) => ({ value: x, label: t(`coordination.scopes.${x}`) }))}
      />
      {withType ? (
        <FilterSelect
          id="f-type"
          name="type"
          label={t('coordination.mechanismType')}
          any={t('coordination.any')}
          selected={filter.type}
          options={MECHANISM_TYPES.map((m) => ({ value: m, label: t(`coordination.types.${m}`) }))}
        />
      ) : null}
      {extra}
      <button type="submit" class="button">
        {t('coordination.filter')}
      </button>
    </form>
  )
}

export function Nav({ t }: { t: T }) {
  return (
    <ul class="inline-list">
      <li>
        <a href="/issues">{t('coordination.issues.title')}</a>
      </li>
      <li>
        <a href="/mechanisms">{t('coordination.mechanisms.title')}</a>
      </li>
      <li>
        <a href="/map">{t('coordination.map.title')}</a>
      </li>
      <li>
        <a href="/map/gaps">{t('coordination.gaps.title')}</a>
      </li>
      <li>
        <a href="/map/overlaps">{t('coordination.overlaps.title')}</a>
      </li>
    </ul>
  )
}

export function MechanismTable({
  c,
  mechanisms,
  organizations,
}: {
  c: Context<AppEnv>
  mechanisms: Mechanism[]
  organizations: Map<number, Organization>
}) {
  const { i18n } = c.var
  const t = i18n.t
  if (mechanisms.length === 0) return <p>{t('coordination.mechanisms.none')}</p>
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('coordination.mechanism')}</th>
            <th scope="col">{t('coordination.organization')}</th>
            <th scope="col">{t('coordination.mechanismType')}</th>
            <th scope="col">{t('coordination.governments')}</th>
            <th scope="col">{t('coordination.stakeholders')}</th>
            <th scope="col">{t('coordination.support')}</th>
          </tr>
        </thead>
        <tbody>
          {mechanisms.map((m) => (
            <tr>
              <td>
                <a href={`/mechanisms/${m.id}`}>{m.name}</a>
              </td>
              <td>
                <Name>{localized(organizations.get(m.organizationId)?.name, i18n.locale)}</Name>
              </td>
              <td>{t(`coordination.types.${m.type}`)}</td>
              <td>{t(`coordination.governmentParticipation.${m.governments}`)}</td>
              <td>{t(`coordination.stakeholderParticipation.${m.stakeholders}`)}</td>
              <td>{i18n.list(m.support.map((s) => t(`coordination.supports.${s}`))) || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** How the Secretariat classifies an issue (triage and revision alike): scope, basket, the scope's
 * rationale, the emerging flag, and the reason recorded. */
export function ClassificationFields({ t, form }: { t: T; form: FormState }) {
  return (
    <>
      <SelectField
        t={t}
        form={form}
        name="scope"
        label={t('coordination.scope')}
        required
        options={SCOPES.map((s) => ({ value: s, label: t(`coordination.scopes.${s}`) }))}
      />
      <BasketField t={t} form={form} />
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
    </>
  )
}

/** The basket an issue belongs to. */
export function BasketField({ t, form }: { t: T; form: FormState }) {
  return (
    <SelectField
      t={t}
      form={form}
      name="basket"
      label={t('coordination.basket')}
      required
      options={BASKETS.map((b) => ({ value: b, label: t(`coordination.baskets.${b}`) }))}
    />
  )
}
