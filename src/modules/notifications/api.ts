// The inbox as JSON: GET /api/v1/me/notifications (newest first, in the language asked for and
// the reader's time zone) and POST /api/v1/me/notifications/{id}/read.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { authorize } from '../../core/auth/authorize.ts'
import { errorResponses, json, listOf, securityFor } from '../../core/http/api.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { apiError } from '../../core/http/errors.tsx'
import { idSchema } from '../../core/http/ids.ts'
import { markRead } from './commands-notices.ts'
import { noticesOf } from './queries-notices.ts'
import { PAGE_SIZE, readerI18n } from './routes-notices.tsx'
import { noticeText } from './rules/text.ts'
import { NoticeJson, NoticeListQuery } from './schemas.ts'

const tags = ['Notices']

const listRoute = createRoute({
  method: 'get',
  path: '/me/notifications',
  operationId: 'listMyNotifications',
  security: securityFor('notice.read'),
  tags,
  summary: 'My notices, newest first (50 a page), with what to do by when',
  request: { query: NoticeListQuery },
  responses: {
    200: json(
      listOf(NoticeJson).extend({ meta: z.object({ total: z.number().int(), unread: z.number().int() }) }),
      'Notices',
    ),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
  },
})

const readRoute = createRoute({
  method: 'post',
  path: '/me/notifications/{id}/read',
  operationId: 'markMyNotificationRead',
  security: securityFor('notice.manage'),
  tags,
  summary: 'Mark one of my notices as read',
  request: { params: z.object({ id: idSchema() }) },
  responses: {
    200: json(z.object({ data: z.object({ marked: z.number().int() }) }), 'Marked (0 when it was already read)'),
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
  },
})

export function registerNoticesApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(listRoute, async (c) => {
    const actor = c.var.actor
    const allowed = authorize(actor, 'notice.read')
    if (!allowed.ok) return apiError(c, allowed.error)
    if (actor.kind !== 'account') return apiError(c, { type: 'unauthenticated', id: 'sign_in_required' })
    const query = c.req.valid('query')
    const page = query.page ?? 1
    const i18n = await readerI18n(c, actor.accountId)
    const list = await noticesOf(c.var.db, actor.accountId, {
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
      unreadOnly: query.unread ?? false,
    })
    const data = list.rows.map((n) => {
      const text = noticeText(i18n, n, c.var.deps.now())
      return {
        id: n.id,
        kind: n.kind as z.infer<typeof NoticeJson>['kind'],
        title: text.title,
        todo: text.todo,
        url: n.href,
        dueAt: n.dueAt?.toISOString() ?? null,
        createdAt: n.createdAt.toISOString(),
        read: n.readAt !== null,
      }
    })
    return c.json({ data, meta: { total: list.total, unread: list.unread } }, 200)
  })

  api.openapi(readRoute, async (c) => {
    const result = await markRead(c.var.db, commandContext(c), c.req.valid('param').id)
    if (!result.ok) return apiError(c, result.error)
    return c.json({ data: result.value }, 200)
  })
}
