// Reading a text to negotiate from what the Secretariat has: pasted text, or a file in Word
// (.docx, read with mammoth), Markdown or plain text; then the UN-style parser.

import { fileTypeFromBuffer } from 'file-type'
import { docxText } from '../../core/formats/docx-text.ts'
import { invalid, ok, type Result } from '../../core/result.ts'
import { type ParsedDocument, parseUnText } from './rules/parse.ts'

const MAX_BYTES = 10 * 1024 * 1024

export async function readImport(file: File | null, pasted: string | undefined): Promise<Result<ParsedDocument>> {
  let source = pasted ?? ''
  if (file) {
    if (file.size > MAX_BYTES) return invalid([{ path: 'file', code: 'negotiation.fileTooLarge', values: { max: 10 } }])
    const bytes = Buffer.from(await file.arrayBuffer())
    const type = await fileTypeFromBuffer(bytes)
    if (type?.ext === 'docx') {
      // a hostile file (a DOCTYPE, a zip bomb, a parser trap) is refused, never a 500 or a stall
      const read = await docxText(bytes)
      if (!read.ok) return invalid([{ path: 'file', code: 'validation.fileUnreadable' }])
      source = read.text
    } else if (!type && /\.(txt|md)$/i.test(file.name)) source = bytes.toString('utf8')
    else return invalid([{ path: 'file', code: 'negotiation.fileWrongType', values: { name: file.name } }])
  }
  if (!source.trim()) return invalid([{ path: 'text', code: 'validation.required' }])
  const parsed = parseUnText(source)
  if (parsed.paragraphs.length === 0) return invalid([{ path: 'text', code: 'negotiation.nothingRecognised' }])
  return ok(parsed)
}
