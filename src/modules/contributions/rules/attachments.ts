// Attachments are PDF, DOCX or ODT, recognised by their content (core/formats/document-file.ts),
// never by their name; and no larger than the configured limit.
import { checkDocumentFile, DOCUMENT_TYPES, safeFileName } from '../../../core/formats/document-file.ts'

export { safeFileName }
export const ACCEPTED_TYPES = DOCUMENT_TYPES

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
  const check = await checkDocumentFile(content, maxBytes)
  if (check.ok) return check
  if (check.problem === 'empty') return { ok: false, code: 'contributions.attachment.empty' }
  if (check.problem === 'tooLarge') return { ok: false, code: 'contributions.attachment.tooLarge' }
  return { ok: false, code: 'contributions.attachment.wrongType' }
}
