// Bodies: the directory, and a body's page with its place in the reporting chain, its
// officers, and its members grouped by UN regional group and stakeholder group.
import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { AppEnv } from '../../../core/http/context.ts'
import { Facts, Tag } from '../../../core/ui/components.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import { Name } from '../../../core/ui/name.tsx'
import { REGIONAL_GROUPS, STAKEHOLDER_GROUPS } from '../../actors/index.ts'
import type { Body, BodyOfficer, Process } from '../queries.ts'
import { groupBy, type OrganizationMember, type SeatCount, type StateMember } from '../rules/membership.ts'

export function bodyLabel(body: Pick<Body, 'name' | 'acronym'>): string {
  return body.acronym ? `${body.name} (${body.acronym})` : body.name
}

export function renderBodies(c: Context<AppEnv>, view: { bodies: Body[]; parents: Map<number, Body> }) {
  const t = c.var.i18n.t
  const title = t('processes.bodies.title')
  return renderPage(
    c,
    { title },
    <>
      <h1>{title}</h1>
      <p class="lead">{t('processes.bodies.lead')}</p>
      <ul class="cards">
        {view.bodies.map((body) => {
          const parent = body.parentBodyId ? view.parents.get(body.parentBodyId) : undefined
          return (
            <li>
              <h2>
                <a href={`/bodies/${body.slug}`}>{bodyLabel(body)}</a>
              </h2>
              {parent ? <p>{t('processes.bodies.reportsTo', { parent: bodyLabel(parent) })}</p> : null}
            </li>
          )
        })}
      </ul>
    </>,
  )
}

export interface BodyView {
  body: Body
  chain: Body[]
  officers: (BodyOfficer & { from: string | null })[]
  states: StateMember[]
  organizations: OrganizationMember[]
  observers: { name: string; href: string }[]
  seats: SeatCount[]
  processes: Process[]
  /** what other modules add (a follow button ...) */
  sections: Child[]
  headerSections: Child[]
}

export function renderBody(c: Context<AppEnv>, view: BodyView) {
  const { i18n } = c.var
  const t = i18n.t
  const collator = new Intl.Collator(i18n.tag)
  const { body } = view
  const stateGroups = groupBy(view.states, (s) => s.regionalGroup, REGIONAL_GROUPS, collator)
  const orgGroups = groupBy(view.organizations, (o) => o.stakeholderGroup, STAKEHOLDER_GROUPS, collator)
  return renderPage(
    c,
    {
      title: bodyLabel(body),
      alternates: [{ type: 'text/calendar', href: `/api/v1/bodies/${body.id}.ics`, title: t('processes.calendar') }],
    },
    <>
      <h1>{bodyLabel(body)}</h1>
      {body.description ? (
        <p class="lead" dir="auto">
          {body.description}
        </p>
      ) : null}
      {view.headerSections}
      {view.chain.length > 1 ? (
        <nav aria-label={t('processes.bodies.chain')}>
          <p>
            {t('processes.bodies.chain')}:{' '}
            {view.chain.map((b, i) => (
              <>
                {i > 0 ? ' → ' : null}
                {i === 0 ? <strong>{bodyLabel(b)}</strong> : <a href={`/bodies/${b.slug}`}>{bodyLabel(b)}</a>}
              </>
            ))}
          </p>
        </nav>
      ) : null}
      {view.sections}
      <p>
        <a href={`/api/v1/bodies/${body.id}.ics`}>{t('processes.calendar')}</a>
      </p>
      {view.officers.length > 0 ? (
        <section aria-labelledby="officers">
          <h2 id="officers">{t('processes.bodies.officers')}</h2>
          <Facts
            items={view.officers.map((o) => [
              t(`processes.office.${o.office}`),
              o.from ? `${o.name} (${o.from})` : o.name,
            ])}
          />
        </section>
      ) : null}
      {view.processes.length > 0 ? (
        <section aria-labelledby="body-processes">
          <h2 id="body-processes">{t('processes.processes.title')}</h2>
          <ul>
            {view.processes.map((p) => (
              <li>
                <a href={`/processes/${p.id}`}>{p.title}</a> <Tag>{t(`processes.state.${p.state}`)}</Tag>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="members">
        <h2 id="members">{t('processes.bodies.members')}</h2>
        {body.illustrativeMembership ? (
          <p class="notice" role="note">
            <strong>{t('processes.bodies.illustrative')}</strong> {t('processes.bodies.illustrativeHint')}
          </p>
        ) : null}
        <div class="table-scroll">
          <table>
            <caption>{t('processes.bodies.composition')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('processes.bodies.constituency')}</th>
                <th scope="col">{t('processes.bodies.seats')}</th>
                <th scope="col">{t('processes.bodies.filled')}</th>
              </tr>
            </thead>
            <tbody>
              {view.seats.map((s) => (
                <tr>
                  <th scope="row">
                    {s.group === 'member_states'
                      ? t('processes.bodies.memberStates')
                      : t(`actors.stakeholder.${s.group}`)}
                  </th>
                  <td>{s.seats === null ? '—' : i18n.number(s.seats)}</td>
                  <td>{i18n.number(s.filled)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3>{t('processes.bodies.memberStates')}</h3>
        {stateGroups.map((g) => (
          <>
            <h4>{g.key ? t(`actors.group.${g.key}`) : t('actors.memberStates.noGroup')}</h4>
            <ul class="inline-list">
              {g.items.map((s) => (
                <li>
                  <a href={`/member-states/${s.iso3}`}>{s.name}</a>
                </li>
              ))}
            </ul>
          </>
        ))}
        <h3>{t('processes.bodies.stakeholderMembers')}</h3>
        {orgGroups.map((g) => (
          <>
            <h4>{g.key ? t(`actors.stakeholder.${g.key}`) : '—'}</h4>
            <ul class="inline-list">
              {g.items.map((o) => (
                <li>
                  <a href={`/organizations/${o.slug}`}>
                    <Name>{o.name}</Name>
                  </a>
                </li>
              ))}
            </ul>
          </>
        ))}
        {view.observers.length > 0 ? (
          <>
            <h3>{t('processes.bodies.observers')}</h3>
            <ul class="inline-list">
              {view.observers.map((o) => (
                <li>
                  <a href={o.href}>
                    <Name>{o.name}</Name>
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </>,
  )
}
