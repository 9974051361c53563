// CSV (RFC 4180) read record by record, with the line each record ends on: quoted fields keep
// their commas, quotes ("") and newlines; CRLF or LF ends a record; a byte order mark and empty
// lines are skipped; a quote inside an unquoted field, text after a closing quote or a quote left
// open ends the reading with an error. Written for speed (a million records of a bulk import):
// csv-parse took about as long as PostgreSQL's COPY of the same file, this takes a fifth of it.

import type { Readable } from 'node:stream'

export type CsvRecord = { line: number; record: string[] } | { line: number; error: string }

type Parsed = { fields: string[]; end: number; newlines: number } | { error: string } | null

const QUOTE = 34
const COMMA = 44
const LF = 10
const CR = 13

function newlinesIn(text: string): number {
  let n = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++
  return n
}

/**
 * Where the next quote, line feed and comma of a piece are, from a position on (-1: none to its
 * end; -2: not searched yet): kept across the piece's records, as a search per field would read on
 * to the piece's end (no quote) or the record's (no line feed) each time.
 */
type Ahead = { quote: number; lf: number; comma: number }

/** The first `c` at or after `i` in `s`, from `known` (a position searched before, or -1) when it still holds. */
function nextOf(s: string, c: string, i: number, known: number): number {
  return known === -1 || known >= i ? known : s.indexOf(c, i)
}

/** One record from `start`; null when `s` ends before it does and more may come. */
function parseRecord(s: string, start: number, atEnd: boolean, ahead: Ahead): Parsed {
  const fields: string[] = []
  const n = s.length
  let newlines = 0
  let i = start
  for (;;) {
    if (i < n && s.charCodeAt(i) === QUOTE) {
      let value = ''
      let j = i + 1
      for (;;) {
        const q = s.indexOf('"', j)
        if (q === -1 || (q + 1 >= n && !atEnd)) return atEnd ? { error: 'a quoted field is not closed' } : null
        if (s.charCodeAt(q + 1) === QUOTE) {
          value += s.slice(j, q + 1)
          j = q + 2
          continue
        }
        value += s.slice(j, q)
        i = q + 1
        break
      }
      newlines += newlinesIn(value)
      fields.push(value)
      if (i >= n) return atEnd ? { fields, end: i, newlines } : null
      const c = s.charCodeAt(i)
      if (c === COMMA) {
        i++
        continue
      }
      if (c === LF) return { fields, end: i + 1, newlines }
      if (c === CR) {
        if (i + 1 >= n && !atEnd) return null
        if (s.charCodeAt(i + 1) === LF) return { fields, end: i + 2, newlines }
      }
      return { error: 'text follows a closing quote' }
    }
    // the field ends at the first comma, line feed or quote: searched (indexOf reads a long text
    // many times faster than a loop over its characters), the quote and line feed kept for later fields
    ahead.quote = nextOf(s, '"', i, ahead.quote)
    ahead.lf = nextOf(s, '\n', i, ahead.lf)
    ahead.comma = nextOf(s, ',', i, ahead.comma)
    let j = n
    if (ahead.comma !== -1) j = ahead.comma
    if (ahead.lf !== -1 && ahead.lf < j) j = ahead.lf
    if (ahead.quote !== -1 && ahead.quote < j) j = ahead.quote
    if (j < n && s.charCodeAt(j) === QUOTE) return { error: 'a quote inside a field that is not quoted' }
    if (j >= n && !atEnd) return null
    const value = j < n && j > i && s.charCodeAt(j - 1) === CR ? s.slice(i, j - 1) : s.slice(i, j)
    fields.push(value)
    if (j >= n) return { fields, end: j, newlines }
    if (s.charCodeAt(j) === COMMA) {
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

/**
 * The same records, those each piece of the stream completes together: a million records cost
 * a million steps of each generator otherwise, which a bulk import felt.
 */
export async function* csvRecordChunks(input: Readable): AsyncGenerator<CsvRecord[]> {
  // TextDecoder rather than StringDecoder: the same text (a bad byte becomes U+FFFD either way), a
  // third of the CPU (a gigabyte of CSV: 2.4 s of 19.7). ignoreBOM keeps a byte order mark in the
  // text, to be skipped below once, as it was.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
  let buffer = ''
  let line = 1
  let first = true
  const chunks = input[Symbol.asyncIterator]()
  for (let atEnd = false; ; ) {
    const next = await chunks.next()
    if (next.done) {
      atEnd = true
      buffer += decoder.decode()
    } else buffer += typeof next.value === 'string' ? next.value : decoder.decode(next.value, { stream: true })
    if (first && buffer.length > 0) {
      if (buffer.charCodeAt(0) === 0xfeff) buffer = buffer.slice(1)
      first = false
    }
    const records: CsvRecord[] = []
    const ahead: Ahead = { quote: -2, lf: -2, comma: -2 }
    let pos = 0
    while (pos < buffer.length) {
      const parsed = parseRecord(buffer, pos, atEnd, ahead)
      if (parsed === null) break
      if ('error' in parsed) {
        records.push({ line, error: `${parsed.error} (line ${line})` })
        yield records
        return
      }
      const at = line + parsed.newlines
      const ended = parsed.end > 0 && buffer.charCodeAt(parsed.end - 1) === LF
      line = ended ? at + 1 : at
      pos = parsed.end
      if (!(parsed.fields.length === 1 && parsed.fields[0] === '')) records.push({ line: at, record: parsed.fields })
    }
    if (records.length > 0) yield records
    buffer = buffer.slice(pos)
    if (atEnd) return
  }
}
