// Wall-clock times typed in a form ("2026-12-01T17:00" in the reader's time zone) to instants, and
// back, through Temporal (the `temporal-polyfill` package, which uses the native Temporal once Node has it; it
// reads the time-zone rules from the platform's own Intl data).
import { Temporal } from 'temporal-polyfill'

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/

/**
 * The instant that a wall-clock time in `timeZone` names; null when the text is not a real local
 * date-time (or the zone is unknown). Around a clock change it follows Temporal's "compatible"
 * disambiguation, which is also RFC 5545's (3.3.5) and java.time's: a time skipped by a
 * spring-forward gap moves forward by the gap (02:30 in New York on the spring-forward day is
 * 03:30 EDT), and a time repeated by a fall-back overlap is its first occurrence, the earlier
 * instant (01:30 on the fall-back day is 01:30 EDT, not EST).
 */
export function localToInstant(text: string, timeZone: string): Date | null {
  const trimmed = text.trim()
  if (!LOCAL.test(trimmed)) return null
  try {
    const local = Temporal.PlainDateTime.from(trimmed, { overflow: 'reject' })
    const zoned = local.toZonedDateTime(timeZone, { disambiguation: 'compatible' })
    return new Date(zoned.epochMilliseconds)
  } catch {
    // an impossible date (2026-02-31) or an unknown zone
    return null
  }
}

/** The wall-clock value for a datetime-local field (to the minute). */
export function instantToLocal(instant: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDateTime()
    .toString({ smallestUnit: 'minute' })
}
