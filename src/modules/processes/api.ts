// The processes' JSON API (public reads), with the iCalendar and Atom representations.

import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { activityOf } from '../../core/activity.ts'
import { isoDate } from '../../core/dates.ts'
import { contentDisposition } from '../../core/formats/content-disposition.ts'
import { errorResponses, json, listOf, PUBLIC_READ } from '../../core/http/api.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { apiError, respondError } from '../../core/http/errors.tsx'
import { idOrZero, idParam } from '../../core/http/ids.ts'
import { LOCALES } from '../../core/i18n/locales.ts'
import { installationId } from '../../core/installation.ts'
import { findOrganizationsByIds, listMemberStates, localized } from '../actors/index.ts'
import {
  type Body,
  BodyDetailSchema,
  BodySchema,
  bodyChain,
  bodyDetail,
  bodyDetailJson,
  bodyJson,
  findBody,
  listBodies,
} from '../bodies/index.ts'
import { meetingsCalendar } from './calendar.ts'
import { processFeed } from './feed.ts'
import {
  agendaOf,
  attendanceOf,
  callsOf,
  documentsOf,
  findMeeting,
  findProcess,
  guidingQuestions,
  listProcesses,
  type Meeting,
  meetingsOf,
  type Process,
  phasesOf,
  transmissionsOf,
} from './queries.ts'
import { type Call, callClosesAt, callState } from './rules/calls.ts'
import { orderPhases, phaseStatus } from './rules/timeline.ts'
import { IdParam, MeetingSchema, ProcessDetailSchema, ProcessSchema } from './schemas.ts'
import { PROCESS_STATES } from './tables.ts'

const tags = ['Processes']

/** A body as the bodies module gives it, with its processes (GET /bodies/{id}). */
const BodyWithProcessesSchema = BodyDetailSchema.extend({
  processes: z.array(z.object({ id: z.number().int(), title: z.string(), state: z.enum(PROCESS_STATES) })),
}).openapi('BodyWithProcesses')
const LangQuery = z.object({ lang: z.enum(LOCALES).optional() })

export function baseUrl(c: Context<AppEnv>): string {
  return c.var.deps.config.publicUrl ?? new URL(c.req.url).origin
}

function processJson(p: Process, body: Body | undefined) {
  return {
    id: p.id,
    slug: p.slug,
    title: p.title,
    body: { id: p.bodyId, name: body?.name ?? '', acronym: body?.acronym ?? null },
    state: p.state,
    recurrence: p.recurrence,
    cycleYear: p.cycleYear,
    url: `/processes/${p.id}`,
  }
}

export function callJson(call: Call, now: Date) {
  return {
    id: call.id,
    title: call.title,
    opensAt: call.opensAt.toISOString(),
    closesAt: callClosesAt(call).toISOString(),
    originalClosesAt: call.closesAt.toISOString(),
    extended: call.extendedUntil !== null,
    state: callState(call, now),
    eligibility: call.eligibility,
    languages: call.languages,
    moderation: call.moderation,
    guidingQuestions: call.questionIds,
    contributionsUrl: `/api/v1/calls/${call.id}/contributions`,
  }
}

function meetingSummaryJson(m: Meeting) {
  return {
    id: m.id,
    number: m.number,
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    venue: m.venue,
    url: `/api/v1/meetings/${m.id}`,
  }
}

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

function documentOnly(
  api: OpenAPIHono<AppEnv>,
  operationId: string,
  path: string,
  summary: string,
  type: string,
  description: string,
) {
  api.openAPIRegistry.registerPath({
    method: 'get',
    path,
    operationId,
    security: PUBLIC_READ,
    tags,
    summary,
    request: { params: IdParam },
    responses: {
      200: { description, content: { [type]: { schema: z.string() } } },
      401: errorResponses[401],
      404: errorResponses[404],
    },
  })
}

/** The id in "<id>.ics" (0, which names nothing, when it is not an id). */
const icsId = (file: string) => idOrZero(file.replace(/\.ics$/, ''))

export function registerProcessesApi(api: OpenAPIHono<AppEnv>): void {
  // the .ics and .atom representations come first: /meetings/{id} would otherwise take them
  api.get('/meetings/:file{[0-9]+\\.ics}', async (c) => {
    const id = icsId(c.req.param('file'))
    const meeting = await findMeeting(c.var.db, id)
    if (!meeting) return respondError(c, { type: 'not_found', id: 'meeting_not_found' })
    const process = await findProcess(c.var.db, meeting.processId)
    const base = baseUrl(c)
    const body = meetingsCalendar([{ ...meeting, processTitle: process?.title ?? '' }], {
      name: meeting.title,
      baseUrl: base,
      installationId: await installationId(c.var.db),
      i18n: c.var.i18n,
    })
    return c.body(body, 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': contentDisposition(`meeting-${meeting.id}.ics`),
    })
  })
  documentOnly(
    api,
    'getMeetingCalendar',
    '/meetings/{id}.ics',
    'One meeting as iCalendar (RFC 5545)',
    'text/calendar',
    'The event',
  )

  api.get('/bodies/:file{[0-9]+\\.ics}', async (c) => {
    const id = icsId(c.req.param('file'))
    const body = await findBody(c.var.db, id)
    if (!body) return respondError(c, { type: 'not_found', id: 'body_not_found' })
    const [meetings, processes] = await Promise.all([
      meetingsOf(c.var.db, { bodyId: id }),
      listProcesses(c.var.db, { bodyId: id }),
    ])
    const titles = new Map(processes.map((p) => [p.id, p.title]))
    const base = baseUrl(c)
    const text = meetingsCalendar(
      meetings.map((m) => ({ ...m, processTitle: titles.get(m.processId) ?? '' })),
      {
        name: body.acronym ?? body.name,
        baseUrl: base,
        installationId: await installationId(c.var.db),
        i18n: c.var.i18n,
      },
    )
    return c.body(text, 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': contentDisposition(`${body.slug}.ics`),
    })
  })
  documentOnly(
    api,
    'getBodyCalendar',
    '/bodies/{id}.ics',
    'Every meeting of a body as iCalendar (RFC 5545)',
    'text/calendar',
    'The events',
  )

  api.get('/processes/:id{[0-9]+}/feed.atom', async (c) => {
    const process = await findProcess(c.var.db, idParam(c))
    if (!process) return respondError(c, { type: 'not_found', id: 'process_not_found' })
    const [body, items] = await Promise.all([
      findBody(c.var.db, process.bodyId),
      activityOf(c.var.db, c.var.deps.modules, {
        processIds: [process.id],
        since: new Date(0),
        until: c.var.deps.now(),
        limit: 50,
      }),
    ])
    if (!body) return respondError(c, { type: 'not_found', id: 'body_not_found' })
    return c.body(processFeed(process, body, items, c.var.i18n, baseUrl(c)), 200, {
      'content-type': 'application/atom+xml; charset=utf-8',
    })
  })
  documentOnly(
    api,
    'getProcessFeed',
    '/processes/{id}/feed.atom',
    'A process’s activity as an Atom feed',
    'application/atom+xml',
    'The feed',
  )

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
    const process = await findProcess(db, id)
    if (!process) return apiError(c, { type: 'not_found', id: 'process_not_found' })
    const now = c.var.deps.now()
    const today = isoDate(now)
    const [body, questions, phases, calls, meetings, documents, transmissions, bodies, extras] = await Promise.all([
      findBody(db, process.bodyId),
      guidingQuestions(db, id),
      phasesOf(db, id),
      callsOf(db, id),
      meetingsOf(db, { processId: id }),
      documentsOf(db, id),
      transmissionsOf(db, id),
      listBodies(db),
      // other modules' fields (the negotiation's documents), declared in ProcessDetailSchema
      Promise.all(c.var.deps.modules.map((m) => m.processDetail?.(db, id) ?? {})),
    ])
    const bodyById = new Map(bodies.map((b) => [b.id, b]))
    return c.json(
      {
        data: {
          ...processJson(process, body),
          description: process.description,
          objectives: process.objectives,
          mandate: { symbol: process.mandateSymbol, paragraph: process.mandateParagraph, text: process.mandateText },
          guidingQuestions: questions.map((q) => ({ id: q.id, position: q.position, text: q.text })),
          phases: orderPhases(phases).map((p) => ({
            kind: p.kind,
            startsOn: p.startsOn,
            endsOn: p.endsOn,
            status: phaseStatus(p, today),
          })),
          calls: calls.map((call) => callJson(call, now)),
          meetings: meetings.map(meetingSummaryJson),
          documents: documents.map((d) => ({
            kind: d.kind,
            symbol: d.symbol,
            title: d.title,
            url: d.url,
            issuedOn: d.issuedOn,
          })),
          transmissions: transmissions.map((t) => ({
            toBody: bodyById.get(t.toBodyId)?.name ?? '',
            occasion: t.occasion,
            transmittedOn: t.transmittedOn,
            documentSymbol: t.documentSymbol,
          })),
          negotiatingDocuments: [],
          ...Object.assign({}, ...extras),
        },
      },
      200,
    )
  })

  api.openapi(getMeetingRoute, async (c) => {
    const { db, i18n } = c.var
    const meeting = await findMeeting(db, c.req.valid('param').id)
    if (!meeting) return apiError(c, { type: 'not_found', id: 'meeting_not_found' })
    const [process, agenda, attendance, documents, states] = await Promise.all([
      findProcess(db, meeting.processId),
      agendaOf(db, meeting.id),
      attendanceOf(db, meeting.id),
      documentsOf(db, meeting.processId),
      listMemberStates(db),
    ])
    const docs = new Map(documents.map((d) => [d.id, d]))
    const stateByIso = new Map(states.map((s) => [s.iso3, s]))
    const orgs = new Map(
      (
        await findOrganizationsByIds(
          db,
          attendance.flatMap((a) => (a.organizationId ? [a.organizationId] : [])),
        )
      ).map((o) => [o.id, o]),
    )
    return c.json(
      {
        data: {
          ...meetingSummaryJson(meeting),
          process: { id: meeting.processId, title: process?.title ?? '' },
          timeZone: meeting.timeZone,
          remoteUrl: meeting.remoteUrl,
          interpretationLanguages: meeting.interpretationLanguages,
          liveCaptioning: meeting.liveCaptioning,
          agenda: agenda.map((item) => ({
            position: item.position,
            title: item.title,
            description: item.description,
            documents: item.documentIds.flatMap((id) => {
              const d = docs.get(id)
              return d ? [{ symbol: d.symbol, title: d.title, url: d.url }] : []
            }),
            links: item.links,
          })),
          attendance: attendance.map((a) => {
            const state = a.memberStateIso3 ? stateByIso.get(a.memberStateIso3) : undefined
            const org = a.organizationId ? orgs.get(a.organizationId) : undefined
            return {
              memberState: a.memberStateIso3,
              organization: org?.slug ?? null,
              name: state ? state.shortName[i18n.locale] : org ? localized(org.name, i18n.locale) : '',
              mode: a.mode,
            }
          }),
          outcomeSummary: meeting.outcomeSummary,
          transcript: meeting.transcript,
          calendarUrl: `/api/v1/meetings/${meeting.id}.ics`,
        },
      },
      200,
    )
  })
}
