// The boundary of meeting documents as files: the upload form's fields (the file itself is
// checked by content in the command) and the lists the API answers.
import { z } from '@hono/zod-openapi'
import { LOCALES } from '../../core/i18n/locales.ts'
import { documentSymbol } from './rules/document-symbol.ts'
import { DOCUMENT_KINDS } from './tables.ts'

export const MeetingDocumentInput = z
  .object({
    symbol: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .refine((s) => documentSymbol(s) !== null, { error: 'processes.documents.symbolFormat' })
      .openapi({ example: 'E/CN.16/2018/CRP.1' }),
    title: z.string().trim().min(1).max(500),
    kind: z.enum(DOCUMENT_KINDS).default('background'),
    agendaItemId: z.coerce.number().int().positive().optional(),
    language: z.enum(LOCALES).openapi({ description: 'The original language; its file comes with the form' }),
    issuedOn: z.iso.date({ error: 'validation.format' }).openapi({ example: '2018-01-22' }),
  })
  .openapi('MeetingDocumentInput')
export type MeetingDocumentInput = z.infer<typeof MeetingDocumentInput>

export const DocumentVersionInput = z.object({ language: z.enum(LOCALES) })

export const DocumentVersionSchema = z
  .object({
    language: z.string(),
    original: z.boolean().openapi({ description: 'The language the document was written in' }),
    fileName: z.string(),
    mediaType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    url: z.string().openapi({ description: 'Download (sent as an attachment)' }),
  })
  .openapi('DocumentVersion')

export const FiledDocumentSchema = z
  .object({
    id: z.number().int(),
    symbol: z.string().nullable(),
    title: z.string(),
    kind: z.enum(DOCUMENT_KINDS),
    meetingId: z.number().int().nullable(),
    agendaItem: z.object({ position: z.number().int(), title: z.string() }).nullable(),
    originalLanguage: z.string(),
    issuedOn: z.string(),
    url: z
      .string()
      .nullable()
      .openapi({ description: 'Where the document is kept elsewhere, for a document linked only' }),
    versions: z.array(DocumentVersionSchema),
  })
  .openapi('FiledDocument')
