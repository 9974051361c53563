// Reading an audit entry's payload defensively: it is JSON written by other modules, so a value
// of the wrong type reads as absent rather than throwing.

/** A positive integer id (a number, or a string of one), else null. */
export const num = (v: unknown): number | null => {
  const n = typeof v === 'string' ? Number(v) : v
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null
}
/** A string, else the empty string. */
export const str = (v: unknown): string => (typeof v === 'string' ? v : '')
/** An instant, or a calendar date due at the end of that day (UTC), else null. */
export const date = (v: unknown): Date | null => {
  if (typeof v !== 'string' || v === '') return null
  // a bare calendar date is due at the end of that day (UTC)
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T23:59:59Z` : v)
  return Number.isNaN(d.getTime()) ? null : d
}
