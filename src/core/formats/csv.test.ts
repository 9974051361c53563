import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { neutralizeCell, toCsv } from './csv.ts'

describe('CSV cells', () => {
  it('neutralizes every cell a spreadsheet would run as a formula (OWASP)', () => {
    for (const formula of ['=HYPERLINK("https://evil.example","click")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(neutralizeCell(formula)).toBe(`'${formula}`)
    }
  })

  it('leaves ordinary text, numbers, booleans and dates as they are', () => {
    expect(neutralizeCell('Brazil')).toBe('Brazil')
    expect(neutralizeCell('a=b')).toBe('a=b')
    expect(neutralizeCell(-3)).toBe('-3')
    expect(neutralizeCell(true)).toBe('true')
    expect(neutralizeCell(false)).toBe('false')
    expect(neutralizeCell(null)).toBe('')
    expect(neutralizeCell(new Date('2026-01-02T03:04:05Z'))).toBe('2026-01-02T03:04:05.000Z')
  })

  it('writes RFC 4180 CSV that a CSV reader reads back cell for cell', () => {
    const rows = [
      { name: '=HYPERLINK("https://evil.example","x")', note: 'line one\nline "two", three', n: 2 },
      { name: 'الأمم المتحدة', note: '联合国', n: -1 },
    ]
    const back = parse(toCsv(rows), { columns: true }) as Record<string, string>[]
    expect(back).toEqual([
      { name: `'=HYPERLINK("https://evil.example","x")`, note: 'line one\nline "two", three', n: '2' },
      { name: 'الأمم المتحدة', note: '联合国', n: '-1' },
    ])
  })

  it('writes the header of an empty table', () => {
    expect(toCsv([], ['a', 'b'])).toBe('a,b\n')
  })
})
