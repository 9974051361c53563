// A deadline's warning: the notice the scheduled check makes once its window opens (a call
// closing in 3 days, 24 hours left in a silence procedure).
import type { DeadlineKind } from '../tables.ts'
import { NEGOTIATION, type NoticeEvent } from './events.ts'
import { num, str } from './payload.ts'

/** A deadline's warning: the notice the scheduled check makes when the window opens. */
export function warningFor(deadline: {
  kind: DeadlineKind
  ref: string
  dueAt: Date
  facts: Record<string, unknown>
}): NoticeEvent | null {
  const f = deadline.facts
  if (deadline.kind === 'call') {
    const processId = num(f.processId)
    if (!processId) return null
    return {
      kind: 'call_closing',
      sourceKey: `call-closing:${deadline.ref}:${deadline.dueAt.toISOString()}`,
      place: { type: 'process', processId },
      audience: [{ type: 'followers' }],
      href: `/calls/${deadline.ref}/contribute`,
      values: { call: str(f.title) },
      dueAt: deadline.dueAt,
    }
  }
  if (deadline.kind === 'silence') {
    const documentId = num(f.documentId)
    if (!documentId) return null
    return {
      kind: 'silence_24h',
      sourceKey: `silence-24h:${deadline.ref}`,
      place: { type: 'document', documentId },
      audience: NEGOTIATION,
      href: `/negotiation/${documentId}`,
      values: { count: num(f.count) ?? 0 },
      dueAt: deadline.dueAt,
    }
  }
  // an annual report's reminders come from the annual-reports module (annual_report.reminder_sent)
  return null
}
