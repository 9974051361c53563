// Reading an import file record by record, whatever its format: CSV (csv.ts), JSON Lines, or
// an mbox of emails (postal-mime reads each message). Each record carries the line it starts on,
// so a rejects file and a contribution's source can name it, and an interrupted import resumes
// after the last line it committed.
import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'
import PostalMime from 'postal-mime'
import { COLUMNS, LANGUAGES } from '../rules/records.ts'
import { type CsvField, csvRecordChunks } from './csv.ts'

export const FORMATS = ['csv', 'jsonl', 'mbox'] as const
export type Format = (typeof FORMATS)[number]

const OPTIONAL_COLUMNS: readonly string[] = ['question', 'organization', 'country']

export type SourceRecord =
  | { line: number; fields: Record<string, unknown> }
  | { line: number; error: string; raw?: string }

/** The format a file name says (.csv, .jsonl or .ndjson, .mbox), or null. */
export function formatOf(fileName: string): Format | null {
  const lower = fileName.toLowerCase()
  if (lower.endsWith('.csv')) return 'csv'
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl'
  if (lower.endsWith('.mbox') || lower.endsWith('.mbx')) return 'mbox'
  return null
}

export async function* readCsv(input: Readable): AsyncGenerator<SourceRecord> {
  for await (const records of readCsvChunks(input)) yield* records
}

/** A header's column names as the import matches them. */
const columnNames = (header: CsvField[]) => header.map((h) => String(h).trim().toLowerCase())

/**
 * The records of a CSV file, those of each piece of it together (see csvRecordChunks); the text
 * column's values are kept as the bytes read (Utf8Text), to be written to the database as they are.
 */
export async function* readCsvChunks(input: Readable): AsyncGenerator<SourceRecord[]> {
  let header: string[] | null = null
  for await (const reads of csvRecordChunks(input, (h) => columnNames(h).indexOf('text'))) {
    const out: SourceRecord[] = []
    for (const read of reads) {
      if ('error' in read) {
        out.push({ line: read.line, error: `the CSV cannot be read from here on: ${read.error}` })
        yield out
        return
      }
      const { record, line } = read
      if (header === null) {
        header = columnNames(record)
        const missing = COLUMNS.filter((c) => !OPTIONAL_COLUMNS.includes(c) && !header?.includes(c))
        if (missing.length > 0) {
          out.push({ line: 1, error: `the header lacks the column(s) ${missing.join(', ')}` })
          yield out
          return
        }
        continue
      }
      const names = header
      if (record.length !== names.length)
        out.push({ line, error: 'the row has more or fewer fields than the header', raw: record.join(',') })
      else {
        const fields: Record<string, CsvField | undefined> = {}
        for (let i = 0; i < names.length; i++) fields[names[i] as string] = record[i]
        out.push({ line, fields })
      }
    }
    if (out.length > 0) yield out
  }
}

export async function* readJsonLines(input: Readable): AsyncGenerator<SourceRecord> {
  let line = 0
  for await (const raw of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    line++
    if (raw.trim() === '') continue
    let value: unknown
    try {
      value = JSON.parse(raw)
    } catch {
      yield { line, error: 'the line is not JSON', raw }
      continue
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      yield { line, error: 'the line is not a JSON object', raw }
    else {
      // the API's camelCase names are taken too
      const o = value as Record<string, unknown>
      yield {
        line,
        fields: {
          ...o,
          external_id: o.external_id ?? o.externalId,
          submitted_at: o.submitted_at ?? o.submittedAt,
          speaker_kind: o.speaker_kind ?? o.speakerKind,
          speaker_name: o.speaker_name ?? o.speakerName,
          stakeholder_group: o.stakeholder_group ?? o.stakeholderGroup,
        },
      }
    }
  }
}

/** One email as a record: Message-ID, Date, From's name, Content-Language (else the default), text. */
export async function emailRecord(
  message: string,
  line: number,
  defaultLanguage: string | null,
): Promise<SourceRecord> {
  let email: Awaited<ReturnType<typeof PostalMime.parse>>
  try {
    email = await PostalMime.parse(message)
  } catch (error) {
    return { line, error: `the message cannot be read: ${(error as Error).message}` }
  }
  const header = (name: string) => email.headers.find((h) => h.key === name)?.value?.trim() ?? ''
  const contentLanguage = header('content-language').slice(0, 2).toLowerCase()
  const language = (LANGUAGES as readonly string[]).includes(contentLanguage)
    ? contentLanguage
    : (defaultLanguage ?? '')
  const date = email.date ? new Date(email.date) : null
  const text = email.text ?? (email.html ? email.html.replace(/<[^>]*>/g, ' ') : '')
  return {
    line,
    fields: {
      external_id: (email.messageId ?? '').replace(/^<|>$/g, ''),
      submitted_at: date && !Number.isNaN(date.getTime()) ? date.toISOString() : header('date'),
      speaker_kind: 'individual',
      speaker_name: email.from?.name || email.from?.address || '',
      language,
      question: header('x-ecp-question'),
      text,
    },
  }
}

/** Messages of an mbox: each starts on a line "From " (mboxrd: ">From " in bodies is unescaped). */
export async function* readMbox(input: Readable, defaultLanguage: string | null): AsyncGenerator<SourceRecord> {
  let line = 0
  let start = 0
  let lines: string[] = []
  let previousBlank = true
  for await (const raw of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    line++
    if (raw.startsWith('From ') && previousBlank) {
      if (lines.length > 0) yield await emailRecord(lines.join('\r\n'), start, defaultLanguage)
      start = line
      lines = []
    } else if (start > 0) lines.push(/^>+From /.test(raw) ? raw.slice(1) : raw)
    previousBlank = raw.trim() === ''
  }
  if (lines.length > 0) yield await emailRecord(lines.join('\r\n'), start, defaultLanguage)
}

export function readRecords(
  format: Format,
  input: Readable,
  defaultLanguage: string | null = null,
): AsyncGenerator<SourceRecord> {
  if (format === 'csv') return readCsv(input)
  if (format === 'jsonl') return readJsonLines(input)
  return readMbox(input, defaultLanguage)
}

/** The records of a file a piece at a time (a CSV's by the piece of the stream; the others one by one). */
export async function* readRecordChunks(
  format: Format,
  input: Readable,
  defaultLanguage: string | null = null,
): AsyncGenerator<SourceRecord[]> {
  if (format === 'csv') {
    yield* readCsvChunks(input)
    return
  }
  for await (const record of readRecords(format, input, defaultLanguage)) yield [record]
}
