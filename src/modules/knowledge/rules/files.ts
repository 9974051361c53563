// Which files the library keeps: documents (PDF, Word, OpenDocument) and data (CSV, spreadsheets),
// recognised by their content, not their name; CSV, which has no signature, must be UTF-8 text.
import { fileTypeFromBuffer } from 'file-type'

const BY_CONTENT: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
}

export type FileCheck = { ok: true; mediaType: string; extension: string } | { ok: false; code: string }

export async function checkLibraryFile(name: string, content: Uint8Array, maxBytes: number): Promise<FileCheck> {
  if (content.byteLength === 0) return { ok: false, code: 'knowledge.fileEmpty' }
  if (content.byteLength > maxBytes) return { ok: false, code: 'knowledge.fileTooLarge' }
  const type = await fileTypeFromBuffer(content)
  if (type && type.ext in BY_CONTENT)
    return { ok: true, mediaType: BY_CONTENT[type.ext] as string, extension: type.ext }
  if (!type && /\.csv$/i.test(name)) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(content)
      return { ok: true, mediaType: 'text/csv', extension: 'csv' }
    } catch {
      return { ok: false, code: 'knowledge.fileWrongType' }
    }
  }
  return { ok: false, code: 'knowledge.fileWrongType' }
}
