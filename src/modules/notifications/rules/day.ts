// The reader's day: the daily digest goes once it is over where the reader is.

/** The calendar day of an instant in a time zone, as YYYY-MM-DD. */
export function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at)
}
