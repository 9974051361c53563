// COPY's binary format as copy-binary.ts writes it: each value reads back as it was written, on
// each database, whether the data is one part or many.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { copyInto } from './copy.ts'
import { binaryRows } from './copy-binary.ts'

const rows = [
  {
    big: 2 ** 40 + 7,
    small: -5,
    at: Date.UTC(2026, 11, 6, 10, 30, 15, 250),
    text: 'Ouvert à tous — 开放 🌍',
    json: { a: [1, 'é'] },
    bytes: [0, 255, 7],
  },
  { big: -(2 ** 35) - 3, small: 2 ** 31 - 1, at: Date.UTC(1999, 0, 1), text: '', json: [], bytes: [] },
  { big: 0, small: 0, at: null, text: 'tab\there\nnew line \\ backslash', json: 'x', bytes: null },
  // short texts (written byte by byte when ASCII): plain, sixteen characters, one not ASCII at the end
  { big: 1, small: 1, at: null, text: 'en', json: 1, bytes: null },
  { big: 2, small: 2, at: null, text: 'sixteen chars ok', json: 2, bytes: null },
  { big: 3, small: 3, at: null, text: 'fifteen chars é', json: 3, bytes: null },
  { big: 4, small: 4, at: null, text: '短', json: 4, bytes: null },
  // a text given as UTF-8 bytes within a larger buffer (utf8)
  { big: 5, small: 5, at: null, text: 'مساهمة, as bytes', json: 5, bytes: null, utf8: true },
]

describe.each(DATABASE_KINDS)('rows in COPY binary format on %s', (kind) => {
  let runtime: TestRuntime
  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
  }, 120_000)
  afterAll(() => runtime.close())

  it.each([1 << 21, 8])('read back as written (parts of %i bytes)', async (partBytes) => {
    const db = runtime.deps.db
    await sql`create table if not exists binary_copy (big bigint, small integer, at timestamptz, text text, json jsonb, bytes bytea)`.execute(
      db,
    )
    await sql`truncate binary_copy`.execute(db)
    const data = binaryRows(
      rows.length,
      (w, i) => {
        const r = rows[i] as (typeof rows)[number]
        w.row(6).int8(r.big).int4(r.small)
        if (r.at === null) w.null()
        else w.timestamptz(r.at)
        if ('utf8' in r) {
          const around = Buffer.from(`<${r.text}>`)
          w.utf8(around, 1, around.length - 1)
        } else w.text(r.text)
        w.jsonb(JSON.stringify(r.json))
        if (r.bytes === null) w.null()
        else w.bytea(Uint8Array.from(r.bytes))
      },
      partBytes,
    )
    await copyInto(db, 'binary_copy', ['big', 'small', 'at', 'text', 'json', 'bytes'], data)
    const back = await sql<{
      big: string
      small: number
      at: Date | null
      text: string
      json: unknown
      bytes: Uint8Array | null
    }>`
      select big::text as big, small, at, text, json, bytes from binary_copy order by small`.execute(db)
    expect(
      back.rows.map((r) => ({
        big: Number(r.big),
        small: r.small,
        at: r.at === null ? null : new Date(r.at).getTime(),
        text: r.text,
        json: r.json,
        bytes: r.bytes === null ? null : [...r.bytes],
      })),
    ).toEqual(
      [...rows]
        .sort((a, b) => a.small - b.small)
        .map((r) => ({ big: r.big, small: r.small, at: r.at, text: r.text, json: r.json, bytes: r.bytes })),
    )
  })
})
