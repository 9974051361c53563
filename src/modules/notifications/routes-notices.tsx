// The inbox (/me/notifications) and the preferences page (/me/notifications/preferences): thin
// routes that parse, call the commands and render the views.
import type { Context, Hono } from 'hono'
import { z } from 'zod'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { flash } from '../../core/http/cookies.ts'
import { respondError } from '../../core/http/errors.tsx'
import { forSchema, parseForm, readForm } from '../../core/http/forms.ts'
import { requireAccount } from '../../core/http/guards.ts'
import { idSchema } from '../../core/http/ids.ts'
import { parseWith } from '../../core/http/validation.ts'
import { isTimeZone } from '../../core/i18n/messages.ts'
import { renderPage } from '../../core/ui/layout.tsx'
import { markRead, setNoticePreferences } from './commands-notices.ts'
import { deliveriesOf, noticesOf, timeZoneOf } from './queries-notices.ts'
import { deliveryFor, NOTICE_KINDS } from './rules/kinds.ts'
import { NoticeListQuery, NoticePreferencesInput } from './schemas.ts'
import { InboxView } from './views/inbox.tsx'
import { PreferencesView } from './views/preferences.tsx'

export const PAGE_SIZE = 50

/** The reader's translator: their language, and their chosen time zone (else the browser's). */
export async function readerI18n(c: Context<AppEnv>, accountId: number) {
  const zone = await timeZoneOf(c.var.db, accountId)
  const i18n = c.var.i18n
  return zone && isTimeZone(zone) ? c.var.deps.messages.translator(i18n.locale, zone) : i18n
}

const ReadInput = z.object({ notice: z.union([z.literal('all'), idSchema()]) })

async function preferencesPage(
  c: Context<AppEnv>,
  accountId: number,
  form?: Parameters<typeof PreferencesView>[0]['form'],
) {
  const { db, csrfToken } = c.var
  const i18n = await readerI18n(c, accountId)
  const chosen = await deliveriesOf(db, accountId)
  const values = form?.values ?? {
    timeZone: (await timeZoneOf(db, accountId)) ?? i18n.timeZone,
    ...Object.fromEntries(NOTICE_KINDS.map((k) => [`deliveries.${k}`, deliveryFor(k, chosen)])),
  }
  return renderPage(
    c,
    { title: i18n.t('notifications.preferences.title'), status: form?.issues?.length ? 400 : 200 },
    <PreferencesView i18n={i18n} csrfToken={csrfToken} form={{ ...form, values }} />,
  )
}

export function registerNoticeRoutes(app: Hono<AppEnv>): void {
  app.get('/me/notifications', async (c) => {
    const actor = await requireAccount(c, 'notice.read')
    if (actor instanceof Response) return actor
    const query = parseWith(NoticeListQuery, c.req.query())
    const page = query.ok ? (query.value.page ?? 1) : 1
    const unreadOnly = query.ok ? (query.value.unread ?? false) : false
    const i18n = await readerI18n(c, actor.accountId)
    const list = await noticesOf(c.var.db, actor.accountId, {
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
      unreadOnly,
    })
    return renderPage(
      c,
      { title: i18n.t('notifications.inbox.title') },
      <InboxView
        i18n={i18n}
        csrfToken={c.var.csrfToken}
        notices={list.rows}
        total={list.total}
        unread={list.unread}
        page={page}
        pageSize={PAGE_SIZE}
        url={new URL(c.req.url)}
        unreadOnly={unreadOnly}
        now={c.var.deps.now()}
      />,
    )
  })

  app.post('/me/notifications/read', async (c) => {
    const parsed = parseWith(ReadInput, forSchema(await readForm(c)))
    if (!parsed.ok) return respondError(c, { type: 'invalid', id: 'invalid_input', issues: parsed.issues })
    const result = await markRead(c.var.db, commandContext(c), parsed.value.notice)
    if (!result.ok) return respondError(c, result.error)
    flash(c, 'flash.saved')
    return c.redirect('/me/notifications', 303)
  })

  app.get('/me/notifications/preferences', async (c) => {
    const actor = await requireAccount(c, 'notice.manage')
    if (actor instanceof Response) return actor
    return preferencesPage(c, actor.accountId)
  })

  app.post('/me/notifications/preferences', async (c) => {
    const actor = await requireAccount(c, 'notice.manage')
    if (actor instanceof Response) return actor
    const parsed = await parseForm(c, NoticePreferencesInput)
    if (!parsed.ok) return preferencesPage(c, actor.accountId, { values: parsed.values, issues: parsed.issues })
    const result = await setNoticePreferences(c.var.db, commandContext(c), parsed.value)
    if (!result.ok) {
      if (result.error.type === 'invalid')
        return preferencesPage(c, actor.accountId, { values: parsed.values, issues: result.error.issues })
      return respondError(c, result.error)
    }
    flash(c, 'flash.saved')
    return c.redirect('/me/notifications/preferences', 303)
  })
}
