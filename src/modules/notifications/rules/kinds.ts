// The kinds of notice, how each is delivered until the person chooses, and how far ahead of a
// deadline the scheduled check warns. Pure data: the preferences page lists these in this order.
import type { Delivery } from '../tables.ts'

export const NOTICE_KINDS = [
  'silence_started',
  'silence_24h',
  'silence_broken',
  'silence_ended',
  'call_opened',
  'call_closing',
  'revision_issued',
  'paragraph_adopted',
  'paragraph_reopened',
  'cosponsorship_requested',
  'accreditation_decided',
  'report_issued',
  'annual_report_invitation',
  'annual_report_reminder',
] as const
export type NoticeKind = (typeof NOTICE_KINDS)[number]

export function isNoticeKind(value: string): value is NoticeKind {
  return (NOTICE_KINDS as readonly string[]).includes(value)
}

/**
 * Until a person chooses: what has a deadline close at hand or asks them to act comes at once;
 * the record of the negotiation comes in the daily digest. Annual-report invitations and
 * reminders ask an organization to act by a deadline: at once.
 */
export const DEFAULT_DELIVERY: Record<NoticeKind, Exclude<Delivery, 'off'>> = {
  silence_started: 'immediate',
  silence_24h: 'immediate',
  silence_broken: 'immediate',
  silence_ended: 'immediate',
  call_opened: 'daily',
  call_closing: 'immediate',
  revision_issued: 'daily',
  paragraph_adopted: 'daily',
  paragraph_reopened: 'daily',
  cosponsorship_requested: 'immediate',
  accreditation_decided: 'immediate',
  report_issued: 'daily',
  annual_report_invitation: 'immediate',
  annual_report_reminder: 'immediate',
}

/** How far before a deadline the scheduled check warns, per kind of deadline. */
export const WARN_BEFORE_MS = {
  call: 3 * 86_400_000,
  silence: 86_400_000,
  // deadlines watched before the annual-reports module sent its reminders as notices: marked warned
  // when their window opens, with no notice (warnings.ts)
  annual_report: 14 * 86_400_000,
} as const

/** The delivery a person gets for a kind: their choice, or the kind's default. */
export function deliveryFor(kind: NoticeKind, chosen: ReadonlyMap<string, Delivery> | undefined): Delivery {
  return chosen?.get(kind) ?? DEFAULT_DELIVERY[kind]
}

/** Whether a deadline is within its warning window at `now` (and not already past). */
export function inWarningWindow(kind: keyof typeof WARN_BEFORE_MS, dueAt: Date, now: Date): boolean {
  const left = dueAt.getTime() - now.getTime()
  return left > 0 && left <= WARN_BEFORE_MS[kind]
}
