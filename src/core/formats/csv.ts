// Every CSV ecp writes goes through here: cells that a spreadsheet would run as a formula are
// neutralized (OWASP "CSV Injection"), booleans are written as true/false and dates in ISO 8601.
import { stringify } from 'csv-stringify/sync'

/** A cell that starts with one of these is a formula, or becomes one, in Excel, LibreOffice and Sheets. */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * The cell as text a spreadsheet shows and does not evaluate: a leading = + - @ tab or CR gets a
 * single quote before it, as OWASP recommends. Numbers stay numbers (-3 is not a formula).
 */
export function neutralizeCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number' || typeof value === 'bigint') return String(value)
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (value instanceof Date) return value.toISOString()
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** Rows as CSV (UTF-8, header row, RFC 4180 quoting) with every cell neutralized. */
export function toCsv(rows: readonly Record<string, unknown>[], columns?: readonly string[]): string {
  const header = columns ?? Object.keys(rows[0] ?? {})
  const cells = rows.map((row) => header.map((column) => neutralizeCell(row[column])))
  return stringify(cells, { header: true, columns: [...header] })
}
