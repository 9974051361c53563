// The report of a process in its four forms: a page, Word, JSON and Akoma Ntoso XML.

import type { Hono } from 'hono'
import { currentCheckpoint } from '../../core/audit/checkpoint.ts'
import { contentDisposition } from '../../core/formats/content-disposition.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { respondError } from '../../core/http/errors.tsx'
import { assembleReport } from './report.ts'
import { reportAkn } from './report-akn.ts'
import { reportDocx } from './report-docx.ts'
import { idParam } from './routes.tsx'
import { renderReport } from './views/report.tsx'

export function registerReportRoutes(app: Hono<AppEnv>): void {
  app.get('/processes/:id/:file{report(\\.docx|\\.json|\\.xml)?}', async (c) => {
    const assembled = await assembleReport(c.var.db, idParam(c))
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
      return c.body(new Uint8Array(await reportDocx(report, c.var.i18n)), 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'Content-Disposition': contentDisposition(`${name}.docx`),
      })
    return renderReport(c, report)
  })
}
