// A Word file read safely: its text comes back; a DOCTYPE, a zip bomb or bytes that are no zip
// are refused with a reason, quickly, and never throw.
import { Document, Packer, Paragraph } from 'docx'
import { unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { DOCX_MAX_UNCOMPRESSED_BYTES, docxText } from './docx-text.ts'

async function wordFile(text: string): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(text)] }] }))
}

function rezip(bytes: Buffer, change: (files: Record<string, Uint8Array>) => void): Buffer {
  const files = unzipSync(new Uint8Array(bytes))
  change(files)
  return Buffer.from(zipSync(files, { level: 9 }))
}

describe('reading a Word file', () => {
  it('gives the text of an ordinary file', async () => {
    const read = await docxText(await wordFile('1. Welcomes the report of the Working Group.'))
    expect(read).toEqual({ ok: true, text: expect.stringContaining('Welcomes the report') })
  })

  it('refuses a file whose XML carries a DOCTYPE', async () => {
    const hostile = rezip(await wordFile('text'), (files) => {
      const xml = new TextDecoder().decode(files['word/document.xml'])
      const doctype = '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
      files['word/document.xml'] = new TextEncoder().encode(xml.replace('?>', `?>${doctype}`))
    })
    expect(await docxText(hostile)).toEqual({ ok: false, reason: 'unreadable' })
  })

  it('refuses a small file that would inflate beyond the limit, without inflating it', async () => {
    const bomb = rezip(await wordFile('text'), (files) => {
      files['word/media/padding.bin'] = new Uint8Array(DOCX_MAX_UNCOMPRESSED_BYTES + 1)
    })
    expect(bomb.length).toBeLessThan(200_000)
    const started = Date.now()
    expect(await docxText(bomb)).toEqual({ ok: false, reason: 'too_large' })
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('refuses bytes that are not a zip, and a zip that is not a Word file', async () => {
    expect(await docxText(Buffer.from('PK\u0003\u0004 not really'))).toEqual({ ok: false, reason: 'unreadable' })
    const notWord = Buffer.from(zipSync({ 'hello.txt': new TextEncoder().encode('hi') }))
    expect((await docxText(notWord)).ok).toBe(false)
  })
})
