// The bodies' JSON API writes (the Secretariat sets bodies up): create and change a body, add a
// member or observer with its representatives, record an officer. The reads (GET /bodies,
// /bodies/{id}) are served by the processes module, which adds each body's processes.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { errorResponses, json, securityFor } from '../../core/http/api.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { apiError } from '../../core/http/errors.tsx'
import { addBodyMember, addBodyOfficer, createBody, updateBody } from './commands.ts'
import { bodyDetail, bodyDetailJson, memberJson, memberRows } from './detail.ts'
import { bodyOfficers, findBody } from './queries.ts'
import {
  BodyDetailSchema,
  BodyInput,
  BodyUpdate,
  IdParam,
  MemberInput,
  MemberSchema,
  OfficerInput,
  OfficerSchema,
} from './schemas.ts'

const tags = ['Bodies']
const security = securityFor('body.manage')
const writeErrors = {
  400: errorResponses[400],
  401: errorResponses[401],
  403: errorResponses[403],
  404: errorResponses[404],
  409: errorResponses[409],
}
const jsonBody = <S extends z.ZodType>(schema: S) => ({
  body: { content: { 'application/json': { schema } }, required: true },
})

const createBodyRoute = createRoute({
  method: 'post',
  path: '/bodies',
  operationId: 'createBody',
  security,
  tags,
  summary: 'Set up a body: names, mandate, term, parent body and seats per constituency (Secretariat)',
  request: jsonBody(BodyInput),
  responses: { 201: json(z.object({ data: BodyDetailSchema }), 'Created'), ...writeErrors },
})

const updateBodyRoute = createRoute({
  method: 'patch',
  path: '/bodies/{id}',
  operationId: 'updateBody',
  security,
  tags,
  summary: 'Change a body; fields left out stay, null clears one (Secretariat)',
  description: 'Seats per constituency may not drop below the members in office.',
  request: { params: IdParam, ...jsonBody(BodyUpdate) },
  responses: { 200: json(z.object({ data: BodyDetailSchema }), 'The body as changed'), ...writeErrors },
})

const addMemberRoute = createRoute({
  method: 'post',
  path: '/bodies/{id}/members',
  operationId: 'addBodyMember',
  security,
  tags,
  summary: 'Add a member (a seat of its constituency) or an observer, with its representatives (Secretariat)',
  description: 'Refused (400, the reason on the State or organization) when every seat of its constituency is filled.',
  request: { params: IdParam, ...jsonBody(MemberInput) },
  responses: { 201: json(z.object({ data: MemberSchema }), 'Added'), ...writeErrors },
})

const addOfficerRoute = createRoute({
  method: 'post',
  path: '/bodies/{id}/officers',
  operationId: 'addBodyOfficer',
  security,
  tags,
  summary: 'Record an officer elected or designated: Chair, Vice-Chair, Rapporteur, Secretariat (Secretariat)',
  description:
    'One Chair and one Rapporteur at a time (409 `office_held`); nobody twice in one office (409 `already_officer`).',
  request: { params: IdParam, ...jsonBody(OfficerInput) },
  responses: { 201: json(z.object({ data: OfficerSchema }), 'Recorded'), ...writeErrors },
})

export function registerBodiesApi(api: OpenAPIHono<AppEnv>): void {
  const detail = async (db: Parameters<typeof findBody>[0], id: number, locale: Parameters<typeof bodyDetail>[2]) => {
    const body = await findBody(db, id)
    if (!body) throw new Error('body vanished')
    return bodyDetailJson(await bodyDetail(db, body, locale), locale)
  }

  api.openapi(createBodyRoute, async (c) => {
    const result = await createBody(c.var.db, commandContext(c), c.req.valid('json'))
    if (!result.ok) return apiError(c, result.error)
    c.header('Location', `/api/v1/bodies/${result.value.id}`)
    return c.json({ data: await detail(c.var.db, result.value.id, c.var.i18n.locale) }, 201)
  })

  api.openapi(updateBodyRoute, async (c) => {
    const id = c.req.valid('param').id
    const result = await updateBody(c.var.db, commandContext(c), id, c.req.valid('json'))
    if (!result.ok) return apiError(c, result.error)
    return c.json({ data: await detail(c.var.db, id, c.var.i18n.locale) }, 200)
  })

  api.openapi(addMemberRoute, async (c) => {
    const id = c.req.valid('param').id
    const result = await addBodyMember(c.var.db, commandContext(c), id, c.req.valid('json'))
    if (!result.ok) return apiError(c, result.error)
    const row = (await memberRows(c.var.db, id, c.var.i18n.locale)).find((m) => m.id === result.value.id)
    if (!row) throw new Error('member vanished')
    return c.json({ data: memberJson(row) }, 201)
  })

  api.openapi(addOfficerRoute, async (c) => {
    const id = c.req.valid('param').id
    const result = await addBodyOfficer(c.var.db, commandContext(c), id, c.req.valid('json'))
    if (!result.ok) return apiError(c, result.error)
    const o = (await bodyOfficers(c.var.db, id)).find((x) => x.id === result.value.id)
    if (!o) throw new Error('officer vanished')
    return c.json(
      {
        data: {
          id: o.id,
          office: o.office,
          name: o.name,
          memberState: o.memberStateIso3,
          selection: o.selection,
          since: o.since,
          record: o.record,
        },
      },
      201,
    )
  })
}
