// Bodies: the directory, and a body's page with its place in the reporting chain, its mandate and
// term, its officers, its composition (one row per constituency) and its members and observers
// with their representatives, grouped by UN regional group and stakeholder group.
import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { AppEnv } from '../../../core/http/context.ts'
import { Facts } from '../../../core/ui/components.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import { Name } from '../../../core/ui/name.tsx'
import { REGIONAL_GROUPS, STAKEHOLDER_GROUPS } from '../../actors/index.ts'
import type { BodyDetail, MemberRow } from '../detail.ts'
import type { Body } from '../queries.ts'
import { groupBy } from '../rules/composition.ts'
import { bodyLabel } from './label.ts'

export function renderBodies(
  c: Context<AppEnv>,
  view: { bodies: Body[]; parents: Map<number, Body>; canManage: boolean },
) {
  const { t, locale } = c.var.i18n
  const title = t('bodies.title')
  return renderPage(
    c,
    { title },
    <>
      <h1>{title}</h1>
      <p class="lead">{t('bodies.lead')}</p>
      {view.canManage ? (
        <p>
          <a class="button" href="/bodies/new">
            {t('bodies.new')}
          </a>
        </p>
      ) : null}
      <ul class="cards">
        {view.bodies.map((body) => {
          const parent = body.parentBodyId ? view.parents.get(body.parentBodyId) : undefined
          return (
            <li>
              <h2>
                <a href={`/bodies/${body.slug}`}>{bodyLabel(body, locale)}</a>
              </h2>
              {parent ? <p>{t('bodies.reportsTo', { parent: bodyLabel(parent, locale) })}</p> : null}
            </li>
          )
        })}
      </ul>
    </>,
  )
}

export interface BodyPageView extends BodyDetail {
  canManage: boolean
  /** what other modules add (a follow button, the body's processes ...) */
  sections: Child[]
  headerSections: Child[]
}

function MemberItem({ m, t }: { m: MemberRow; t: (key: string) => string }) {
  const people = m.representatives
  return (
    <li>
      <a href={m.href}>{m.kind === 'organization' ? <Name>{m.name}</Name> : m.name}</a>
      {people.length > 0 ? (
        <ul aria-label={t('bodies.representatives')}>
          {people.map((r) => (
            <li>
              <Name>{r.name}</Name>
              {r.function ? <>, {r.function}</> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  )
}

function Composition({ c, view }: { c: Context<AppEnv>; view: BodyPageView }) {
  const { i18n } = c.var
  const t = i18n.t
  return (
    <div class="table-scroll">
      <table>
        <caption>{t('bodies.composition')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('bodies.constituency')}</th>
            <th scope="col">{t('bodies.seats')}</th>
            <th scope="col">{t('bodies.filled')}</th>
          </tr>
        </thead>
        <tbody>
          {view.seats.map((s) => (
            <tr>
              <th scope="row">
                {s.group === 'member_states' ? t('bodies.memberStates') : t(`actors.stakeholder.${s.group}`)}
              </th>
              <td>{s.seats === null ? t('bodies.noSeatRule') : i18n.number(s.seats)}</td>
              <td>{i18n.number(s.filled)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export function renderBody(c: Context<AppEnv>, view: BodyPageView) {
  const { i18n } = c.var
  const t = i18n.t
  const collator = new Intl.Collator(i18n.tag)
  const { body } = view
  const label = bodyLabel(body, i18n.locale)
  const full = view.members.filter((m) => m.standing === 'member')
  const observers = view.members.filter((m) => m.standing === 'observer')
  const stateGroups = groupBy(
    full.filter((m) => m.kind === 'state'),
    (s) => s.regionalGroup,
    REGIONAL_GROUPS,
    collator,
  )
  const orgGroups = groupBy(
    full.filter((m) => m.kind === 'organization'),
    (o) => o.stakeholderGroup,
    STAKEHOLDER_GROUPS,
    collator,
  )
  const term =
    body.termStartsOn || body.termEndsOn
      ? t('bodies.termRange', {
          from: body.termStartsOn ? i18n.date(body.termStartsOn) : '…',
          to: body.termEndsOn ? i18n.date(body.termEndsOn) : '…',
        })
      : null
  return renderPage(
    c,
    {
      title: label,
      alternates: [{ type: 'text/calendar', href: `/api/v1/bodies/${body.id}.ics`, title: t('bodies.calendar') }],
    },
    <>
      <h1>{label}</h1>
      {body.description ? (
        <p class="lead" dir="auto">
          {body.description}
        </p>
      ) : null}
      {view.headerSections}
      {view.canManage ? (
        <p class="actions">
          <a class="button" href={`/bodies/${body.slug}/edit`}>
            {t('bodies.edit')}
          </a>{' '}
          <a class="button" href={`/bodies/${body.slug}/members/new`}>
            {t('bodies.addMember')}
          </a>{' '}
          <a class="button" href={`/bodies/${body.slug}/officers/new`}>
            {t('bodies.addOfficer')}
          </a>
        </p>
      ) : null}
      {view.chain.length > 1 ? (
        <nav aria-label={t('bodies.chain')}>
          <p>
            {t('bodies.chain')}:{' '}
            {view.chain.map((b, i) => (
              <>
                {i > 0 ? ' → ' : null}
                {i === 0 ? (
                  <strong>{bodyLabel(b, i18n.locale)}</strong>
                ) : (
                  <a href={`/bodies/${b.slug}`}>{bodyLabel(b, i18n.locale)}</a>
                )}
              </>
            ))}
          </p>
        </nav>
      ) : null}
      {body.mandateSymbol || body.mandateText || term ? (
        <Facts
          items={[
            ...(body.mandateSymbol ? [[t('bodies.mandate'), body.mandateSymbol] as [string, Child]] : []),
            ...(term ? [[t('bodies.term'), term] as [string, Child]] : []),
          ]}
        />
      ) : null}
      {body.mandateText ? (
        <blockquote class="mandate" dir="auto">
          {body.mandateText}
        </blockquote>
      ) : null}
      {view.sections}
      <p>
        <a href={`/api/v1/bodies/${body.id}.ics`}>{t('bodies.calendar')}</a>
      </p>
      {view.officers.length > 0 ? (
        <section aria-labelledby="officers">
          <h2 id="officers">{t('bodies.officers')}</h2>
          <Facts
            items={view.officers.map((o) => [
              t(`bodies.office.${o.office}`),
              <>
                <Name>{o.name}</Name>
                {o.from ? <> ({o.from})</> : null}
                {o.selection ? (
                  <span class="hint">
                    {' '}
                    {t(`bodies.selection.${o.selection}`)}
                    {o.since ? <> {t('bodies.onDate', { date: i18n.date(o.since) })}</> : null}
                    {o.record ? <> — {o.record}</> : null}
                  </span>
                ) : null}
              </>,
            ])}
          />
        </section>
      ) : null}
      <section aria-labelledby="members">
        <h2 id="members">{t('bodies.members')}</h2>
        {body.illustrativeMembership ? (
          <p class="notice" role="note">
            <strong>{t('bodies.illustrative')}</strong> {t('bodies.illustrativeHint')}
          </p>
        ) : null}
        <Composition c={c} view={view} />
        {stateGroups.length > 0 ? <h3>{t('bodies.memberStates')}</h3> : null}
        {stateGroups.map((g) => (
          <>
            <h4>{g.key ? t(`actors.group.${g.key}`) : t('actors.memberStates.noGroup')}</h4>
            <ul class="inline-list">
              {g.items.map((m) => (
                <MemberItem m={m} t={t} />
              ))}
            </ul>
          </>
        ))}
        {orgGroups.length > 0 ? <h3>{t('bodies.stakeholderMembers')}</h3> : null}
        {orgGroups.map((g) => (
          <>
            <h4>{g.key ? t(`actors.stakeholder.${g.key}`) : t('bodies.noGroup')}</h4>
            <ul class="inline-list">
              {g.items.map((m) => (
                <MemberItem m={m} t={t} />
              ))}
            </ul>
          </>
        ))}
        {observers.length > 0 ? (
          <>
            <h3>{t('bodies.observers')}</h3>
            <ul class="inline-list">
              {observers.map((m) => (
                <MemberItem m={m} t={t} />
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </>,
  )
}
