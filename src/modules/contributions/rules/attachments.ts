// Attachments are PDF, DOCX or ODT, recognised by their content (the file's magic numbers),
// never by their name; and no larger than the configured limit.
import { fileTypeFromBuffer } from 'file-type'

export const ACCEPTED_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
}

export type AttachmentCheck =
  | { ok: true; mediaType: string; extension: string }
  | {
      ok: false
      code:
        | 'contributions.attachment.tooLarge'
        | 'contributions.attachment.wrongType'
        | 'contributions.attachment.empty'
    }

export async function checkAttachment(content: Uint8Array, maxBytes: number): Promise<AttachmentCheck> {
  if (content.byteLength === 0) return { ok: false, code: 'contributions.attachment.empty' }
  if (content.byteLength > maxBytes) return { ok: false, code: 'contributions.attachment.tooLarge' }
  const type = await fileTypeFromBuffer(content)
  if (!type || !(type.ext in ACCEPTED_TYPES)) return { ok: false, code: 'contributions.attachment.wrongType' }
  return { ok: true, mediaType: ACCEPTED_TYPES[type.ext] as string, extension: type.ext }
}

/** A file name safe to send back in Content-Disposition, with the extension the content has. */
export function safeFileName(name: string, extension: string): string {
  const base = name
    .replace(/\.[^.]*$/, '')
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N} ._-]+/gu, '_')
    .trim()
    .slice(0, 100)
  return `${base || 'attachment'}.${extension}`
}
