// A person's page: their name and their affiliations, current and past; and the list of people
// a Member State's or an organization's page shows (its delegates, its representatives).
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { renderPage } from '../../../core/ui/layout.tsx'
import { isolated, Name } from '../../../core/ui/name.tsx'
import type { Organization } from '../queries/organizations.ts'
import type { Affiliation, Person } from '../queries/people.ts'
import type { MemberState } from '../rules/member-states.ts'
import { localized } from '../rules/vocabulary.ts'

export function renderPersonPage(
  c: Context<AppEnv>,
  person: Person,
  affiliations: Affiliation[],
  states: Map<string, MemberState>,
  organizations: Map<number, Organization>,
) {
  const { i18n } = c.var
  const t = i18n.t
  const title = person.honorific ? `${person.honorific} ${isolated(person.name)}` : isolated(person.name)
  return renderPage(
    c,
    { title },
    <>
      <h1>
        {person.honorific ? `${person.honorific} ` : null}
        <Name>{person.name}</Name>
      </h1>
      <h2>{t('actors.people.affiliations')}</h2>
      {affiliations.length === 0 ? (
        <p>{t('actors.people.unaffiliated')}</p>
      ) : (
        <ul>
          {affiliations.map((a) => {
            const state = a.memberStateIso3 ? states.get(a.memberStateIso3) : undefined
            const organization = a.organizationId ? organizations.get(a.organizationId) : undefined
            const where = state ? (
              <>
                {t('actors.people.delegationOf')}{' '}
                <a href={`/member-states/${state.iso3}`}>{state.shortName[i18n.locale]}</a>
              </>
            ) : organization ? (
              <a href={`/organizations/${organization.slug}`}>
                <Name>{localized(organization.name, i18n.locale)}</Name>
              </a>
            ) : null
            return (
              <li>
                {a.title ? `${a.title}, ` : null}
                {where}
                {a.startedOn ? ` · ${t('actors.people.since', { date: i18n.date(a.startedOn) })}` : null}
                {a.endedOn ? ` · ${t('actors.people.until', { date: i18n.date(a.endedOn) })}` : null}
              </li>
            )
          })}
        </ul>
      )}
    </>,
  )
}

/** People as links to their pages, each with their title; `empty` when there is none. */
export function PeopleList({ people, empty }: { people: (Person & { title: string | null })[]; empty: string }) {
  if (people.length === 0) return <p>{empty}</p>
  return (
    <ul>
      {people.map((p) => (
        <li>
          <a href={`/people/${p.id}`}>
            <Name>{p.name}</Name>
          </a>
          {p.title ? (
            <>
              , <bdi>{p.title}</bdi>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  )
}
