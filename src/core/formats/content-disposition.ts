// The Content-Disposition header of every download, built by the `content-disposition` package
// (RFC 6266, with RFC 8187 / 5987 `filename*` for names beyond ISO-8859-1), so a title in Arabic
// or Chinese reaches the browser intact and older clients get a readable ASCII name.
import { create } from 'content-disposition'

/** Path separators and control characters have no place in a file name (a CR or LF would split the header). */
const UNSAFE = /[\p{Cc}/\\]+/gu

/**
 * The ASCII name for clients that ignore `filename*`: accents dropped ("Résumé" -> "Resume"), other
 * scripts replaced by "_", the extension kept.
 */
export function asciiFileName(name: string): string {
  const folded = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\x20-\x7e]+/g, '_')
    .replace(/_+/g, '_')
  return /[A-Za-z0-9]/.test(folded.replace(/\.[A-Za-z0-9]+$/, ''))
    ? folded
    : `download${name.match(/\.[A-Za-z0-9]+$/)?.[0] ?? ''}`
}

/**
 * `attachment; filename="..."; filename*=UTF-8''...` for a download named `fileName`.
 * @example contentDisposition('مقارنة.docx') // attachment; filename="download.docx"; filename*=UTF-8''%D9%85...
 */
export function contentDisposition(fileName: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const name = fileName.replace(UNSAFE, '_').trim() || 'download'
  const fallback = asciiFileName(name)
  return create(name, { type, fallback: fallback === name ? false : fallback })
}
