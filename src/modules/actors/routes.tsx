// The actors' pages: the Member States directory and pages, organizations and people.
import type { Hono } from 'hono'
import { authorize } from '../../core/auth/authorize.ts'
import { isoDate } from '../../core/dates.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { respondError } from '../../core/http/errors.tsx'
import { parseForm } from '../../core/http/forms.ts'
import { idParam } from '../../core/http/ids.ts'
import { pageParam } from '../../core/ui/components.tsx'
import { createOrganization, updateOrganization } from './commands.ts'
import { findMemberState, listMemberStates } from './queries/member-states.ts'
import { findOrganizationBySlug, findOrganizationsByIds, listOrganizations } from './queries/organizations.ts'
import { affiliationsOfPerson, currentMembers, findPerson } from './queries/people.ts'
import { filterMemberStates, type MemberStateFilters, sortByName } from './rules/member-states.ts'
import { REGIONAL_GROUPS, type RegionalGroup, STAKEHOLDER_GROUPS, type StakeholderGroup } from './rules/vocabulary.ts'
import { OrganizationInput } from './schemas.ts'
import { renderMemberStateList, renderMemberStatePage } from './views/member-states.tsx'
import { renderOrganizationForm, renderOrganizationList, renderOrganizationPage } from './views/organizations.tsx'
import { renderPersonPage } from './views/people.tsx'

const PAGE_SIZE = 48

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return values.includes(value as T) ? (value as T) : undefined
}

export function registerActorsRoutes(app: Hono<AppEnv>): void {
  app.get('/member-states', async (c) => {
    const today = isoDate(c.var.deps.now())
    const filters: MemberStateFilters = {
      group: oneOf<RegionalGroup>(REGIONAL_GROUPS, c.req.query('group')),
      q: c.req.query('q')?.slice(0, 200) || undefined,
    }
    for (const k of ['ldc', 'lldc', 'sids'] as const) if (c.req.query(k) === 'true') filters[k] = true
    const all = await listMemberStates(c.var.db)
    const states = sortByName(filterMemberStates(all, filters, today), c.var.i18n.locale)
    return renderMemberStateList(c, states, all.length, filters, today)
  })

  app.get('/member-states/:iso3', async (c) => {
    const iso3 = c.req.param('iso3')
    if (!/^[A-Za-z]{3}$/.test(iso3)) return respondError(c, { type: 'not_found', id: 'member_state_not_found' })
    if (iso3 !== iso3.toUpperCase()) return c.redirect(`/member-states/${iso3.toUpperCase()}`, 301)
    const state = await findMemberState(c.var.db, iso3)
    if (!state) return respondError(c, { type: 'not_found', id: 'member_state_not_found' })
    const today = isoDate(c.var.deps.now())
    const delegates = await currentMembers(c.var.db, { memberStateIso3: state.iso3 }, today)
    return renderMemberStatePage(c, state, delegates, today)
  })

  app.get('/organizations', async (c) => {
    const page = pageParam(c.req.query('page'))
    const filters = {
      q: c.req.query('q')?.slice(0, 200) || undefined,
      group: oneOf<StakeholderGroup>(STAKEHOLDER_GROUPS, c.req.query('group')),
    }
    const { rows, total } = await listOrganizations(c.var.db, {
      ...filters,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    })
    return renderOrganizationList(c, { rows, total, page, pageSize: PAGE_SIZE, filters })
  })

  app.get('/organizations/new', async (c) => {
    const allowed = authorize(c.var.actor, 'organization.create')
    if (!allowed.ok) return respondError(c, allowed.error)
    const states = await listMemberStates(c.var.db)
    return renderOrganizationForm(c, {
      action: '/organizations/new',
      title: c.var.i18n.t('actors.organizations.add'),
      form: {},
      states,
    })
  })

  app.post('/organizations/new', async (c) => {
    const form = await parseForm(c, OrganizationInput)
    const result = form.ok
      ? await createOrganization(c.var.db, commandContext(c), form.value)
      : ({ ok: false, error: { type: 'invalid', id: 'invalid_input', issues: form.issues } } as const)
    if (result.ok) return c.redirect(`/organizations/${result.value.slug}`, 303)
    if (result.error.type !== 'invalid') return respondError(c, result.error)
    return renderOrganizationForm(c, {
      action: '/organizations/new',
      title: c.var.i18n.t('actors.organizations.add'),
      form: { values: form.values, issues: result.error.issues },
      states: await listMemberStates(c.var.db),
      status: 422,
    })
  })

  app.get('/organizations/:slug', async (c) => {
    const organization = await findOrganizationBySlug(c.var.db, c.req.param('slug'))
    if (!organization) return respondError(c, { type: 'not_found', id: 'organization_not_found' })
    const [headquarters, people] = await Promise.all([
      organization.headquartersIso3 ? findMemberState(c.var.db, organization.headquartersIso3) : undefined,
      currentMembers(c.var.db, { organizationId: organization.id }, isoDate(c.var.deps.now())),
    ])
    return renderOrganizationPage(c, organization, headquarters, people)
  })

  app.get('/organizations/:slug/edit', async (c) => {
    const organization = await findOrganizationBySlug(c.var.db, c.req.param('slug'))
    if (!organization) return respondError(c, { type: 'not_found', id: 'organization_not_found' })
    const allowed = authorize(c.var.actor, 'organization.update', { organizationId: organization.id })
    if (!allowed.ok) return respondError(c, allowed.error)
    const values: Record<string, string> = {
      acronym: organization.acronym ?? '',
      stakeholderGroup: organization.stakeholderGroup,
      headquarters: organization.headquartersIso3 ?? '',
      website: organization.website ?? '',
    }
    for (const [l, v] of Object.entries(organization.name)) values[`name.${l}`] = v ?? ''
    for (const [l, v] of Object.entries(organization.description)) values[`description.${l}`] = v ?? ''
    return renderOrganizationForm(c, {
      action: `/organizations/${organization.slug}/edit`,
      title: c.var.i18n.t('actors.organizations.edit'),
      form: { values },
      states: await listMemberStates(c.var.db),
    })
  })

  app.post('/organizations/:slug/edit', async (c) => {
    const organization = await findOrganizationBySlug(c.var.db, c.req.param('slug'))
    if (!organization) return respondError(c, { type: 'not_found', id: 'organization_not_found' })
    const form = await parseForm(c, OrganizationInput)
    // the form edits the description in the reader's language; keep the other languages
    const input = form.ok
      ? { ...form.value, description: { ...organization.description, ...form.value.description } }
      : null
    const result = input
      ? await updateOrganization(c.var.db, commandContext(c), organization.id, input)
      : ({ ok: false, error: { type: 'invalid', id: 'invalid_input', issues: form.ok ? [] : form.issues } } as const)
    if (result.ok) return c.redirect(`/organizations/${result.value.slug}`, 303)
    if (result.error.type !== 'invalid') return respondError(c, result.error)
    return renderOrganizationForm(c, {
      action: `/organizations/${organization.slug}/edit`,
      title: c.var.i18n.t('actors.organizations.edit'),
      form: { values: form.values, issues: result.error.issues },
      states: await listMemberStates(c.var.db),
      status: 422,
    })
  })

  app.get('/people/:id', async (c) => {
    const id = idParam(c)
    const person = Number.isSafeInteger(id) && id > 0 ? await findPerson(c.var.db, id) : undefined
    if (!person) return respondError(c, { type: 'not_found', id: 'person_not_found' })
    const affiliations = await affiliationsOfPerson(c.var.db, person.id)
    const isSelf = c.var.actor.kind === 'account' && c.var.actor.accountId === person.accountId
    // a person with no affiliation who has not made their profile public is not listed
    if (!person.profilePublic && affiliations.length === 0 && !isSelf) {
      return respondError(c, { type: 'not_found', id: 'person_not_found' })
    }
    const states = new Map((await listMemberStates(c.var.db)).map((s) => [s.iso3, s]))
    const organizationIds = affiliations.flatMap((a) => (a.organizationId ? [a.organizationId] : []))
    const organizations = new Map((await findOrganizationsByIds(c.var.db, organizationIds)).map((o) => [o.id, o]))
    return renderPersonPage(c, person, affiliations, states, organizations)
  })
}
