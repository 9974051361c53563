import { Readable } from 'node:stream'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type CsvRecord, csvRecordChunks } from './csv.ts'
import { referenceCsvRecordChunks } from './csv-reference.ts'

// Pieces a CSV is made of, the awkward ones often: quotes, doubled quotes, commas, CR, LF, CRLF, a
// byte order mark, empty fields, Arabic, Chinese, Cyrillic and emoji (a surrogate pair, and four
// UTF-8 bytes a chunk may cut), a NUL.
const piece = fc.constantFrom(
  'a',
  'text',
  ' ',
  ',',
  '"',
  '""',
  '\n',
  '\r\n',
  '\r',
  '\uFEFF',
  'مساهمة',
  '合作',
  'Момимене',
  '😀',
  'é',
  '\u0000',
  '',
)
const raw = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''))

// well-formed CSV too (quoted where needed), so that most cases read through rather than stop at
// the first stray quote
const field = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''))
const quoted = field.map((f) => (/[",\r\n]/.test(f) || f === '' ? `"${f.replaceAll('"', '""')}"` : f))
const row = fc.array(quoted, { minLength: 1, maxLength: 4 }).map((r) => r.join(','))
const wellFormed = fc
  .tuple(fc.boolean(), fc.array(row, { maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([bom, rows, eol, last]) => `${bom ? '\uFEFF' : ''}${rows.join(eol)}${last ? eol : ''}`)

/** The bytes in chunks of the given sizes (a chunk may end inside a character, a CRLF or a quote pair). */
function chunked(bytes: Buffer, sizes: number[]): Buffer[] {
  const pieces: Buffer[] = []
  let at = 0
  for (let i = 0; at < bytes.length; i++) {
    const size = sizes.length === 0 ? bytes.length : (sizes[i % sizes.length] as number)
    pieces.push(bytes.subarray(at, at + size))
    at += size
  }
  return pieces
}

/** The records, a value kept as bytes (Utf8Text) given as its string. */
async function all(chunks: AsyncGenerator<CsvRecord[]>): Promise<CsvRecord[]> {
  const out: CsvRecord[] = []
  for await (const records of chunks)
    for (const r of records)
      out.push('record' in r ? { ...r, record: r.record.map((f) => (typeof f === 'string' ? f : String(f))) } : r)
  return out
}

describe('the CSV reader against the one it replaced', () => {
  it('reads any file, cut anywhere, into the same records, lines and errors', async () => {
    const bytes = fc.oneof(
      fc.oneof(raw, wellFormed).map((t) => Buffer.from(t)),
      // bytes that are not UTF-8 (a cut character, a stray continuation byte) become U+FFFD alike
      fc
        .tuple(wellFormed, fc.uint8Array({ maxLength: 4 }), wellFormed)
        .map(([a, b, c]) => Buffer.concat([Buffer.from(a), b, Buffer.from(c)])),
    )
    // a column (or none: -1) kept as the bytes read, as an import keeps its texts
    const keep = fc.integer({ min: -1, max: 3 })
    await fc.assert(
      fc.asyncProperty(
        bytes,
        fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 4 }),
        keep,
        async (file, sizes, k) => {
          const expected = await all(referenceCsvRecordChunks(Readable.from(chunked(file, sizes))))
          const actual = await all(csvRecordChunks(Readable.from(chunked(file, sizes)), () => k))
          expect(actual).toEqual(expected)
        },
      ),
      { numRuns: 3000 },
    )
  })
})
