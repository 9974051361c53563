// One voice per Member State, and consensus as the absence of formal objection. Every word a
// delegate gives is kept; a State's position is the latest word of any of its delegates. A
// paragraph or amendment with no standing objection is "ready"; only the Chair declares it agreed.

export const POSITIONS = ['support', 'no_objection', 'objection', 'reservation'] as const
export type Position = (typeof POSITIONS)[number]

export interface PositionEvent {
  memberStateIso3: string
  position: Position
  at: Date
  /** the delegate who spoke; kept for the record, it does not change the count */
  accountId: number
  note?: string | null
}

export interface StatePosition {
  memberStateIso3: string
  position: Position
  at: Date
  accountId: number
  note: string | null
}

/** Each State's current position: the latest word of any of its delegates (ties: the later event). */
export function statePositions(events: readonly PositionEvent[]): StatePosition[] {
  const latest = new Map<string, StatePosition>()
  events.forEach((e) => {
    const current = latest.get(e.memberStateIso3)
    if (!current || e.at.getTime() >= current.at.getTime()) {
      latest.set(e.memberStateIso3, {
        memberStateIso3: e.memberStateIso3,
        position: e.position,
        at: e.at,
        accountId: e.accountId,
        note: e.note ?? null,
      })
    }
  })
  return [...latest.values()].sort((a, b) => a.memberStateIso3.localeCompare(b.memberStateIso3))
}

export type Readiness = 'open' | 'ready' | 'objected'

export interface Tally {
  support: number
  no_objection: number
  objection: number
  reservation: number
  /** States with a standing objection, by ISO alpha-3 */
  objecting: string[]
  readiness: Readiness
}

/**
 * Where a text stands: "objected" while any State formally objects; "ready" when at least one
 * State has spoken and none objects (a reservation does not block consensus, it goes on the
 * record); "open" when no State has spoken yet.
 */
export function tally(positions: readonly StatePosition[]): Tally {
  const counts = { support: 0, no_objection: 0, objection: 0, reservation: 0 }
  for (const p of positions) counts[p.position]++
  const objecting = positions.filter((p) => p.position === 'objection').map((p) => p.memberStateIso3)
  const readiness: Readiness = objecting.length > 0 ? 'objected' : positions.length > 0 ? 'ready' : 'open'
  return { ...counts, objecting, readiness }
}

export const PARAGRAPH_STATUSES = [
  'proposed',
  'bracketed',
  'agreed_ad_ref',
  'adopted',
  'no_consensus',
  'deleted',
] as const
export type ParagraphStatus = (typeof PARAGRAPH_STATUSES)[number]

export type Declaration = 'agreed_ad_ref' | 'adopted' | 'no_consensus'

/** Whether the Chair may declare this now: agreement needs no standing objection. */
export function declarationProblem(declaration: Declaration, current: ParagraphStatus, t: Tally): string | null {
  if (current === 'deleted') return 'paragraph_deleted'
  if (current === 'adopted') return 'paragraph_adopted'
  if (declaration === 'no_consensus') return null
  if (t.readiness === 'objected') return 'standing_objection'
  if (declaration === 'adopted' && current !== 'agreed_ad_ref' && t.readiness === 'open') return 'no_positions'
  return null
}
