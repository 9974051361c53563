// The open data of documents' language versions: what each file is (language, type, size,
// fingerprint, address), never the files themselves.
import type { Db } from '../../core/db/database.ts'
import type { OpenDataset } from '../../core/module.ts'
import { allVersions, filedDocumentsMeta } from './queries-documents.ts'

export async function documentVersionsOpenData(db: Db): Promise<OpenDataset[]> {
  const [versions, documents] = await Promise.all([allVersions(db), filedDocumentsMeta(db)])
  const byId = new Map(documents.map((d) => [d.id, d]))
  return [
    {
      name: 'document_versions',
      description: 'The language versions (files) of the documents issued for meetings and processes',
      fields: [
        { name: 'id', type: 'integer', description: 'Identifier' },
        { name: 'document_id', type: 'integer', description: 'The document' },
        { name: 'process_id', type: 'integer', description: 'The process the document belongs to' },
        { name: 'meeting_id', type: 'integer', description: 'The meeting it was issued for' },
        { name: 'agenda_item_id', type: 'integer', description: 'The agenda item it serves' },
        { name: 'symbol', type: 'string', description: 'The UN document symbol' },
        { name: 'title', type: 'string', description: 'The document’s title' },
        { name: 'language', type: 'string', description: 'Language of this version (ar, zh, en, fr, ru, es)' },
        { name: 'original', type: 'boolean', description: 'This version is in the original language' },
        { name: 'media_type', type: 'string', description: 'application/pdf, Word (.docx) or OpenDocument text' },
        { name: 'size_bytes', type: 'integer', description: 'Size of the file in bytes' },
        { name: 'sha256', type: 'string', description: 'SHA-256 of the file, hexadecimal' },
        { name: 'path', type: 'string', description: 'Where to download it on this site' },
        { name: 'created_at', type: 'datetime', description: 'When it was uploaded (UTC)' },
      ],
      primaryKey: ['id'],
      rows: versions.map((v) => {
        const d = byId.get(v.documentId)
        return {
          id: v.id,
          document_id: v.documentId,
          process_id: d?.processId ?? null,
          meeting_id: d?.meetingId ?? null,
          agenda_item_id: d?.agendaItemId ?? null,
          symbol: d?.symbol ?? null,
          title: d?.title ?? null,
          language: v.language,
          original: v.language === d?.language,
          media_type: v.mediaType,
          size_bytes: v.sizeBytes,
          sha256: v.sha256,
          path: `/documents/${v.documentId}/files/${v.language}`,
          created_at: v.createdAt.toISOString(),
        }
      }),
    },
  ]
}
