// The report's JSON API for the Secretariat's tools: issue the report (symbol, distribution, date,
// original language, agenda item, the document and revision), correct it, attribute a divergent
// view, record its transmission up the chain and each recommendation's follow-up. Each operation
// parses with the schemas the forms use and calls the command the page calls.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { json, securityFor } from '../../core/http/api.ts'
import { IDEMPOTENT, IdParam, jsonBody, writeRefusals } from '../../core/http/api-write.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { apiError } from '../../core/http/errors.tsx'
import { LOCALES } from '../../core/i18n/locales.ts'
import { attributeDivergentView, correctReportIssue, issueReport, recordFollowUp, transmitReport } from './commands.ts'
import { findIssue, followUpsOf } from './queries.ts'
import { assembleReport } from './report.ts'
import { FOLLOW_UP_SOURCES, FOLLOW_UP_STATUSES } from './rules/follow-up.ts'
import { AttributionInput, FollowUpInput, IssueInput, TransmissionInput } from './schemas.ts'
import { DISTRIBUTIONS } from './tables.ts'

const tags = ['Reports']

const IssueSchema = z
  .object({
    processId: z.number().int(),
    documentId: z.number().int(),
    revision: z.number().int().nullable().openapi({ description: 'Rev.N the text comes from; null: as it stands' }),
    symbol: z.string(),
    distribution: z.enum(DISTRIBUTIONS),
    issuedOn: z.string().openapi({ example: '2018-05-14' }),
    originalLanguage: z.enum(LOCALES),
    agendaItem: z.string(),
    session: z.string(),
  })
  .openapi('ReportIssue')

const FollowUpSchema = z
  .object({
    id: z.number().int(),
    paragraphId: z.number().int(),
    year: z.number().int(),
    status: z.enum(FOLLOW_UP_STATUSES),
    sourceKind: z.enum(FOLLOW_UP_SOURCES),
    sourceReference: z.string(),
    annualReportId: z.number().int().nullable(),
    note: z.string(),
    recordedAt: z.string(),
  })
  .openapi('ReportFollowUp')

const issueRoute = createRoute({
  method: 'post',
  path: '/processes/{id}/report/issue',
  operationId: 'issueReport',
  security: securityFor('report.issue'),
  tags,
  summary: 'Issue the report: symbol, distribution, date, original language, agenda item, document and revision',
  description: `Once per process: a second issue is refused (409 \`report_already_issued\`; correct it with PATCH). A symbol carried by another process's report is 409 \`report_symbol_taken\`; one that is not a UN symbol is 400 on \`symbol\`. ${IDEMPOTENT}`,
  request: { params: IdParam, body: jsonBody(IssueInput) },
  responses: { 201: json(z.object({ data: IssueSchema }), 'Issued'), ...writeRefusals },
})

const correctRoute = createRoute({
  method: 'patch',
  path: '/processes/{id}/report/issue',
  operationId: 'correctReportIssue',
  security: securityFor('report.issue'),
  tags,
  summary: 'Correct the issued report’s particulars (the whole issue is sent again)',
  description: `409 \`report_not_issued\` before the report is issued. The same values again change and record nothing. ${IDEMPOTENT}`,
  request: { params: IdParam, body: jsonBody(IssueInput) },
  responses: { 200: json(z.object({ data: IssueSchema }), 'Corrected'), ...writeRefusals },
})

const attributionRoute = createRoute({
  method: 'post',
  path: '/processes/{id}/report/attributions',
  operationId: 'attributeDivergentView',
  security: securityFor('report.issue'),
  tags,
  summary: 'Attribute a divergent view as the body decided: unattributed, to participants, or to the States named',
  description: IDEMPOTENT,
  request: { params: IdParam, body: jsonBody(AttributionInput) },
  responses: { 200: json(z.object({ data: AttributionInput }), 'Attributed'), ...writeRefusals },
})

const transmissionRoute = createRoute({
  method: 'post',
  path: '/processes/{id}/report/transmissions',
  operationId: 'transmitReport',
  security: securityFor('report.transmit'),
  tags,
  summary: 'Record the report’s transmission to the parent body; the receiving process lists it as a document',
  description: `Allowed after the process is concluded. ${IDEMPOTENT}`,
  request: { params: IdParam, body: jsonBody(TransmissionInput) },
  responses: {
    201: json(
      z.object({ data: TransmissionInput.extend({ documentId: z.number().int() }) }),
      'Recorded; `documentId` is the document the receiving process holds',
    ),
    ...writeRefusals,
  },
})

const followUpRoute = createRoute({
  method: 'post',
  path: '/processes/{id}/report/follow-ups',
  operationId: 'recordFollowUp',
  security: securityFor('report.follow_up'),
  tags,
  summary: 'Record what became of a recommendation in a year, and on what authority',
  description: `\`paragraphId\` must be a recommendation of the issued report (otherwise 400, the reason on \`paragraphId\`). Records are appended, never rewritten: the latest of a year stands. ${IDEMPOTENT}`,
  request: { params: IdParam, body: jsonBody(FollowUpInput) },
  responses: { 201: json(z.object({ data: FollowUpSchema }), 'Recorded'), ...writeRefusals },
})

export function registerReportsApi(api: OpenAPIHono<AppEnv>): void {
  const issueJson = async (db: Parameters<typeof findIssue>[0], processId: number) => {
    const issue = await findIssue(db, processId)
    if (!issue) throw new Error('issue vanished')
    const { updatedBy: _by, updatedAt: _at, ...data } = issue
    return data
  }

  api.openapi(issueRoute, async (c) => {
    const id = c.req.valid('param').id
    const result = await issueReport(c.var.db, commandContext(c), id, c.req.valid('json'))
    if (!result.ok) return apiError(c, result.error)
    return c.json({ data: await issueJson(c.var.db, id) }, 201)
  })

  api.openapi(correctRoute, async (c) => {
    const id = c.req.valid('param').id
    const result = await correctReportIssue(c.var.db, commandContext(c), id, c.req.valid('json'))
    if (!result.ok) return apiError(c, result.error)
    return c.json({ data: await issueJson(c.var.db, id) }, 200)
  })

  api.openapi(attributionRoute, async (c) => {
    const input = c.req.valid('json')
    const result = await attributeDivergentView(c.var.db, commandContext(c), c.req.valid('param').id, input)
    if (!result.ok) return apiError(c, result.error)
    return c.json({ data: input }, 200)
  })

  api.openapi(transmissionRoute, async (c) => {
    const id = c.req.valid('param').id
    const input = c.req.valid('json')
    const report = await assembleReport(c.var.db, id, c.var.i18n.locale)
    const title = c.var.i18n.t('reports.reportOf', { body: report?.body.name ?? '' })
    const result = await transmitReport(c.var.db, commandContext(c), id, input, title)
    if (!result.ok) return apiError(c, result.error)
    return c.json({ data: { ...input, documentId: result.value.documentId } }, 201)
  })

  api.openapi(followUpRoute, async (c) => {
    const id = c.req.valid('param').id
    const result = await recordFollowUp(c.var.db, commandContext(c), id, c.req.valid('json'))
    if (!result.ok) return apiError(c, result.error)
    const row = (await followUpsOf(c.var.db, id)).find((f) => f.id === result.value.id)
    if (!row) throw new Error('follow-up vanished')
    const { processId: _p, recordedAt, ...rest } = row
    return c.json({ data: { ...rest, recordedAt: recordedAt.toISOString() } }, 201)
  })
}
