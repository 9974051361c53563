import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { type CsvRecord, csvRecords } from './csv.ts'

async function read(text: string, chunk = 3): Promise<CsvRecord[]> {
  const bytes = Buffer.from(text)
  const pieces = Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) =>
    bytes.subarray(i * chunk, (i + 1) * chunk),
  )
  const out: CsvRecord[] = []
  for await (const r of csvRecords(Readable.from(pieces))) out.push(r)
  return out
}

describe('reading CSV records', () => {
  it('keeps quoted commas, doubled quotes and newlines, whatever the chunks, with the line each record ends on', async () => {
    expect(await read('\uFEFFa,b\r\n1,"x ""y"", z"\r\n\r\n2,"two\nlines"\n3,é\n')).toEqual([
      { line: 1, record: ['a', 'b'] },
      { line: 2, record: ['1', 'x "y", z'] },
      { line: 5, record: ['2', 'two\nlines'] },
      { line: 6, record: ['3', 'é'] },
    ])
  })

  it('takes a last record without its newline, and empty fields', async () => {
    expect(await read('a,b,c\n,,\n1,"",3', 1000)).toEqual([
      { line: 1, record: ['a', 'b', 'c'] },
      { line: 2, record: ['', '', ''] },
      { line: 3, record: ['1', '', '3'] },
    ])
  })

  it('stops with an error at a quote inside a field, text after a closing quote or a quote left open', async () => {
    for (const bad of ['a,b\n1,x"y\n2,z\n', 'a,b\n1,"x"y\n2,z\n', 'a,b\n1,"open\n2,z\n']) {
      const records = await read(bad)
      expect(records).toHaveLength(2)
      expect(records[1]).toMatchObject({ line: 2, error: expect.stringContaining('line 2') })
    }
  })
})
