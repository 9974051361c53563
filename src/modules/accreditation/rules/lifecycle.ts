// An accreditation request's lifecycle, as a pure state machine: pending -> approved | refused |
// withdrawn; a refusal may be appealed once, with a reason; the appeal is granted (approved) or
// dismissed (refused, final), or withdrawn (the refusal stands). Four eyes: nobody decides their
// own request, and an appeal is decided by someone other than the person who refused. The database
// refuses the same decisions (migration 20261205-0630-accreditation-four-eyes-and-appeals).
import { conflict, err, invalid, ok, type Result } from '../../../core/result.ts'
import type { AccreditationStatus } from '../tables.ts'

/** What the rules need to know of a request. */
export interface RequestFacts {
  status: AccreditationStatus
  requesterAccountId: number
  /** who refused it, when it was refused (null: the platform itself) */
  refusedBy: number | null
  /** whether it was appealed already: an appeal is allowed once */
  appealed: boolean
}

/** Who acts: an account, or null for the platform itself (demo, CLI). */
export type By = number | null

export type AccreditationCommand =
  | { kind: 'approve'; by: By }
  | { kind: 'refuse'; by: By; reason: string }
  | { kind: 'appeal'; by: By; reason: string }
  | { kind: 'withdraw'; by: By }

export interface Outcome {
  status: AccreditationStatus
  /** the decision was on an appeal */
  onAppeal: boolean
}

export const REASON_MAX = 2000

function reasonProblem(reason: string, path: string): Result<never> | null {
  const text = reason.trim()
  if (text === '') return invalid([{ path, code: 'validation.required' }])
  if (text.length > REASON_MAX) return invalid([{ path, code: 'validation.tooLong', values: { max: REASON_MAX } }])
  return null
}

/**
 * The request's next status under `command`, or why not: 409 when its status forbids it, 403
 * `own_request` when someone would decide their own request, 403 `appeal_same_decider` when the
 * person who refused would decide the appeal, 400 when a reason is missing.
 */
export function decide(request: RequestFacts, command: AccreditationCommand): Result<Outcome> {
  const own = command.by !== null && command.by === request.requesterAccountId
  switch (command.kind) {
    case 'approve':
    case 'refuse': {
      if (request.status !== 'pending' && request.status !== 'appealed')
        return conflict('accreditation_already_decided')
      if (own) return err({ type: 'forbidden', id: 'own_request' })
      const onAppeal = request.status === 'appealed'
      if (onAppeal && command.by !== null && command.by === request.refusedBy) {
        return err({ type: 'forbidden', id: 'appeal_same_decider' })
      }
      if (command.kind === 'refuse') {
        const problem = reasonProblem(command.reason, 'reason')
        if (problem) return problem
      }
      return ok({ status: command.kind === 'approve' ? 'approved' : 'refused', onAppeal })
    }
    case 'appeal': {
      if (!own) return err({ type: 'forbidden', id: 'forbidden:accreditation.appeal' })
      if (request.status !== 'refused') return conflict('accreditation_not_refused')
      if (request.appealed) return conflict('accreditation_already_appealed')
      const problem = reasonProblem(command.reason, 'reason')
      if (problem) return problem
      return ok({ status: 'appealed', onAppeal: false })
    }
    case 'withdraw': {
      if (!own) return err({ type: 'forbidden', id: 'forbidden:accreditation.withdraw' })
      // withdrawing an appeal leaves the refusal standing
      if (request.status === 'appealed') return ok({ status: 'refused', onAppeal: true })
      if (request.status !== 'pending') return conflict('accreditation_already_decided')
      return ok({ status: 'withdrawn', onAppeal: false })
    }
  }
}

/** The decisions `account` may take on this request now, for the review page's buttons. */
export function mayDecide(request: RequestFacts, account: number): boolean {
  return decide(request, { kind: 'approve', by: account }).ok
}
