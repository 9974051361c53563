// The attendance form's fields as the API's input: one row per delegation ("KEN" or "org-12"),
// its mode (blank: absent) and its representatives in person and remote, one per line
// ("Name, function"). A delegation with people but no mode takes part in person if anyone does.
import type { AttendanceMode } from '../tables.ts'

interface Person {
  name: string
  function?: string
  mode: AttendanceMode
}

function people(text: unknown, mode: AttendanceMode): Person[] {
  if (typeof text !== 'string') return []
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const comma = line.indexOf(',')
      const name = (comma < 0 ? line : line.slice(0, comma)).trim()
      const fn = comma < 0 ? '' : line.slice(comma + 1).trim()
      return fn ? { name, function: fn, mode } : { name, mode }
    })
}

export function attendanceFromForm(entry: unknown): { entries: unknown[] } {
  if (typeof entry !== 'object' || entry === null) return { entries: [] }
  const entries: unknown[] = []
  for (const [key, raw] of Object.entries(entry as Record<string, unknown>)) {
    if (typeof raw !== 'object' || raw === null) continue
    const row = raw as { mode?: unknown; inPerson?: unknown; remote?: unknown }
    const representatives = [...people(row.inPerson, 'in_person'), ...people(row.remote, 'remote')]
    const mode =
      row.mode === 'in_person' || row.mode === 'remote'
        ? row.mode
        : representatives.length === 0
          ? null
          : representatives.some((p) => p.mode === 'in_person')
            ? 'in_person'
            : 'remote'
    if (!mode) continue
    const org = /^org-(\d{1,10})$/.exec(key)
    const target = org ? { organizationId: org[1] } : { memberStateIso3: key }
    entries.push({ ...target, mode, representatives })
  }
  return { entries }
}
