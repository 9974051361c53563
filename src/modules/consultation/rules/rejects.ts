// The rejects file of an import: each refused record's line and reason, then its fields as read.
import { Utf8Text } from '../../../core/formats/utf8-text.ts'

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

/** Every string within `value` with its NUL characters shown as U+FFFD (PostgreSQL text and jsonb cannot hold NUL). */
function withoutNul(value: unknown): unknown {
  // a CSV's text read as bytes: its string
  if (value instanceof Utf8Text) return withoutNul(value.toString())
  if (typeof value === 'string') return value.replaceAll('\u0000', '\uFFFD')
  if (Array.isArray(value)) return value.map(withoutNul)
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [withoutNul(k), withoutNul(v)]))
  return value
}

/**
 * A refused record as it can be stored: a record refused for holding a NUL (or any parse error
 * quoting one) keeps the rest of what it said, the NUL shown as U+FFFD, so storing the reject
 * cannot fail the batch that carries the valid records beside it.
 */
export function storableReject<R extends { externalId: string | null; record: unknown }>(reject: R): R {
  return {
    ...reject,
    externalId: reject.externalId === null ? null : (withoutNul(reject.externalId) as string),
    record: withoutNul(reject.record),
  }
}
