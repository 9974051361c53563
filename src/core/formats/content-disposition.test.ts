import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fileNameOf } from '../../../test/support/downloads.ts'
import { asciiFileName, contentDisposition } from './content-disposition.ts'

describe('Content-Disposition', () => {
  it('names an Arabic and a Chinese title with filename* and gives older clients an ASCII name', () => {
    for (const name of ['مقارنة المشروع الأولي.docx', '关于加强合作的决议草案.docx', 'Проект резолюции.docx']) {
      const header = contentDisposition(name)
      expect(header).toMatch(/^[\x20-\x7e]+$/)
      expect(header).toMatch(/^attachment; filename=/)
      expect(fileNameOf(header).fileName).toBe(name)
      expect(fileNameOf(header).fallback).toMatch(/^[\x20-\x7e]+\.docx$/)
    }
  })

  it('quotes a name with spaces instead of mangling the header', () => {
    const header = contentDisposition('compare Zero draft - Rev.1.docx')
    expect(header).toBe('attachment; filename="compare Zero draft - Rev.1.docx"')
    expect(header).not.toContain(';_')
  })

  it('keeps accents in filename* and drops them from the ASCII name', () => {
    const header = contentDisposition('Résumé "final".pdf')
    expect(fileNameOf(header).fileName).toBe('Résumé "final".pdf')
    expect(fileNameOf(header).fallback).toBe('Resume "final".pdf')
  })

  it('refuses line breaks and path separators a name could smuggle into the header', () => {
    const header = contentDisposition('report\r\nSet-Cookie: x=1/../../etc.txt')
    expect(header).not.toMatch(/[\r\n]/)
    expect(fileNameOf(header).fileName).not.toContain('/')
  })

  it('serves inline when asked', () => {
    expect(fileNameOf(contentDisposition('report.xml', 'inline'))).toMatchObject({
      type: 'inline',
      fileName: 'report.xml',
    })
  })

  it('gives a plain ASCII name for a name with no Latin letters', () => {
    expect(asciiFileName('决议.docx')).toBe('download.docx')
  })

  it('round-trips any name (control characters and slashes aside) through a reader of the RFCs', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), (name) => {
        const clean = name.replace(/[\p{Cc}/\\]+/gu, '_').trim()
        fc.pre(clean !== '')
        const header = contentDisposition(name)
        expect(header).toMatch(/^[\x20-\x7e]+$/)
        expect(fileNameOf(header).fileName).toBe(clean)
      }),
    )
  })
})
