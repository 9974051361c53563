// The JSON API of documents with their language versions, per meeting and per process (public
// reads; the files are downloaded from each version's url).
import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi'
import { errorResponses, json, listOf, PUBLIC_READ } from '../../core/http/api.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { apiError } from '../../core/http/errors.tsx'
import { siteOrigin } from '../../core/http/urls.ts'
import { findMeeting, findProcess } from './queries.ts'
import { type FiledDocument, filedDocuments } from './queries-documents.ts'
import { IdParam } from './schemas.ts'
import { FiledDocumentSchema } from './schemas-documents.ts'

const tags = ['Processes']

const route = (path: string, operationId: string, summary: string) =>
  createRoute({
    method: 'get',
    path,
    operationId,
    security: PUBLIC_READ,
    tags,
    summary,
    request: { params: IdParam },
    responses: {
      200: json(listOf(FiledDocumentSchema), 'Documents in the order issued, each with its language versions'),
      401: errorResponses[401],
      404: errorResponses[404],
    },
  })

/** A document as the API gives it; `base` makes each version's download address absolute. */
export function filedDocumentJson(d: FiledDocument, base: string): z.infer<typeof FiledDocumentSchema> {
  return {
    id: d.id,
    symbol: d.symbol,
    title: d.title,
    kind: d.kind,
    meetingId: d.meetingId,
    agendaItem:
      d.agendaItemPosition !== null && d.agendaItemTitle !== null
        ? { position: d.agendaItemPosition, title: d.agendaItemTitle }
        : null,
    originalLanguage: d.language,
    issuedOn: d.issuedOn,
    url: d.url,
    versions: d.versions.map((v) => ({
      language: v.language,
      original: v.language === d.language,
      fileName: v.fileName,
      mediaType: v.mediaType,
      sizeBytes: v.sizeBytes,
      sha256: v.sha256,
      url: `${base}/documents/${d.id}/files/${v.language}`,
    })),
  }
}

export function registerDocumentsApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    route('/meetings/{id}/documents', 'listMeetingDocuments', 'A meeting’s documents and their files'),
    async (c) => {
      const meeting = await findMeeting(c.var.db, c.req.valid('param').id)
      if (!meeting) return apiError(c, { type: 'not_found', id: 'meeting_not_found' })
      const documents = await filedDocuments(c.var.db, { meetingId: meeting.id })
      const data = documents.map((d) => filedDocumentJson(d, siteOrigin(c)))
      return c.json({ data, meta: { total: data.length } }, 200)
    },
  )

  api.openapi(
    route('/processes/{id}/documents', 'listProcessDocuments', 'A process’s documents and their files'),
    async (c) => {
      const process = await findProcess(c.var.db, c.req.valid('param').id)
      if (!process) return apiError(c, { type: 'not_found', id: 'process_not_found' })
      const documents = await filedDocuments(c.var.db, { processId: process.id })
      const data = documents.map((d) => filedDocumentJson(d, siteOrigin(c)))
      return c.json({ data, meta: { total: data.length } }, 200)
    },
  )
}
