// Reading downloads as outside tools do: the file name a browser takes from Content-Disposition
// (RFC 6266 section 4.3 and RFC 8187, written here independently of the package that builds it),
// and CSV parsed by csv-parse.
import { parse } from 'csv-parse/sync'

/** `filename*` (UTF-8, percent-encoded) wins over `filename`, as browsers read it. */
export function fileNameOf(header: string | null): { type: string; fileName: string; fallback: string | null } {
  const value = header ?? ''
  const type = value.split(';')[0]?.trim() ?? ''
  const extended = /;\s*filename\*=UTF-8''([^;\s]+)/i.exec(value)?.[1]
  const quoted = /;\s*filename="((?:[^"\\]|\\.)*)"/.exec(value)?.[1]?.replace(/\\(.)/g, '$1')
  const token = /;\s*filename=([^";\s]+)/.exec(value)?.[1]
  const fallback = quoted ?? token ?? null
  return { type, fileName: extended ? decodeURIComponent(extended) : (fallback ?? ''), fallback }
}

/** A CSV file's rows as objects keyed by its header. */
export function csvRows(text: string): Record<string, string>[] {
  return parse(text, { columns: true, bom: true }) as Record<string, string>[]
}

/** The cells a spreadsheet would run as a formula (OWASP CSV injection); numbers are not formulas. */
export function formulaCells(rows: readonly Record<string, string>[]): string[] {
  return rows.flatMap((row) =>
    Object.values(row).filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell)),
  )
}
