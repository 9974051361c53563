// The public audit log: a page with the latest public entries and the latest signed checkpoint,
// the log as JSON Lines (the entries covered by the latest checkpoint, then that checkpoint: what
// `ecp audit verify FILE` reads), and the checkpoint as a C2SP signed note at /audit/checkpoint.
import type { Hono } from 'hono'
import { contentDisposition } from '../formats/content-disposition.ts'
import type { AppEnv } from '../http/context.ts'
import { renderPage } from '../ui/layout.tsx'
import { auditLogSize, readPublicEntries } from './audit.ts'
import { checkpointJson, publishedCheckpoint } from './checkpoint.ts'
import { verifierKey } from './note.ts'

const PAGE_SIZE = 50

export function registerAuditRoutes(app: Hono<AppEnv>): void {
  app.get('/audit-log', async (c) => {
    const { db, i18n } = c.var
    const t = i18n.t
    const total = await auditLogSize(db)
    const checkpoint = await publishedCheckpoint(db, c.var.deps.now())
    const latest = await db
      .selectFrom('auditEntry')
      .select(['seq', 'at', 'action', 'subjectType', 'subjectId', 'public'])
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
        <dl>
          <dt>{t('audit.checkpoint')}</dt>
          <dd>
            {t('audit.checkpointSize', { count: checkpoint.treeSize })} ·{' '}
            {i18n.dateTime(new Date(checkpoint.timestamp))} ·{' '}
            <a href="/audit/checkpoint">{t('audit.checkpointLink')}</a>
          </dd>
          <dt>{t('audit.head')}</dt>
          <dd>
            {/* base64 and key names read left to right on every page */}
            <code dir="ltr">{checkpoint.rootHash.toString('base64')}</code>
          </dd>
          <dt>{t('audit.publicKey')}</dt>
          <dd>
            <code dir="ltr">{verifierKey(checkpoint.origin, checkpoint.publicKey)}</code>
          </dd>
        </dl>
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

  app.get('/audit/checkpoint', async (c) => {
    const checkpoint = await publishedCheckpoint(c.var.db, c.var.deps.now())
    c.header('Content-Type', 'text/plain; charset=utf-8')
    return c.body(checkpoint.note)
  })

  app.get('/audit-log.jsonl', async (c) => {
    const db = c.var.db
    const checkpoint = await publishedCheckpoint(db, c.var.deps.now())
    const encoder = new TextEncoder()
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        try {
          // restricted entries show neither who nor what: only their salted commitment
          for await (const line of readPublicEntries(db, 0, checkpoint.treeSize)) {
            controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`))
          }
          controller.enqueue(encoder.encode(`${JSON.stringify({ checkpoint: checkpointJson(checkpoint) })}\n`))
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
