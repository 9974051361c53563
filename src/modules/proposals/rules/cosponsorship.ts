// Co-sponsorship needs consent: a request, answered by the State or organization asked. Pure:
// status and answer in, the new status or a typed refusal out.
import { conflict, ok, type Result } from '../../../core/result.ts'
import type { CosponsorshipStatus } from '../tables.ts'

export type CosponsorshipAnswer = 'accept' | 'decline' | 'withdraw'

/**
 * A request is accepted or declined once; an accepted co-sponsorship may later be withdrawn; a
 * declined or withdrawn one is over (409 `cosponsorship_<status>`).
 */
export function cosponsorshipTransition(
  current: CosponsorshipStatus,
  answer: CosponsorshipAnswer,
): Result<CosponsorshipStatus> {
  if (current === 'requested' && answer === 'accept') return ok('accepted')
  if (current === 'requested' && answer === 'decline') return ok('declined')
  if (current === 'accepted' && answer === 'withdraw') return ok('withdrawn')
  return conflict(`cosponsorship_${current}`)
}
