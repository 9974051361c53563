// The actors' JSON API: Member States and organizations (public reads; writes by role).
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { isoDate } from '../../core/dates.ts'
import { errorResponses, json, listOf, PUBLIC_READ, securityFor } from '../../core/http/api.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { apiError } from '../../core/http/errors.tsx'
import { createOrganization } from './commands.ts'
import { findMemberState, listMemberStates } from './queries/member-states.ts'
import { findOrganizationBySlug, listOrganizations } from './queries/organizations.ts'
import { filterMemberStates, sortByName } from './rules/member-states.ts'
import {
  MemberStateQuery,
  MemberStateSchema,
  OrganizationInput,
  OrganizationQuery,
  OrganizationSchema,
} from './schemas.ts'
import { memberStateJson, organizationJson } from './serialize.ts'

const tags = ['Actors']

const listMemberStatesRoute = createRoute({
  method: 'get',
  path: '/member-states',
  operationId: 'listMemberStates',
  security: PUBLIC_READ,
  tags,
  summary: 'Member States and observer States',
  description: 'All 193 Member States and the 2 observer States, sorted by name in the language asked for.',
  request: { query: MemberStateQuery },
  responses: {
    200: json(listOf(MemberStateSchema), 'The States matching the filters'),
    401: errorResponses[401],
    400: errorResponses[400],
  },
})

const getMemberStateRoute = createRoute({
  method: 'get',
  path: '/member-states/{iso3}',
  operationId: 'getMemberState',
  security: PUBLIC_READ,
  tags,
  summary: 'One State',
  request: {
    params: z.object({ iso3: z.string().openapi({ param: { name: 'iso3', in: 'path' }, example: 'BRA' }) }),
    query: z.object({ lang: MemberStateQuery.shape.lang }),
  },
  responses: {
    200: json(z.object({ data: MemberStateSchema }), 'The State'),
    401: errorResponses[401],
    404: errorResponses[404],
  },
})

const listOrganizationsRoute = createRoute({
  method: 'get',
  path: '/organizations',
  operationId: 'listOrganizations',
  security: PUBLIC_READ,
  tags,
  summary: 'Organizations',
  request: { query: OrganizationQuery },
  responses: {
    200: json(listOf(OrganizationSchema), 'Organizations matching the filters'),
    401: errorResponses[401],
    400: errorResponses[400],
  },
})

const getOrganizationRoute = createRoute({
  method: 'get',
  path: '/organizations/{slug}',
  operationId: 'getOrganization',
  security: PUBLIC_READ,
  tags,
  summary: 'One organization',
  request: {
    params: z.object({ slug: z.string().openapi({ param: { name: 'slug', in: 'path' }, example: 'apc' }) }),
    query: z.object({ lang: MemberStateQuery.shape.lang }),
  },
  responses: {
    200: json(z.object({ data: OrganizationSchema }), 'The organization'),
    401: errorResponses[401],
    404: errorResponses[404],
  },
})

const createOrganizationRoute = createRoute({
  method: 'post',
  path: '/organizations',
  operationId: 'createOrganization',
  security: securityFor('organization.create'),
  tags,
  summary: 'Add an organization (Secretariat and administrators)',
  request: { body: { content: { 'application/json': { schema: OrganizationInput } }, required: true } },
  responses: {
    201: json(z.object({ data: OrganizationSchema }), 'Created'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
  },
})

export function registerActorsApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(listMemberStatesRoute, async (c) => {
    const { lang: _, ...filters } = c.req.valid('query')
    const today = isoDate(c.var.deps.now())
    const all = await listMemberStates(c.var.db)
    const states = sortByName(filterMemberStates(all, filters, today), c.var.i18n.locale)
    return c.json(
      { data: states.map((s) => memberStateJson(s, c.var.i18n.locale, today)), meta: { total: states.length } },
      200,
    )
  })

  api.openapi(getMemberStateRoute, async (c) => {
    const state = await findMemberState(c.var.db, c.req.valid('param').iso3)
    if (!state) return apiError(c, { type: 'not_found', id: 'member_state_not_found' })
    return c.json({ data: memberStateJson(state, c.var.i18n.locale, isoDate(c.var.deps.now())) }, 200)
  })

  api.openapi(listOrganizationsRoute, async (c) => {
    const { lang: _, ...query } = c.req.valid('query')
    const { rows, total } = await listOrganizations(c.var.db, query)
    return c.json({ data: rows.map((o) => organizationJson(o, c.var.i18n.locale)), meta: { total } }, 200)
  })

  api.openapi(getOrganizationRoute, async (c) => {
    const organization = await findOrganizationBySlug(c.var.db, c.req.valid('param').slug)
    if (!organization) return apiError(c, { type: 'not_found', id: 'organization_not_found' })
    return c.json({ data: organizationJson(organization, c.var.i18n.locale) }, 200)
  })

  api.openapi(createOrganizationRoute, async (c) => {
    const result = await createOrganization(c.var.db, commandContext(c), c.req.valid('json'))
    if (!result.ok) return apiError(c, result.error)
    c.header('Location', `/api/v1/organizations/${result.value.slug}`)
    return c.json({ data: organizationJson(result.value, c.var.i18n.locale) }, 201)
  })
}
