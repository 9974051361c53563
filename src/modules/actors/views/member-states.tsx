// The Member States directory and a State's page.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { LOCALE_INFO, LOCALES } from '../../../core/i18n/locales.ts'
import { Facts, Tag } from '../../../core/ui/components.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import type { Person } from '../queries/people.ts'
import { electoralGroup, hasClassification, type MemberState, type MemberStateFilters } from '../rules/member-states.ts'
import { DEVELOPMENT_CLASSIFICATIONS, REGIONAL_GROUPS } from '../rules/vocabulary.ts'
import { PeopleList } from './people.tsx'

export function renderMemberStateList(
  c: Context<AppEnv>,
  states: MemberState[],
  total: number,
  filters: MemberStateFilters,
  today: string,
) {
  const { i18n } = c.var
  const t = i18n.t
  const title = t('actors.memberStates.title')
  // labels looked up once, not once per row
  const labels = {
    groups: Object.fromEntries(REGIONAL_GROUPS.map((g) => [g, t(`actors.group.${g}`)])) as Record<string, string>,
    classifications: Object.fromEntries(
      DEVELOPMENT_CLASSIFICATIONS.map((k) => [
        k,
        { short: t(`actors.classification.${k}`), long: t(`actors.classification.${k}.long`) },
      ]),
    ) as Record<(typeof DEVELOPMENT_CLASSIFICATIONS)[number], { short: string; long: string }>,
    observer: t('actors.membership.observer'),
  }
  return renderPage(
    c,
    { title, description: t('actors.memberStates.lead') },
    <>
      <h1>{title}</h1>
      <p class="lead">{t('actors.memberStates.lead')}</p>
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is too new for the older browsers we serve */}
      <form method="get" action="/member-states" class="filters" role="search">
        <div class="field">
          <label for="filter-q">{t('actors.memberStates.search')}</label>
          <input id="filter-q" name="q" type="search" value={filters.q ?? ''} dir="auto" />
        </div>
        <div class="field">
          <label for="filter-group">{t('actors.regionalGroup')}</label>
          <select id="filter-group" name="group">
            <option value="">{t('actors.memberStates.anyGroup')}</option>
            {REGIONAL_GROUPS.map((g) => (
              <option value={g} selected={filters.group === g}>
                {t(`actors.group.${g}`)}
              </option>
            ))}
          </select>
        </div>
        <fieldset class="field">
          <legend>{t('actors.memberStates.developmentStatus')}</legend>
          {DEVELOPMENT_CLASSIFICATIONS.map((k) => (
            <div class="choice">
              <input type="checkbox" id={`filter-${k}`} name={k} value="true" checked={filters[k] === true} />
              <label for={`filter-${k}`}>{t(`actors.classification.${k}.long`)}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit" class="button">
          {t('actors.memberStates.filter')}
        </button>
      </form>
      <p role="status">{t('actors.memberStates.showing', { count: states.length, total })}</p>
      <div class="table-scroll">
        <table>
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('actors.name')}</th>
              <th scope="col">{t('actors.regionalGroup')}</th>
              <th scope="col">{t('actors.memberStates.status')}</th>
              <th scope="col">{t('actors.iso3')}</th>
            </tr>
          </thead>
          <tbody>
            {states.map((s) => {
              const group = electoralGroup(s)
              return (
                <tr>
                  <th scope="row">
                    <a href={`/member-states/${s.iso3}`}>{s.shortName[i18n.locale]}</a>
                  </th>
                  <td>{group ? labels.groups[group] : '—'}</td>
                  <td>
                    {s.membership === 'observer' ? <Tag tone="warn">{labels.observer}</Tag> : null}
                    {DEVELOPMENT_CLASSIFICATIONS.map((k) =>
                      hasClassification(s, k, today) ? (
                        <span class="tag" title={labels.classifications[k].long}>
                          {labels.classifications[k].short}
                        </span>
                      ) : null,
                    )}
                  </td>
                  <td>
                    <code>{s.iso3}</code>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <p class="muted">{t('actors.memberStates.source')}</p>
      <p>
        <a href={`/api/v1/member-states${new URL(c.req.url).search}`}>{t('actors.asJson')}</a>
      </p>
    </>,
  )
}

export function renderMemberStatePage(
  c: Context<AppEnv>,
  state: MemberState,
  delegates: (Person & { title: string | null })[],
  today: string,
) {
  const { i18n } = c.var
  const t = i18n.t
  const name = state.shortName[i18n.locale]
  return renderPage(
    c,
    { title: name },
    <>
      <p>
        <a href="/member-states">{t('actors.memberStates.title')}</a>
      </p>
      <h1>{name}</h1>
      <p class="lead">{state.formalName[i18n.locale]}</p>
      <Facts
        items={[
          [
            t('actors.membership'),
            state.membership === 'member' ? t('actors.membership.member') : t('actors.membership.observer'),
          ],
          [t('actors.iso3'), <code>{state.iso3}</code>],
          [t('actors.iso2'), <code>{state.iso2}</code>],
          [t('actors.m49'), <code>{state.m49}</code>],
          [
            t('actors.regionalGroup'),
            state.regionalGroups.length === 0 ? (
              t('actors.memberStates.noGroup')
            ) : (
              <ul>
                {state.regionalGroups.map((g) => (
                  <li>
                    {t(`actors.group.${g.group}`)}
                    {g.electoral ? null : ` (${t('actors.memberStates.nonElectoral')})`}
                    {g.note ? <span class="muted"> {g.note}</span> : null}
                  </li>
                ))}
              </ul>
            ),
          ],
          [
            t('actors.memberStates.developmentStatus'),
            state.classifications.length === 0 ? (
              '—'
            ) : (
              <ul>
                {state.classifications.map((cl) => (
                  <li>
                    {t(`actors.classification.${cl.kind}.long`)}
                    {cl.validUntil
                      ? ` ${hasClassification(state, cl.kind, today) ? t('actors.classification.until', { date: i18n.date(cl.validUntil) }) : t('actors.classification.graduated', { date: i18n.date(cl.validUntil) })}`
                      : null}
                    <span class="muted"> ({cl.source})</span>
                  </li>
                ))}
              </ul>
            ),
          ],
        ]}
      />
      <h2>{t('actors.memberStates.namesInLanguages')}</h2>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('actors.language')}</th>
              <th scope="col">{t('actors.shortName')}</th>
              <th scope="col">{t('actors.formalName')}</th>
            </tr>
          </thead>
          <tbody>
            {LOCALES.map((l) => (
              <tr>
                <th scope="row">{LOCALE_INFO[l].name}</th>
                <td lang={LOCALE_INFO[l].tag} dir={LOCALE_INFO[l].dir}>
                  {state.shortName[l]}
                </td>
                <td lang={LOCALE_INFO[l].tag} dir={LOCALE_INFO[l].dir}>
                  {state.formalName[l]}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('actors.memberStates.delegation')}</h2>
      <p class="muted">{t('actors.memberStates.oneVoice')}</p>
      <PeopleList people={delegates} empty={t('actors.memberStates.noDelegates')} />
      <p>
        <a href={`/api/v1/member-states/${state.iso3}`}>{t('actors.asJson')}</a>
      </p>
    </>,
  )
}
