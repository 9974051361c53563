// A process's timeline: its phases in order, and which one is current on a given day.
import { PHASE_KINDS, type PhaseKind } from '../tables.ts'

export interface Phase {
  kind: PhaseKind
  startsOn: string
  endsOn: string
}

export type PhaseStatus = 'past' | 'current' | 'upcoming'

export function phaseStatus(phase: Phase, today: string): PhaseStatus {
  if (today < phase.startsOn) return 'upcoming'
  return today > phase.endsOn ? 'past' : 'current'
}

/** Phases by start date, ties in the canonical order (call before synthesis before ...). */
export function orderPhases<P extends Phase>(phases: readonly P[]): P[] {
  return [...phases].sort(
    (a, b) => a.startsOn.localeCompare(b.startsOn) || PHASE_KINDS.indexOf(a.kind) - PHASE_KINDS.indexOf(b.kind),
  )
}

/**
 * The phase the process is in today: the latest-starting phase that covers today (phases may
 * overlap: proposals are still taken while negotiation starts). Null between or outside phases.
 */
export function currentPhase<P extends Phase>(phases: readonly P[], today: string): P | null {
  const current = orderPhases(phases).filter((p) => phaseStatus(p, today) === 'current')
  return current.at(-1) ?? null
}
