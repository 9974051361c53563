// The lifecycles of a paragraph and an amendment, as pure functions: state and command in, the new
// state or a typed refusal out. Every command (HTML form, API, job) asks these before it writes;
// the database's triggers (migration 20261206-0110) refuse the same writes should a path forget.
// Adopted and agreed ad ref text is frozen: nothing is tabled on it, incorporated into it or edited
// into it; only the Chair reopens it, with a reason, which sets it back to bracketed or proposed.

import { hasBrackets, segments } from '../../../core/formats/brackets.ts'
import { conflict, invalid, ok, type Result } from '../../../core/result.ts'
import { type Declaration, declarationProblem, type ParagraphStatus, type Tally } from './consensus.ts'

/** The statuses in which a paragraph's text is frozen. */
export const FROZEN: readonly ParagraphStatus[] = ['adopted', 'agreed_ad_ref']

/** Longest reason for reopening a paragraph. */
export const REOPEN_REASON_MAX = 2000

export interface ParagraphState {
  status: ParagraphStatus
  text: string
}

export type ParagraphCommand =
  /** table an amendment on it (any operation) */
  | { kind: 'table' }
  /** incorporate an amendment into it, or change its text in any way */
  | { kind: 'incorporate' }
  | { kind: 'take_position' }
  | { kind: 'circulate' }
  | { kind: 'declare'; declaration: Declaration; tally: Tally }
  | { kind: 'reopen'; reason: string }

/** The spans of text still in brackets, as typed ("[consider]"). */
export function bracketedSpans(text: string): string[] {
  return segments(text)
    .filter((s) => s.bracketed)
    .map((s) => s.text)
}

/** The status of a paragraph whose text is open for negotiation. */
export const openStatus = (text: string): ParagraphStatus => (hasBrackets(text) ? 'bracketed' : 'proposed')

/**
 * The paragraph's status after `command`, or why not:
 * - deleted: nothing (409 `paragraph_deleted`);
 * - adopted / agreed ad ref: no amendment tabled or incorporated (409 `paragraph_frozen`); adopted
 *   takes no position either (`paragraph_adopted`); nothing is circulated again once adopted;
 * - declaring agreement needs no standing objection and no brackets left (409 `brackets_remain`,
 *   naming them);
 * - reopening needs an adopted, agreed ad ref or no-consensus paragraph and a reason.
 */
export function paragraphTransition(state: ParagraphState, command: ParagraphCommand): Result<ParagraphStatus> {
  const { status, text } = state
  if (status === 'deleted') return conflict('paragraph_deleted')
  const frozen = FROZEN.includes(status)
  switch (command.kind) {
    case 'table':
    case 'incorporate':
      return frozen ? conflict('paragraph_frozen', { status }) : ok(status)
    case 'take_position':
      return status === 'adopted' ? conflict('paragraph_adopted') : ok(status)
    case 'circulate':
      return status === 'adopted' ? conflict('paragraph_adopted') : ok(status)
    case 'declare': {
      const problem = declarationProblem(command.declaration, status, command.tally)
      if (problem) return conflict(problem, { objecting: command.tally.objecting.join(', ') })
      const spans = bracketedSpans(text)
      if (command.declaration !== 'no_consensus' && spans.length > 0)
        return conflict('brackets_remain', { brackets: spans.join(' ') })
      return ok(command.declaration)
    }
    case 'reopen': {
      if (!frozen && status !== 'no_consensus') return conflict('paragraph_not_settled', { status })
      const reason = command.reason.trim()
      if (reason === '') return invalid([{ path: 'reason', code: 'negotiation.reopen.reasonRequired' }])
      if (reason.length > REOPEN_REASON_MAX)
        return invalid([{ path: 'reason', code: 'validation.tooLong', values: { max: REOPEN_REASON_MAX } }])
      return ok(openStatus(text))
    }
  }
}

export type AmendmentStatus = 'tabled' | 'incorporated' | 'rejected' | 'withdrawn' | 'superseded'
export type AmendmentDecision = Exclude<AmendmentStatus, 'tabled'>

/** A tabled amendment is decided once; a decided one takes nothing more (409 `amendment_<status>`). */
export function amendmentTransition(
  current: AmendmentStatus,
  command: { kind: 'decide'; decision: AmendmentDecision } | { kind: 'take_position' },
): Result<AmendmentStatus> {
  if (current !== 'tabled') return conflict(`amendment_${current}`)
  return ok(command.kind === 'decide' ? command.decision : current)
}
