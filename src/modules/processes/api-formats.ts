// The processes' calendars and feed: a meeting and a body's meetings as iCalendar (RFC 5545), a
// process's activity as Atom; described in the OpenAPI document as documents.
import { type OpenAPIHono, z } from '@hono/zod-openapi'
import { activityOf } from '../../core/activity.ts'
import { contentDisposition } from '../../core/formats/content-disposition.ts'
import { errorResponses, PUBLIC_READ } from '../../core/http/api.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { respondError } from '../../core/http/errors.tsx'
import { idOrZero, idParam } from '../../core/http/ids.ts'
import { siteOrigin } from '../../core/http/urls.ts'
import { installationId } from '../../core/installation.ts'
import { findBody } from '../bodies/index.ts'
import { meetingsCalendar } from './calendar.ts'
import { processFeed } from './feed.ts'
import { findMeeting, findProcess, listProcesses, meetingsOf } from './queries.ts'
import { IdParam } from './schemas.ts'

const tags = ['Processes']

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

/** Registered before the JSON reads: /meetings/{id} would otherwise take "12.ics". */
export function registerProcessFormats(api: OpenAPIHono<AppEnv>): void {
  api.get('/meetings/:file{[0-9]+\\.ics}', async (c) => {
    const id = icsId(c.req.param('file'))
    const meeting = await findMeeting(c.var.db, id)
    if (!meeting) return respondError(c, { type: 'not_found', id: 'meeting_not_found' })
    const process = await findProcess(c.var.db, meeting.processId)
    const base = siteOrigin(c)
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
    const base = siteOrigin(c)
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
    return c.body(processFeed(process, body, items, c.var.i18n, siteOrigin(c)), 200, {
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
}
