// Calendar dates as the record keeps them: "YYYY-MM-DD" in UTC, the form of SQL `date` columns,
// ISO 8601 and file names. (Dates shown to people go through i18n's formatters instead.)

/** The UTC calendar date of an instant, "YYYY-MM-DD". */
export function isoDate(instant: Date): string {
  return instant.toISOString().slice(0, 10)
}
