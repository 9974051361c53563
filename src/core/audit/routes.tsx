// The public audit log: a page with the latest public entries and the head of the chain, and the
// whole log as JSON Lines (restricted entries carry hashes only) for `ecp audit verify FILE`.

import type { Hono } from 'hono'
import { contentDisposition } from '../formats/content-disposition.ts'
import type { AppEnv } from '../http/context.ts'
import { renderPage } from '../ui/layout.tsx'
import { auditLogSize, readAuditLog, toChainedEntry } from './audit.ts'

const PAGE_SIZE = 50

export function registerAuditRoutes(app: Hono<AppEnv>): void {
  app.get('/audit-log', async (c) => {
    const { db } = c.var
    const { i18n } = c.var
    const t = i18n.t
    const total = await auditLogSize(db)
    const latest = await db
      .selectFrom('auditEntry')
      .select(['seq', 'at', 'action', 'subjectType', 'subjectId', 'public', 'hash'])
      .orderBy('seq', 'desc')
      .limit(PAGE_SIZE)
      .execute()
    const title = t('audit.title')
    return renderPage(
      c,
      { title },
      <>
        <h1>{title}</h1>
        <p class="lead">{t('audit.lead')}</p>
        <p>{t('audit.size', { count: total })}</p>
        {latest[0] ? (
          <p>
            {t('audit.head')} <code>{latest[0].hash}</code>
          </p>
        ) : null}
        <p>
          <a class="button" href="/audit-log.jsonl" download>
            {t('audit.download')}
          </a>
        </p>
        <p class="muted">{t('audit.verifyHint')}</p>
        <div class="table-scroll">
          <table>
            <caption>{t('audit.latest')}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.subject')}</th>
              </tr>
            </thead>
            <tbody>
              {latest.map((e) => (
                <tr>
                  <td>{e.seq}</td>
                  <td>{i18n.dateTime(e.at)}</td>
                  <td>
                    <code>{e.public ? e.action : t('audit.restricted')}</code>
                  </td>
                  <td>{e.public ? `${e.subjectType} ${e.subjectId ?? ''}` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </>,
    )
  })

  app.get('/audit-log.jsonl', (c) => {
    const db = c.var.db
    const encoder = new TextEncoder()
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        try {
          for await (const row of readAuditLog(db)) {
            // restricted entries show neither who nor what; their hashes still chain
            controller.enqueue(encoder.encode(`${JSON.stringify(toChainedEntry(row, { redact: true }))}\n`))
          }
          controller.close()
        } catch (error) {
          controller.error(error)
        }
      },
    })
    c.header('Content-Type', 'application/x-ndjson; charset=utf-8')
    c.header('Content-Disposition', contentDisposition('ecp-audit-log.jsonl'))
    return c.body(stream)
  })
}
