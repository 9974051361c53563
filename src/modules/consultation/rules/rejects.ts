// The rejects file of an import: each refused record's line and reason, then its fields as read.

/** The rejects file: the record's line and reason, then its fields as read. */
export function rejectsCsvRows(
  rejects: { line: number; externalId: string | null; reason: string; record: unknown }[],
) {
  return rejects.map((r) => {
    const record = r.record && typeof r.record === 'object' ? (r.record as Record<string, unknown>) : { raw: r.record }
    return {
      line: r.line,
      reason: r.reason,
      ...Object.fromEntries(
        Object.entries(record).map(([k, v]) => [k, v === undefined || v === null ? '' : String(v)]),
      ),
    }
  })
}
