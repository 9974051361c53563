// The report of a process in its four forms (a page, Word, JSON and Akoma Ntoso XML), and the
// comparison of two revisions as Word tracked changes.

import type { Hono } from 'hono'
import { currentCheckpoint } from '../../core/audit/checkpoint.ts'
import { can } from '../../core/auth/authorize.ts'
import { contentDisposition } from '../../core/formats/content-disposition.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { respondError } from '../../core/http/errors.tsx'
import { countOrNone, idParam } from '../../core/http/ids.ts'
import { comparisonOf, revisionName } from '../negotiation/index.ts'
import { comparisonDocx } from './compare-docx.ts'
import { assembleReport } from './report.ts'
import { reportAkn } from './report-akn.ts'
import { reportWord } from './report-word.ts'
import { renderReport } from './views/report.tsx'

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

export function registerReportRoutes(app: Hono<AppEnv>): void {
  app.get('/processes/:id/:file{report(\\.docx|\\.json|\\.xml)?}', async (c) => {
    const assembled = await assembleReport(c.var.db, idParam(c), c.var.i18n.locale)
    if (!assembled) return respondError(c, { type: 'not_found', id: 'process_not_found' })
    // every form of the report anchors the audit log as it stands when produced
    const report = { ...assembled, auditCheckpoint: await currentCheckpoint(c.var.db, c.var.deps.now()) }
    const file = c.req.param('file')
    const name = `report-${report.process.slug}`
    if (file === 'report.json') return c.json({ data: report })
    if (file === 'report.xml')
      return c.body(reportAkn(report, c.var.deps.now()), 200, {
        'Content-Type': 'application/akn+xml; charset=utf-8',
        'Content-Disposition': contentDisposition(`${name}.xml`, 'inline'),
      })
    if (file === 'report.docx')
      return c.body(new Uint8Array(await reportWord(report, c.var.i18n)), 200, {
        'Content-Type': DOCX,
        'Content-Disposition': contentDisposition(`${name}.docx`),
      })
    return renderReport(c, report, { issue: can(c.var.actor, 'report.issue') })
  })

  app.get('/negotiation/:id/compare.docx', async (c) => {
    const view = await comparisonOf(
      c.var.db,
      idParam(c),
      countOrNone(c.req.query('from')),
      countOrNone(c.req.query('to')),
    )
    if (!view) return respondError(c, { type: 'not_found', id: 'revision_not_found' })
    const t = c.var.i18n.t
    const bytes = await comparisonDocx(c.var.db, view, c.var.i18n)
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': DOCX,
      'Content-Disposition': contentDisposition(
        `${view.document.title} (${revisionName(t, view.from)} - ${revisionName(t, view.to)}).docx`,
      ),
    })
  })
}
