// Word files read as outside tools read them: the package unzipped (fflate), its parts queried with
// XPath by xmllint, and, where LibreOffice is installed, the document converted to text by
// `soffice --headless`, which is what a delegate opening the file would see.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync } from 'fflate'

/** One part of a .docx ("word/document.xml", "word/styles.xml", ...), or undefined when absent. */
export function docxPart(bytes: ArrayBuffer | Uint8Array, part: string): Uint8Array | undefined {
  return unzipSync(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes))[part]
}

/** All parts' names. */
export function docxParts(bytes: ArrayBuffer | Uint8Array): string[] {
  return Object.keys(unzipSync(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)))
}

/** The LibreOffice binary, or null with why it is missing (the tests say so when they skip). */
export function soffice(): string | null {
  for (const bin of ['soffice', 'libreoffice']) {
    const found = spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' })
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim()
  }
  return null
}

/** The document as LibreOffice renders it to plain text (numbering and fields included). */
export function docxToText(bytes: ArrayBuffer | Uint8Array, bin: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ecp-docx-'))
  const file = join(dir, 'file.docx')
  writeFileSync(file, bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes))
  // a profile of its own, so runs in parallel do not share LibreOffice's lock
  const run = spawnSync(
    bin,
    [
      `-env:UserInstallation=file://${dir}/profile`,
      '--headless',
      '--convert-to',
      'txt:Text (encoded):UTF8',
      '--outdir',
      dir,
      file,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  )
  if (run.status !== 0) throw new Error(`soffice failed: ${run.stderr}`)
  return readFileSync(join(dir, 'file.txt'), 'utf8')
}
