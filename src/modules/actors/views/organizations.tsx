// The organizations directory, an organization's page, and the form to add or edit one.
import type { Context } from 'hono'
import { can } from '../../../core/auth/authorize.ts'
import type { AppEnv } from '../../../core/http/context.ts'
import { LOCALE_INFO, LOCALES, textLanguage } from '../../../core/i18n/locales.ts'
import { Facts, Pagination, Tag } from '../../../core/ui/components.tsx'
import {
  ErrorSummary,
  Form,
  type FormState,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../../core/ui/form.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import { isolated, Name } from '../../../core/ui/name.tsx'
import type { Organization } from '../queries/organizations.ts'
import type { Person } from '../queries/people.ts'
import type { MemberState } from '../rules/member-states.ts'
import { localized, STAKEHOLDER_GROUPS, type StakeholderGroup } from '../rules/vocabulary.ts'
import { PeopleList } from './people.tsx'

export interface OrganizationListView {
  rows: Organization[]
  total: number
  page: number
  pageSize: number
  filters: { q?: string | undefined; group?: StakeholderGroup | undefined }
}

export function renderOrganizationList(c: Context<AppEnv>, view: OrganizationListView) {
  const { i18n, actor } = c.var
  const t = i18n.t
  const title = t('actors.organizations.title')
  return renderPage(
    c,
    { title, description: t('actors.organizations.lead') },
    <>
      <h1>{title}</h1>
      <p class="lead">{t('actors.organizations.lead')}</p>
      {can(actor, 'organization.create') ? (
        <p>
          <a class="button" href="/organizations/new">
            {t('actors.organizations.add')}
          </a>
        </p>
      ) : null}
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is too new for the older browsers we serve */}
      <form method="get" action="/organizations" class="filters" role="search">
        <div class="field">
          <label for="filter-q">{t('actors.organizations.search')}</label>
          <input id="filter-q" name="q" type="search" value={view.filters.q ?? ''} dir="auto" />
        </div>
        <div class="field">
          <label for="filter-group">{t('actors.stakeholderGroup')}</label>
          <select id="filter-group" name="group">
            <option value="">{t('actors.organizations.anyGroup')}</option>
            {STAKEHOLDER_GROUPS.map((g) => (
              <option value={g} selected={view.filters.group === g}>
                {t(`actors.stakeholder.${g}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button">
          {t('actors.memberStates.filter')}
        </button>
      </form>
      <p role="status">{t('actors.organizations.count', { count: view.total })}</p>
      <ul class="cards">
        {view.rows.map((o) => (
          <li class="card">
            <h2>
              <a href={`/organizations/${o.slug}`}>
                <Name>{localized(o.name, i18n.locale)}</Name>
              </a>
            </h2>
            <p>
              {o.acronym ? <Tag>{o.acronym}</Tag> : null} {t(`actors.stakeholder.${o.stakeholderGroup}`)}
            </p>
          </li>
        ))}
      </ul>
      <Pagination t={t} baseUrl={new URL(c.req.url)} page={view.page} pageSize={view.pageSize} total={view.total} />
    </>,
  )
}

export function renderOrganizationPage(
  c: Context<AppEnv>,
  organization: Organization,
  headquarters: MemberState | undefined,
  people: (Person & { title: string | null })[],
) {
  const { i18n, actor } = c.var
  const t = i18n.t
  const name = localized(organization.name, i18n.locale)
  const description = localized(organization.description, i18n.locale)
  return renderPage(
    c,
    { title: isolated(name), description: description || isolated(name) },
    <>
      <p>
        <a href="/organizations">{t('actors.organizations.title')}</a>
      </p>
      <h1>
        <Name>{name}</Name>
      </h1>
      {description ? (
        <p class="lead" dir="auto">
          {description}
        </p>
      ) : null}
      <Facts
        items={[
          [t('actors.acronym'), organization.acronym ?? '—'],
          [t('actors.stakeholderGroup'), t(`actors.stakeholder.${organization.stakeholderGroup}`)],
          [
            t('actors.headquarters'),
            headquarters ? (
              <a href={`/member-states/${headquarters.iso3}`}>{headquarters.shortName[i18n.locale]}</a>
            ) : (
              '—'
            ),
          ],
          [
            t('actors.website'),
            organization.website ? (
              <a href={organization.website} rel="external nofollow">
                {organization.website}
              </a>
            ) : (
              '—'
            ),
          ],
        ]}
      />
      {Object.keys(organization.name).length > 1 ? (
        <>
          <h2>{t('actors.organizations.namesInLanguages')}</h2>
          <ul>
            {LOCALES.filter((l) => organization.name[l]).map((l) => (
              // the name isolated in its own direction; the list item keeps the page's, with its marker
              <li>
                <bdi {...textLanguage(l)}>{organization.name[l]}</bdi>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t('actors.organizations.representatives')}</h2>
      <PeopleList people={people} empty={t('actors.organizations.noRepresentatives')} />
      <p class="actions">
        {can(actor, 'organization.update', { organizationId: organization.id }) ? (
          <a class="button secondary" href={`/organizations/${organization.slug}/edit`}>
            {t('actors.organizations.edit')}
          </a>
        ) : null}
        <a href={`/api/v1/organizations/${organization.slug}`}>{t('actors.asJson')}</a>
      </p>
    </>,
  )
}

export function renderOrganizationForm(
  c: Context<AppEnv>,
  options: { action: string; title: string; form: FormState; states: MemberState[]; status?: 200 | 422 },
) {
  const { i18n, csrfToken } = c.var
  const t = i18n.t
  const { form } = options
  const collator = new Intl.Collator(i18n.tag)
  const stateOptions = options.states
    .map((s) => ({ value: s.iso3, label: s.shortName[i18n.locale] }))
    .sort((a, b) => collator.compare(a.label, b.label))
  return renderPage(
    c,
    { title: options.title, status: options.status ?? 200 },
    <>
      <h1>{options.title}</h1>
      <ErrorSummary t={t} form={form} />
      <Form action={options.action} csrfToken={csrfToken}>
        <fieldset class="field" id="field-name">
          <legend>{t('actors.organizations.namesInLanguages')}</legend>
          <p class="hint">{t('actors.organizations.namesHint')}</p>
          {LOCALES.map((l) => (
            <TextField
              t={t}
              form={form}
              name={`name.${l}`}
              label={LOCALE_INFO[l].name}
              maxlength={300}
              required={l === 'en'}
            />
          ))}
        </fieldset>
        <TextField t={t} form={form} name="acronym" label={t('actors.acronym')} maxlength={30} />
        <SelectField
          t={t}
          form={form}
          name="stakeholderGroup"
          label={t('actors.stakeholderGroup')}
          required
          placeholder={t('form.choose')}
          options={STAKEHOLDER_GROUPS.map((g) => ({ value: g, label: t(`actors.stakeholder.${g}`) }))}
        />
        <SelectField
          t={t}
          form={form}
          name="headquarters"
          label={t('actors.headquarters')}
          placeholder={t('form.none')}
          options={stateOptions}
        />
        <TextField
          t={t}
          form={form}
          name="website"
          type="url"
          label={t('actors.website')}
          hint={t('actors.websiteHint')}
          dir="ltr"
        />
        <TextArea
          t={t}
          form={form}
          name={`description.${i18n.locale}`}
          label={t('actors.description')}
          maxlength={2000}
        />
        <SubmitButton>{t('form.save')}</SubmitButton>
      </Form>
    </>,
  )
}
