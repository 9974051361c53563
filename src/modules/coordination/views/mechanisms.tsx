// The mechanisms: the list (by type) and one mechanism with the issues it addresses.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { renderPage } from '../../../core/ui/layout.tsx'
import { Name } from '../../../core/ui/name.tsx'
import { localized, type Organization } from '../../actors/index.ts'
import type { Issue, Mechanism } from '../queries.ts'
import type { MapFilter } from '../rules/map.ts'
import { MECHANISM_TYPES } from '../vocabulary.ts'
import { issueName, MechanismTable, Nav } from './parts.tsx'

export function renderMechanisms(
  c: Context<AppEnv>,
  view: { mechanisms: Mechanism[]; organizations: Map<number, Organization>; filter: MapFilter },
) {
  const t = c.var.i18n.t
  const title = t('coordination.mechanisms.title')
  return renderPage(
    c,
    { title },
    <>
      <Nav t={t} />
      <h1>{title}</h1>
      <p class="lead">{t('coordination.mechanisms.lead')}</p>
      <form method="get" action="/mechanisms" class="filters">
        <p>
          <label for="f-type">{t('coordination.mechanismType')}</label>{' '}
          <select id="f-type" name="type">
            <option value="">{t('coordination.any')}</option>
            {MECHANISM_TYPES.map((m) => (
              <option value={m} selected={view.filter.type === m}>
                {t(`coordination.types.${m}`)}
              </option>
            ))}
          </select>
        </p>
        <button type="submit" class="button">
          {t('coordination.filter')}
        </button>
      </form>
      <MechanismTable c={c} mechanisms={view.mechanisms} organizations={view.organizations} />
    </>,
  )
}

export function renderMechanism(
  c: Context<AppEnv>,
  view: { mechanism: Mechanism; organization: Organization | undefined; issues: Issue[] },
) {
  const { i18n } = c.var
  const t = i18n.t
  const m = view.mechanism
  return renderPage(
    c,
    { title: m.name },
    <>
      <Nav t={t} />
      <p class="eyebrow">
        {view.organization ? (
          <a href={`/organizations/${view.organization.slug}`}>
            <Name>{localized(view.organization.name, i18n.locale)}</Name>
          </a>
        ) : null}
      </p>
      <h1>{m.name}</h1>
      {m.description ? (
        <p class="lead" dir="auto">
          {m.description}
        </p>
      ) : null}
      <dl class="facts">
        <dt>{t('coordination.mechanismType')}</dt>
        <dd>{t(`coordination.types.${m.type}`)}</dd>
        <dt>{t('coordination.governments')}</dt>
        <dd>{t(`coordination.governmentParticipation.${m.governments}`)}</dd>
        <dt>{t('coordination.stakeholders')}</dt>
        <dd>{t(`coordination.stakeholderParticipation.${m.stakeholders}`)}</dd>
        <dt>{t('coordination.support')}</dt>
        <dd>{i18n.list(m.support.map((s) => t(`coordination.supports.${s}`))) || '—'}</dd>
        {m.website ? (
          <>
            <dt>{t('coordination.website')}</dt>
            <dd>
              <a href={m.website} rel="external noopener">
                {m.website}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      <h2>{t('coordination.issues.addressed')}</h2>
      <ul>
        {view.issues.map((i) => (
          <li>
            <a href={`/issues/${i.slug}`}>{issueName(c, i)}</a>
          </li>
        ))}
      </ul>
    </>,
  )
}
