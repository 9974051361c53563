// Attachments are recognised by their content, never their name, and kept under the size limit;
// the name sent back is safe in a header and carries the content's extension.
import { describe, expect, it } from 'vitest'
import { checkAttachment, safeFileName } from './attachments.ts'

const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n')

describe('checkAttachment', () => {
  it('accepts a PDF by its magic number', async () => {
    expect(await checkAttachment(pdf, 1000)).toEqual({ ok: true, mediaType: 'application/pdf', extension: 'pdf' })
  })

  it('refuses an empty file, one over the limit, and one whose content is not an accepted type', async () => {
    expect(await checkAttachment(new Uint8Array(), 1000)).toEqual({ ok: false, code: 'contributions.attachment.empty' })
    expect(await checkAttachment(pdf, pdf.byteLength - 1)).toEqual({
      ok: false,
      code: 'contributions.attachment.tooLarge',
    })
    const html = new TextEncoder().encode('<!doctype html><title>not a pdf</title>')
    expect(await checkAttachment(html, 1000)).toEqual({ ok: false, code: 'contributions.attachment.wrongType' })
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
    expect(await checkAttachment(png, 1000)).toEqual({ ok: false, code: 'contributions.attachment.wrongType' })
  })
})

describe('safeFileName', () => {
  it('keeps letters in any script and replaces what a header or a path could misread', () => {
    expect(safeFileName('Contribution de la France.pdf', 'pdf')).toBe('Contribution de la France.pdf')
    expect(safeFileName('مساهمة.docx', 'docx')).toBe('مساهمة.docx')
    expect(safeFileName('../../etc/passwd"; x=.pdf', 'pdf')).toBe('.._.._etc_passwd_ x_.pdf')
  })

  it('uses the content’s extension, not the one in the name, and a default name when nothing is left', () => {
    expect(safeFileName('report.exe', 'pdf')).toBe('report.pdf')
    expect(safeFileName('"""', 'odt')).toBe('_.odt')
    expect(safeFileName('.pdf', 'pdf')).toBe('attachment.pdf')
    expect(safeFileName('x'.repeat(300), 'pdf')).toHaveLength(104)
  })
})
