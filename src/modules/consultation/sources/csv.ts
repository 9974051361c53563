// CSV (RFC 4180) read record by record, with the line each record ends on: quoted fields keep
// their commas, quotes ("") and newlines; CRLF or LF ends a record; a byte order mark and empty
// lines are skipped; a quote inside an unquoted field, text after a closing quote or a quote left
// open ends the reading with an error. Written for speed (a million records of a bulk import):
// csv-parse took about as long as PostgreSQL's COPY of the same file, this a fraction of it. It
// reads the bytes, not a decoded string: every character that shapes a record (quote, comma, CR,
// LF) is one ASCII byte that no UTF-8 sequence contains, so the records are found in the bytes,
// then each field is decoded alone (the same text: a decoder ends a bad sequence at an ASCII byte
// either way), and one column (an import's long texts) may be kept as its bytes (Utf8Text).

import { isUtf8 } from 'node:buffer'
import type { Readable } from 'node:stream'
import { Utf8Text } from '../../../core/formats/utf8-text.ts'

export type CsvField = string | Utf8Text
export type CsvRecord = { line: number; record: CsvField[] } | { line: number; error: string }

type Parsed = { fields: CsvField[]; end: number; newlines: number } | { error: string } | null

const QUOTE = 34
const COMMA = 44
const LF = 10
const CR = 13
const BOM = [0xef, 0xbb, 0xbf]
/** bytes of a field read one by one before its end is searched */
const SHORT = 32

/**
 * Where the next quote, line feed and comma of a piece are, from a position on (-1: none to its
 * end; -2: not searched yet): kept across the piece's records, as a search per field would read on
 * to the piece's end (no quote) or the record's (no line feed) each time.
 */
type Ahead = { quote: number; lf: number; comma: number }

/**
 * A piece of the file and what is known of it: bytes before `validTo` are valid UTF-8 (whole
 * records: it ends after a line feed), and whether it holds a NUL at all; `keep` is the column
 * kept as bytes (-1: none).
 */
type Piece = { b: Buffer; validTo: number; nul: boolean; keep: number; ahead: Ahead }

// a field whose bytes are not known valid is decoded as the reader before decoded the whole file
// (bad bytes become U+FFFD; ignoreBOM: a field's leading U+FEFF is kept, as it was)
const decoder = new TextDecoder('utf-8', { ignoreBOM: true })

/** The first `c` at or after `i` in `b`, from `known` (a position searched before, or -1) when it still holds. */
function nextOf(b: Buffer, c: number, i: number, known: number): number {
  return known === -1 || known >= i ? known : b.indexOf(c, i)
}

function newlinesIn(b: Uint8Array, from: number, to: number): number {
  let n = 0
  for (let i = b.indexOf(LF, from); i !== -1 && i < to; i = b.indexOf(LF, i + 1)) n++
  return n
}

/** Field `column`'s bytes `b[s, e)` as the record keeps them. */
function field(p: Piece, b: Buffer, s: number, e: number, column: number): CsvField {
  if (s === e) return ''
  const valid = e <= p.validTo || isUtf8(b.subarray(s, e))
  if (column === p.keep && valid) return new Utf8Text(b, s, e, p.nul ? undefined : false)
  return valid ? b.toString('utf8', s, e) : decoder.decode(b.subarray(s, e))
}

/** A quoted field's bytes without its doubled quotes: `parts` are the spans between them. */
function unquoted(p: Piece, b: Buffer, parts: number[], column: number): CsvField {
  if (parts.length === 2) return field(p, b, parts[0] as number, parts[1] as number, column)
  const spans: Buffer[] = []
  for (let k = 0; k < parts.length; k += 2) spans.push(b.subarray(parts[k], parts[k + 1]))
  const joined = Buffer.concat(spans)
  const within = (parts[parts.length - 1] as number) <= p.validTo
  return field({ ...p, validTo: within ? joined.length : 0 }, joined, 0, joined.length, column)
}

/** One record from `start`; null when the piece ends before it does and more may come. */
function parseRecord(p: Piece, start: number, atEnd: boolean): Parsed {
  const { b, ahead } = p
  const fields: CsvField[] = []
  const n = b.length
  let newlines = 0
  let i = start
  for (;;) {
    if (i < n && b[i] === QUOTE) {
      // the spans of the value between doubled quotes, each a quote shorter ("" is one ")
      const parts: number[] = []
      let j = i + 1
      for (;;) {
        const q = b.indexOf(QUOTE, j)
        if (q === -1 || (q + 1 >= n && !atEnd)) return atEnd ? { error: 'a quoted field is not closed' } : null
        if (b[q + 1] === QUOTE) {
          parts.push(j, q + 1)
          j = q + 2
          continue
        }
        parts.push(j, q)
        newlines += newlinesIn(b, i + 1, q)
        i = q + 1
        break
      }
      fields.push(unquoted(p, b, parts, fields.length))
      if (i >= n) return atEnd ? { fields, end: i, newlines } : null
      const c = b[i]
      if (c === COMMA) {
        i++
        continue
      }
      if (c === LF) return { fields, end: i + 1, newlines }
      if (c === CR) {
        if (i + 1 >= n && !atEnd) return null
        if (b[i + 1] === LF) return { fields, end: i + 2, newlines }
      }
      return { error: 'text follows a closing quote' }
    }
    // the field ends at the first comma, line feed or quote: looked for byte by byte over a short
    // field's first bytes (a call to indexOf costs more than reading an id or a date), then
    // searched (indexOf reads a long text many times faster), the quote and line feed kept for later fields
    let j = i
    for (const short = Math.min(n, i + SHORT); j < short; j++) {
      const c = b[j]
      if (c === COMMA || c === LF || c === QUOTE) break
    }
    if (j === i + SHORT) {
      ahead.quote = nextOf(b, QUOTE, j, ahead.quote)
      ahead.lf = nextOf(b, LF, j, ahead.lf)
      ahead.comma = nextOf(b, COMMA, j, ahead.comma)
      j = n
      if (ahead.comma !== -1) j = ahead.comma
      if (ahead.lf !== -1 && ahead.lf < j) j = ahead.lf
      if (ahead.quote !== -1 && ahead.quote < j) j = ahead.quote
    }
    if (j < n && b[j] === QUOTE) return { error: 'a quote inside a field that is not quoted' }
    if (j >= n && !atEnd) return null
    fields.push(field(p, b, i, j < n && j > i && b[j - 1] === CR ? j - 1 : j, fields.length))
    if (j >= n) return { fields, end: j, newlines }
    if (b[j] === COMMA) {
      i = j + 1
      continue
    }
    return { fields, end: j + 1, newlines }
  }
}

/** The records of a CSV stream (the header is the first), each with the line it ends on. */
export async function* csvRecords(input: Readable): AsyncGenerator<CsvRecord> {
  for await (const records of csvRecordChunks(input)) yield* records
}

const isBomStart = (b: Buffer) => b.every((x, k) => x === BOM[k])

/**
 * The same records, those each piece of the stream completes together: a million records cost
 * a million steps of each generator otherwise, which a bulk import felt. `keep` names, from the
 * first record (the header), the column whose valid UTF-8 values stay bytes (Utf8Text; -1: none).
 */
export async function* csvRecordChunks(
  input: Readable,
  keep: (header: CsvField[]) => number = () => -1,
): AsyncGenerator<CsvRecord[]> {
  let rest: Buffer = Buffer.alloc(0)
  let line = 1
  let first = true
  let kept = -1
  let header = true
  const chunks = input[Symbol.asyncIterator]()
  for (let atEnd = false; ; ) {
    const next = await chunks.next()
    if (next.done) atEnd = true
    const chunk: Buffer = next.done
      ? Buffer.alloc(0)
      : typeof next.value === 'string'
        ? Buffer.from(next.value)
        : Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength)
    let b = rest.length === 0 ? chunk : Buffer.concat([rest, chunk])
    if (first) {
      // a byte order mark cut by the chunk is waited for, as a decoder waits for a whole character
      if (b.length < 3 && !atEnd && isBomStart(b)) {
        rest = b
        continue
      }
      if (b.length >= 3 && isBomStart(b.subarray(0, 3))) b = b.subarray(3)
      first = false
    }
    // whole records: up to the last line feed, checked as UTF-8 and for NUL once for all their fields
    const cut = b.lastIndexOf(LF) + 1
    const p: Piece = {
      b,
      validTo: cut > 0 && isUtf8(b.subarray(0, cut)) ? cut : 0,
      nul: b.indexOf(0) !== -1,
      keep: kept,
      ahead: { quote: -2, lf: -2, comma: -2 },
    }
    const records: CsvRecord[] = []
    let pos = 0
    while (pos < b.length) {
      const parsed = parseRecord(p, pos, atEnd)
      if (parsed === null) break
      if ('error' in parsed) {
        records.push({ line, error: `${parsed.error} (line ${line})` })
        yield records
        return
      }
      const at = line + parsed.newlines
      const ended = parsed.end > 0 && b[parsed.end - 1] === LF
      line = ended ? at + 1 : at
      pos = parsed.end
      if (parsed.fields.length === 1 && parsed.fields[0] === '') continue
      records.push({ line: at, record: parsed.fields })
      if (header) {
        header = false
        p.keep = kept = keep(parsed.fields)
      }
    }
    if (records.length > 0) yield records
    rest = b.subarray(pos)
    if (atEnd) return
  }
}
