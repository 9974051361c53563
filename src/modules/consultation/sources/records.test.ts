import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { Utf8Text } from '../../../core/formats/utf8-text.ts'
import { formatOf, readRecords, type SourceRecord } from './records.ts'

async function read(format: 'csv' | 'jsonl' | 'mbox', bytes: Buffer, language: string | null = null) {
  const out: SourceRecord[] = []
  for await (const r of readRecords(format, Readable.from([bytes]), language)) out.push(r)
  return out
}

const asString = (v: unknown) => (v instanceof Utf8Text ? String(v) : v)

/** The records, a text kept as bytes (Utf8Text) given as its string. */
async function all(format: 'csv' | 'jsonl' | 'mbox', text: string, language: string | null = null) {
  return (await read(format, Buffer.from(text), language)).map((r) =>
    'fields' in r
      ? { ...r, fields: Object.fromEntries(Object.entries(r.fields).map(([k, v]) => [k, asString(v)])) }
      : r,
  )
}

const HEADER = 'external_id,submitted_at,speaker_kind,speaker_name,organization,country,language,question,text'

describe('reading CSV', () => {
  it('gives each record with its line (the last of a record over several), quoted newlines and commas kept', async () => {
    const records = await all(
      'csv',
      `\uFEFF${HEADER}\nA1,2026-11-02T10:00:00Z,individual,Ana,,BRA,es,1,"Hola, mundo"\nA2,2026-11-02T10:01:00Z,individual,Bo,,,en,,"two\nlines"\nA3,2026-11-02,individual,Cy,,,en,1,third\n`,
    )
    expect(records).toEqual([
      { line: 2, fields: expect.objectContaining({ external_id: 'A1', text: 'Hola, mundo', country: 'BRA' }) },
      { line: 4, fields: expect.objectContaining({ external_id: 'A2', text: 'two\nlines' }) },
      { line: 5, fields: expect.objectContaining({ external_id: 'A3', text: 'third' }) },
    ])
  })

  it("keeps a text column's UTF-8 as the bytes read, and a text with bytes that are not UTF-8 as a string with U+FFFD", async () => {
    const file = Buffer.concat([
      Buffer.from(
        `${HEADER}\nA1,2026-11-02,individual,Ana,,,ar,1,"مساهمة, ""نص"""\nA2,2026-11-02,individual,Bo,,,en,1,bad `,
      ),
      Buffer.from([0xe2, 0x82]),
      Buffer.from(' end\n'),
    ])
    const [first, second] = await read('csv', file)
    const text = (r: SourceRecord | undefined) => (r && 'fields' in r ? r.fields.text : undefined)
    expect(text(first)).toBeInstanceOf(Utf8Text)
    expect(String(text(first))).toBe('مساهمة, "نص"')
    expect(text(second)).toBe('bad \ufffd end')
  })

  it('refuses a row with the wrong number of fields, and goes on', async () => {
    const records = await all(
      'csv',
      `${HEADER}\nA1,2026-11-02,individual,Ana,,,en,1,ok,extra\nA2,2026-11-02,individual,Bo,,,en,1,fine\n`,
    )
    expect(records[0]).toMatchObject({ line: 2, error: 'the row has more or fewer fields than the header' })
    expect(records[1]).toMatchObject({ line: 3, fields: { external_id: 'A2' } })
  })

  it('refuses a file whose header lacks a column', async () => {
    const records = await all('csv', 'external_id,text\nA1,hello\n')
    expect(records).toEqual([{ line: 1, error: expect.stringContaining('submitted_at') }])
  })

  it('says where an unreadable CSV stops', async () => {
    const records = await all('csv', `${HEADER}\nA1,2026-11-02,individual,Ana,,,en,1,"unclosed\n`)
    expect(records.at(-1)).toMatchObject({ error: expect.stringContaining('cannot be read') })
  })
})

describe('reading JSON Lines', () => {
  it('takes snake_case or camelCase names, and refuses lines that are not objects', async () => {
    const records = await all(
      'jsonl',
      '{"external_id":"J1","text":"a"}\n\n{"externalId":"J2","submittedAt":"2026-11-02"}\n[1]\nnot json\n',
    )
    expect(records[0]).toMatchObject({ line: 1, fields: { external_id: 'J1' } })
    expect(records[1]).toMatchObject({ line: 3, fields: { external_id: 'J2', submitted_at: '2026-11-02' } })
    expect(records[2]).toMatchObject({ line: 4, error: 'the line is not a JSON object' })
    expect(records[3]).toMatchObject({ line: 5, error: 'the line is not JSON' })
  })
})

describe('reading an mbox', () => {
  const mbox = [
    'From ana@example.org Mon Nov  2 10:00:00 2026',
    'From: Ana Souza <ana@example.org>',
    'Message-ID: <m1@example.org>',
    'Date: Mon, 02 Nov 2026 10:00:00 +0000',
    'Content-Language: pt-BR',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    'Acesso =C3=A0 Internet para todos.',
    '>From the heart.',
    '',
    'From bo@example.org Mon Nov  2 10:05:00 2026',
    'From: bo@example.org',
    'Message-ID: <m2@example.org>',
    'Date: Mon, 02 Nov 2026 10:05:00 +0000',
    'Content-Language: fr',
    'X-ECP-Question: 2',
    '',
    'Un Internet ouvert.',
    '',
  ].join('\n')

  it('gives one record per message: id, date, sender, language, question, decoded text', async () => {
    const records = await all('mbox', mbox, 'en')
    expect(records).toHaveLength(2)
    expect(records[0]).toMatchObject({
      line: 1,
      fields: {
        external_id: 'm1@example.org',
        submitted_at: '2026-11-02T10:00:00.000Z',
        speaker_name: 'Ana Souza',
        language: 'en',
      },
    })
    expect((records[0] as unknown as { fields: { text: string } }).fields.text).toContain(
      'Acesso à Internet para todos.\nFrom the heart.',
    )
    expect(records[1]).toMatchObject({
      line: 12,
      fields: { external_id: 'm2@example.org', speaker_name: 'bo@example.org', language: 'fr', question: '2' },
    })
  })
})

describe('formats', () => {
  it('are told by the file name', () => {
    expect(formatOf('x.CSV')).toBe('csv')
    expect(formatOf('x.ndjson')).toBe('jsonl')
    expect(formatOf('mail.mbox')).toBe('mbox')
    expect(formatOf('x.xlsx')).toBeNull()
  })
})
