// The mail outbox, readable by the Secretariat: in development (no SMTP_URL) this is where mail
// goes; in production it shows what was sent and what failed.
import type { Hono } from 'hono'
import type { AppEnv } from '../../core/http/context.ts'
import { requireAccount } from '../../core/http/guards.ts'
import { listOutbox } from '../../core/mail/outbox.ts'
import { Pagination, pageParam, Tag } from '../../core/ui/components.tsx'
import { renderPage } from '../../core/ui/layout.tsx'

const PAGE_SIZE = 20

export function registerOutboxRoutes(app: Hono<AppEnv>): void {
  app.get('/administration/outbox', async (c) => {
    const actor = await requireAccount(c, 'administration.view')
    if (actor instanceof Response) return actor
    const { i18n, db, deps } = c.var
    const t = i18n.t
    const page = pageParam(c.req.query('page'))
    const { rows, total } = await listOutbox(db, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })
    const title = t('administration.outbox.title')
    return renderPage(
      c,
      { title },
      <>
        <p>
          <a href="/administration">{t('administration.title')}</a>
        </p>
        <h1>{title}</h1>
        <p class="lead">
          {deps.config.smtpUrl ? t('administration.outbox.leadSmtp') : t('administration.outbox.leadNoSmtp')}
        </p>
        <p role="status">{t('administration.outbox.count', { count: total })}</p>
        {rows.map((m) => (
          <article class="card">
            <h2>{m.subject}</h2>
            <p>
              {m.sentAt ? (
                <Tag tone="ok">{t('administration.outbox.sent', { date: i18n.dateTime(m.sentAt) })}</Tag>
              ) : (
                <Tag tone={m.lastError ? 'error' : 'warn'}>{t('administration.outbox.unsent')}</Tag>
              )}{' '}
              {t('administration.outbox.to', { address: m.toAddress })} · {m.kind} · {i18n.dateTime(m.createdAt)}
            </p>
            {m.lastError ? <p class="muted">{m.lastError}</p> : null}
            <pre class="mail-body" dir="auto">
              {m.bodyText}
            </pre>
          </article>
        ))}
        <Pagination t={t} baseUrl={new URL(c.req.url)} page={page} pageSize={PAGE_SIZE} total={total} />
      </>,
    )
  })
}
