import { describe, expect, it } from 'vitest'
import { checkLibraryFile } from './files.ts'

const pdf = new TextEncoder().encode('%PDF-1.4\n%%EOF\n')

describe('library files', () => {
  it('accepts a PDF by its content whatever its name, and UTF-8 CSV by its name', async () => {
    expect(await checkLibraryFile('paper.bin', pdf, 1000)).toMatchObject({ ok: true, extension: 'pdf' })
    expect(await checkLibraryFile('data.csv', new TextEncoder().encode('a,b\n1,2\n'), 1000)).toMatchObject({
      ok: true,
      mediaType: 'text/csv',
    })
  })

  it('refuses other types, bytes that are not UTF-8 in a CSV, empty and oversized files', async () => {
    expect(await checkLibraryFile('page.html', new TextEncoder().encode('<html>'), 1000)).toEqual({
      ok: false,
      code: 'knowledge.fileWrongType',
    })
    expect(await checkLibraryFile('data.csv', new Uint8Array([0xff, 0xfe, 0x00]), 1000)).toEqual({
      ok: false,
      code: 'knowledge.fileWrongType',
    })
    expect(await checkLibraryFile('x.pdf', new Uint8Array(), 1000)).toEqual({ ok: false, code: 'knowledge.fileEmpty' })
    expect(await checkLibraryFile('x.pdf', pdf, 4)).toEqual({ ok: false, code: 'knowledge.fileTooLarge' })
  })
})
