// XML read by an independent tool: xmllint (Debian libxml2-utils) answers XPath queries and
// validates against a schema, on a copy written to a temporary file.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

function fileOf(xml: string | Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ecp-xml-')), 'file.xml')
  writeFileSync(file, xml)
  return file
}

function xmllint(args: string[]) {
  const run = spawnSync('xmllint', args, { encoding: 'utf8' })
  if (run.error) throw new Error(`xmllint (Debian libxml2-utils) must be installed: ${run.error.message}`)
  return run
}

/** The string value of an XPath 1.0 expression; use local-name() to reach namespaced elements. */
export function xpath(xml: string | Uint8Array, expression: string): string {
  const run = xmllint(['--xpath', expression, fileOf(xml)])
  if (run.status !== 0 && run.status !== 10) throw new Error(`xmllint --xpath failed: ${run.stderr}`)
  return run.stdout.trim()
}

/** Elements by local name, for XPath without namespace prefixes: el('p') -> *[local-name()='p']. */
export const el = (name: string) => `*[local-name()='${name}']`

/** xmllint's verdict on the file against an XSD: `ok` and, when not, its messages. */
export function validateXsd(xml: string, schema: string): { ok: boolean; messages: string } {
  const run = xmllint(['--noout', '--schema', schema, fileOf(xml)])
  return { ok: run.status === 0 && run.stderr.includes('validates'), messages: run.stderr }
}
