// Uploaded documents (PDF, Word .docx, OpenDocument text) recognised by their content (magic
// numbers and, for the zipped formats, the parts inside), never by their name; shared by
// contributions' attachments and meetings' documents.
import { fileTypeFromBuffer } from 'file-type'

export const DOCUMENT_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
}

/** Why a file is refused: empty, over the limit, not one of the types, or named as another type. */
export type DocumentFileProblem = 'empty' | 'tooLarge' | 'wrongType' | 'nameMismatch'

export type DocumentFileCheck =
  | { ok: true; mediaType: string; extension: string }
  | { ok: false; problem: DocumentFileProblem; found?: string }

/**
 * The file's type read from its content. With `name`, a name claiming one accepted type while the
 * content is another (a PDF renamed `.docx`) is refused too, so what a reader downloads is what
 * the list said it was.
 * @example await checkDocumentFile(bytes, 5 * 1024 * 1024, 'report.pdf') // { ok: true, extension: 'pdf', ... }
 */
export async function checkDocumentFile(
  content: Uint8Array,
  maxBytes: number,
  name?: string,
): Promise<DocumentFileCheck> {
  if (content.byteLength === 0) return { ok: false, problem: 'empty' }
  if (content.byteLength > maxBytes) return { ok: false, problem: 'tooLarge' }
  const type = await fileTypeFromBuffer(content)
  if (!type || !(type.ext in DOCUMENT_TYPES)) return { ok: false, problem: 'wrongType' }
  const claimed = name?.match(/\.([A-Za-z0-9]+)$/)?.[1]?.toLowerCase()
  if (claimed && claimed in DOCUMENT_TYPES && claimed !== type.ext) {
    return { ok: false, problem: 'nameMismatch', found: type.ext }
  }
  return { ok: true, mediaType: DOCUMENT_TYPES[type.ext] as string, extension: type.ext }
}

/** A file name safe to send back in Content-Disposition, with the extension the content has. */
export function safeFileName(name: string, extension: string, fallback = 'attachment'): string {
  const base = name
    .replace(/\.[^.]*$/, '')
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N} ._-]+/gu, '_')
    .trim()
    .slice(0, 100)
  return `${base || fallback}.${extension}`
}
