// The processes' JSON API (public reads): bodies with their processes, processes, meetings. The
// JSON comes from the same read models as the pages (detail.ts, serialize.ts); the calendars and
// the feed are in api-formats.ts.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { errorResponses, json, listOf, PUBLIC_READ, securityFor } from '../../core/http/api.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { apiError } from '../../core/http/errors.tsx'
import { LOCALES } from '../../core/i18n/locales.ts'
import {
  BodyDetailSchema,
  BodySchema,
  bodyChain,
  bodyDetail,
  bodyDetailJson,
  bodyJson,
  findBody,
  listBodies,
} from '../bodies/index.ts'
import { registerDocumentsApi } from './api-documents.ts'
import { registerProcessFormats } from './api-formats.ts'
import { recordAttendance } from './commands.ts'
import { meetingDetail, processDetail } from './detail.ts'
import { listProcesses } from './queries.ts'
import { AttendanceInput, IdParam, MeetingSchema, ProcessDetailSchema, ProcessSchema } from './schemas.ts'
import { meetingJson, processDetailJson, processJson } from './serialize.ts'
import { PROCESS_STATES } from './tables.ts'

const tags = ['Processes']

/** A body as the bodies module gives it, with its processes (GET /bodies/{id}). */
const BodyWithProcessesSchema = BodyDetailSchema.extend({
  processes: z.array(z.object({ id: z.number().int(), title: z.string(), state: z.enum(PROCESS_STATES) })),
}).openapi('BodyWithProcesses')
const LangQuery = z.object({ lang: z.enum(LOCALES).optional() })

const listBodiesRoute = createRoute({
  method: 'get',
  path: '/bodies',
  operationId: 'listBodies',
  security: PUBLIC_READ,
  tags,
  summary: 'Bodies (working groups, commissions, councils) and the bodies they report to',
  request: { query: LangQuery },
  responses: { 200: json(listOf(BodySchema), 'Every body'), 401: errorResponses[401] },
})

const getBodyRoute = createRoute({
  method: 'get',
  path: '/bodies/{id}',
  operationId: 'getBody',
  security: PUBLIC_READ,
  tags,
  summary: 'One body, with its members, officers and processes',
  request: { params: IdParam, query: LangQuery },
  responses: {
    200: json(z.object({ data: BodyWithProcessesSchema }), 'The body'),
    401: errorResponses[401],
    404: errorResponses[404],
  },
})

const listProcessesRoute = createRoute({
  method: 'get',
  path: '/processes',
  operationId: 'listProcesses',
  security: PUBLIC_READ,
  tags,
  summary: 'Processes',
  request: {
    query: LangQuery.extend({
      body: z.coerce.number().int().positive().optional().openapi({ description: 'Only this body’s processes' }),
      state: z.enum(PROCESS_STATES).optional(),
    }),
  },
  responses: {
    200: json(listOf(ProcessSchema), 'Processes, newest first'),
    401: errorResponses[401],
    400: errorResponses[400],
  },
})

const getProcessRoute = createRoute({
  method: 'get',
  path: '/processes/{id}',
  operationId: 'getProcess',
  security: PUBLIC_READ,
  tags,
  summary: 'One process: mandate, guiding questions, phases, calls, meetings, documents',
  request: { params: IdParam, query: LangQuery },
  responses: {
    200: json(z.object({ data: ProcessDetailSchema }), 'The process'),
    401: errorResponses[401],
    404: errorResponses[404],
  },
})

const getMeetingRoute = createRoute({
  method: 'get',
  path: '/meetings/{id}',
  operationId: 'getMeeting',
  security: PUBLIC_READ,
  tags,
  summary: 'One meeting: agenda, attendance, outcome and transcript',
  request: { params: IdParam, query: LangQuery },
  responses: {
    200: json(z.object({ data: MeetingSchema }), 'The meeting'),
    401: errorResponses[401],
    404: errorResponses[404],
  },
})

const recordAttendanceRoute = createRoute({
  method: 'post',
  path: '/meetings/{id}/attendance',
  operationId: 'recordAttendance',
  security: securityFor('process.manage'),
  tags,
  summary: 'Record who attended a meeting: delegations and their representatives, in person or remote',
  description: 'The Secretariat or the Chair of the body. A delegation or a person recorded again changes its mode.',
  request: {
    params: IdParam,
    body: { content: { 'application/json': { schema: AttendanceInput } }, required: true },
  },
  responses: {
    200: json(z.object({ data: MeetingSchema }), 'The meeting with its attendance'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: errorResponses[409],
  },
})

export function registerProcessesApi(api: OpenAPIHono<AppEnv>): void {
  registerProcessFormats(api)
  registerDocumentsApi(api)

  api.openapi(listBodiesRoute, async (c) => {
    const bodies = await listBodies(c.var.db)
    const data = await Promise.all(
      bodies.map(async (b) => bodyJson(b, await bodyChain(c.var.db, b.id), c.var.i18n.locale)),
    )
    return c.json({ data, meta: { total: data.length } }, 200)
  })

  api.openapi(getBodyRoute, async (c) => {
    const { db, i18n } = c.var
    const body = await findBody(db, c.req.valid('param').id)
    if (!body) return apiError(c, { type: 'not_found', id: 'body_not_found' })
    const [detail, processes] = await Promise.all([
      bodyDetail(db, body, i18n.locale),
      listProcesses(db, { bodyId: body.id }),
    ])
    return c.json(
      {
        data: {
          ...bodyDetailJson(detail, i18n.locale),
          processes: processes.map((p) => ({ id: p.id, title: p.title, state: p.state })),
        },
      },
      200,
    )
  })

  api.openapi(listProcessesRoute, async (c) => {
    const query = c.req.valid('query')
    const [processes, bodies] = await Promise.all([
      listProcesses(c.var.db, { bodyId: query.body, state: query.state }),
      listBodies(c.var.db),
    ])
    const byId = new Map(bodies.map((b) => [b.id, b]))
    return c.json(
      { data: processes.map((p) => processJson(p, byId.get(p.bodyId))), meta: { total: processes.length } },
      200,
    )
  })

  api.openapi(getProcessRoute, async (c) => {
    const { db } = c.var
    const id = c.req.valid('param').id
    const now = c.var.deps.now()
    const [detail, extras] = await Promise.all([
      processDetail(db, id, now),
      // other modules' fields (the negotiation's documents), declared in ProcessDetailSchema
      Promise.all(c.var.deps.modules.map((m) => m.processDetail?.(db, id) ?? {})),
    ])
    if (!detail) return apiError(c, { type: 'not_found', id: 'process_not_found' })
    return c.json({ data: { ...processDetailJson(detail, now), ...Object.assign({}, ...extras) } }, 200)
  })

  api.openapi(getMeetingRoute, async (c) => {
    const detail = await meetingDetail(c.var.db, c.req.valid('param').id, c.var.i18n.locale)
    if (!detail) return apiError(c, { type: 'not_found', id: 'meeting_not_found' })
    return c.json({ data: meetingJson(detail) }, 200)
  })

  api.openapi(recordAttendanceRoute, async (c) => {
    const id = c.req.valid('param').id
    const result = await recordAttendance(c.var.db, commandContext(c), id, c.req.valid('json'))
    if (!result.ok) return apiError(c, result.error)
    const detail = await meetingDetail(c.var.db, id, c.var.i18n.locale)
    if (!detail) return apiError(c, { type: 'not_found', id: 'meeting_not_found' })
    return c.json({ data: meetingJson(detail) }, 200)
  })
}
