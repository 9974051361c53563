// Wall-clock times typed in a form ("2026-12-01T17:00" in the reader's time zone) to instants,
// and back, with the platform's own Intl (no time-zone database of our own).

/** Minutes to add to UTC to get local time in `timeZone` at `instant`. */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant)
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
  return Math.round((local - Math.floor(instant.getTime() / 1000) * 1000) / 60_000)
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/

/**
 * The instant that a wall-clock time in `timeZone` names; null when the text is not a local
 * date-time. In a DST gap or overlap the earlier reading wins, as calendars do.
 */
export function localToInstant(text: string, timeZone: string): Date | null {
  const m = LOCAL.exec(text.trim())
  if (!m) return null
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[]
  const asUtc = Date.UTC(y as number, (mo as number) - 1, d, h, mi, s || 0)
  if (Number.isNaN(asUtc)) return null
  // two passes settle the offset on both sides of a transition
  let guess = asUtc - offsetMinutes(new Date(asUtc), timeZone) * 60_000
  guess = asUtc - offsetMinutes(new Date(guess), timeZone) * 60_000
  return new Date(guess)
}

/** The wall-clock value for a datetime-local field. */
export function instantToLocal(instant: Date, timeZone: string): string {
  const local = new Date(instant.getTime() + offsetMinutes(instant, timeZone) * 60_000)
  return local.toISOString().slice(0, 16)
}
