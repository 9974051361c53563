// A process's lifecycle (planned -> active -> concluded) and what its record still accepts once it
// is concluded. Pure: state and command in, new state or a typed refusal out. Commands of the
// processes and contributions modules ask `writeRefusal` before every write; the database's
// triggers (migration 20261205-0600) refuse the same writes should a code path forget to ask.
import { conflict, invalid, ok, type Result } from '../../../core/result.ts'
import type { ProcessState } from '../tables.ts'

/** What a command does to a process or to what hangs from it. */
export type ProcessWrite =
  | 'call'
  | 'call_extension'
  | 'meeting'
  | 'meeting_record'
  | 'attendance'
  | 'document'
  | 'corrigendum'
  | 'transmission'
  | 'contribution'
  | 'contribution_revision'
  | 'contribution_withdrawal'
  | 'contribution_publication'
  | 'contribution_hiding'
  /** anything on a negotiating document or a proposal (negotiation module) */
  | 'negotiation'

/**
 * What the record of a concluded process still takes, and why each one changes no decision:
 * - `transmission`: sending the report up the chain (to the CSTD, ECOSOC ...) happens after the
 *   body concluded; it adds a fact, it edits nothing.
 * - `corrigendum`: a correction is a new document recorded by the Secretariat, never an edit of
 *   the record (the Chair's part ends with the process).
 * - `contribution_hiding`: hiding abuse (insults, personal data, unlawful content) is a duty that
 *   does not end with the process; the contribution stays, with its public reason, and the hiding
 *   is in the audit log.
 * Everything else (calls, extensions, meetings and their agendas, outcomes and attendance,
 * documents, phases, guiding questions, the process's own fields, contributions, their revisions,
 * withdrawals and publication) is refused.
 */
export const AFTER_CONCLUSION: readonly ProcessWrite[] = ['transmission', 'corrigendum', 'contribution_hiding']

/** Only the Secretariat records corrigenda once the process is concluded. */
const SECRETARIAT_ONLY_AFTER_CONCLUSION: readonly ProcessWrite[] = ['corrigendum']

/** Whether the process takes this write now. */
export function acceptsWrite(process: { state: ProcessState }, write: ProcessWrite, bySecretariat = false): boolean {
  return writeRefusal(process, write, bySecretariat).ok
}

/** Whether the process's record is open at all (planned or active). */
export function acceptsWrites(process: { state: ProcessState }): boolean {
  return process.state !== 'concluded'
}

/**
 * Why the process refuses this write, or ok. A concluded process answers 409 `process_concluded`;
 * a corrigendum by anyone but the Secretariat after conclusion too.
 */
export function writeRefusal(
  process: { state: ProcessState },
  write: ProcessWrite,
  bySecretariat = false,
): Result<void> {
  if (acceptsWrites(process)) return ok(undefined)
  if (!AFTER_CONCLUSION.includes(write)) return conflict('process_concluded')
  if (SECRETARIAT_ONLY_AFTER_CONCLUSION.includes(write) && !bySecretariat) return conflict('process_concluded')
  return ok(undefined)
}

/** A change of state asked for: start, conclude, or reopen with a reason. */
export type StateCommand = { to: 'active'; reason?: string | undefined } | { to: 'concluded' } | { to: 'planned' }

/** Longest reason for reopening a concluded process. */
export const REASON_MAX = 2000

/**
 * The next state, or why not. The lifecycle moves forward: planned -> active -> concluded. A
 * concluded process may be reopened (back to active, e.g. a resumed session), but never silently:
 * reopening needs a reason, which the process's record and the audit log keep. Nothing goes back to
 * planned, and a planned process must start before it concludes.
 */
export function nextState(
  current: ProcessState,
  command: StateCommand,
): Result<{ state: ProcessState; reopened: boolean }> {
  if (current === 'planned' && command.to === 'active') return ok({ state: 'active', reopened: false })
  if (current === 'active' && command.to === 'concluded') return ok({ state: 'concluded', reopened: false })
  if (current === 'concluded' && command.to === 'active') {
    const reason = command.reason?.trim() ?? ''
    if (reason === '') return invalid([{ path: 'reason', code: 'processes.reopen.reasonRequired' }])
    if (reason.length > REASON_MAX)
      return invalid([{ path: 'reason', code: 'validation.tooLong', values: { max: REASON_MAX } }])
    return ok({ state: 'active', reopened: true })
  }
  return conflict('process_transition_refused', { from: current, to: command.to })
}

/** The state commands a process in `state` offers, for the page's buttons. */
export function offeredTransitions(state: ProcessState): ('start' | 'conclude' | 'reopen')[] {
  if (state === 'planned') return ['start']
  if (state === 'active') return ['conclude']
  return ['reopen']
}
