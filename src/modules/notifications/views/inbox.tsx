// The inbox: a person's notices, newest first, unread ones marked, each with what happened, what
// to do by when (in their time zone), a link to the thing and a button to mark it read.
import type { Translator } from '../../../core/i18n/messages.ts'
import { Pagination } from '../../../core/ui/components.tsx'
import { Form } from '../../../core/ui/form.tsx'
import type { Notice } from '../queries-notices.ts'
import { noticeText } from '../rules/text.ts'

export interface InboxProps {
  i18n: Translator
  csrfToken: string
  notices: Notice[]
  total: number
  unread: number
  page: number
  pageSize: number
  url: URL
  unreadOnly: boolean
  now: Date
}

export function InboxView(p: InboxProps) {
  const { t } = p.i18n
  return (
    <>
      <h1>{t('notifications.inbox.title')}</h1>
      <p class="lead">{t('notifications.inbox.lead')}</p>
      <p>
        <strong>{t('notifications.inbox.unread', { count: p.unread })}</strong>
        {' · '}
        {p.unreadOnly ? (
          <a href="/me/notifications">{t('notifications.inbox.showAll')}</a>
        ) : (
          <a href="/me/notifications?unread=true">{t('notifications.inbox.showUnread')}</a>
        )}
        {' · '}
        <a href="/me/notifications/preferences">{t('notifications.preferences.title')}</a>
        {' · '}
        <a href="/account/notifications">{t('notifications.title')}</a>
      </p>
      {p.unread > 0 ? (
        <Form action="/me/notifications/read" csrfToken={p.csrfToken} class="inline">
          <input type="hidden" name="notice" value="all" />
          <button type="submit" class="button secondary">
            {t('notifications.inbox.markAllRead')}
          </button>
        </Form>
      ) : null}
      {p.notices.length === 0 ? <p>{t('notifications.inbox.empty')}</p> : null}
      <ol class="inbox" aria-label={t('notifications.inbox.title')}>
        {p.notices.map((n) => {
          const text = noticeText(p.i18n, n, p.now)
          return (
            <li class={n.readAt ? 'read' : 'unread'} id={`notice-${n.id}`}>
              <p>
                {n.readAt ? null : <strong class="tag">{t('notifications.inbox.new')}</strong>}{' '}
                <a href={n.href}>{text.title}</a>
              </p>
              <p>{text.todo}</p>
              <p class="muted">
                <time datetime={n.createdAt.toISOString()}>{p.i18n.dateTime(n.createdAt)}</time>
              </p>
              {n.readAt ? null : (
                <Form action="/me/notifications/read" csrfToken={p.csrfToken} class="inline">
                  <input type="hidden" name="notice" value={String(n.id)} />
                  <button type="submit" class="button secondary">
                    {t('notifications.inbox.markRead')}
                    <span class="visually-hidden">: {text.title}</span>
                  </button>
                </Form>
              )}
            </li>
          )
        })}
      </ol>
      <Pagination t={t} baseUrl={p.url} page={p.page} pageSize={p.pageSize} total={p.total} />
    </>
  )
}
