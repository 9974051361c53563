// When a call for contributions takes submissions: between its opening and its closing time,
// or the Chair's extension of it. Times are instants (UTC); display is the reader's business.
import type { Eligibility, Moderation } from '../tables.ts'

export interface CallTimes {
  opensAt: Date
  closesAt: Date
  extendedUntil: Date | null
}

export interface Call extends CallTimes {
  id: number
  processId: number
  title: string
  eligibility: Eligibility
  languages: string[]
  moderation: Moderation
  questionIds: number[]
  createdAt: Date
}

export type CallState = 'upcoming' | 'open' | 'closed'

/** The instant the call stops taking submissions: the extension when there is one. */
export function callClosesAt(call: CallTimes): Date {
  return call.extendedUntil ?? call.closesAt
}

export function callState(call: CallTimes, now: Date): CallState {
  if (now < call.opensAt) return 'upcoming'
  return now < callClosesAt(call) ? 'open' : 'closed'
}

/**
 * Why an extension to `until` cannot be granted, or null when it can. An extension may reopen a
 * closed call, but it must end after the original closing time, after any earlier extension
 * (an extension never shortens a call people are relying on) and in the future.
 */
export function extensionProblem(call: CallTimes, until: Date, now: Date): string | null {
  if (until <= now) return 'processes.extension.inPast'
  if (until <= callClosesAt(call)) return 'processes.extension.notLater'
  return null
}
