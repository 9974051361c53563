// One voice per Member State, and consensus as the absence of formal objection. Every word a
// delegate gives is kept; a State's position is the latest word of any of its delegates. A position
// is given on a wording (the fingerprint of the text as it stood): once the text changes, a support
// or "no objection" on an earlier wording no longer counts, while an objection still blocks until
// the State restates. A text with no standing objection and at least one position on its present
// wording is "ready"; only the Chair declares it agreed.

export const POSITIONS = ['support', 'no_objection', 'objection', 'reservation'] as const
export type Position = (typeof POSITIONS)[number]

export interface PositionEvent {
  memberStateIso3: string
  position: Position
  at: Date
  /** the delegate who spoke; kept for the record, it does not change the count */
  accountId: number
  note?: string | null
  /** fingerprint of the text the position was given on (rules/wording.ts) */
  wording?: string | null
}

export interface StatePosition {
  memberStateIso3: string
  position: Position
  at: Date
  accountId: number
  note: string | null
  wording: string | null
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
        wording: e.wording ?? null,
      })
    }
  })
  return [...latest.values()].sort((a, b) => a.memberStateIso3.localeCompare(b.memberStateIso3))
}

export type Readiness = 'open' | 'ready' | 'objected'

export interface Tally {
  /** counts of positions on the present wording */
  support: number
  no_objection: number
  objection: number
  reservation: number
  /** States with a standing objection, by ISO alpha-3, whatever wording they objected to */
  objecting: string[]
  /** States with a reservation on the present wording */
  reserving: string[]
  /** positions given on an earlier wording (they count for nothing but an objection) */
  earlier: number
  /** the objecting States whose objection is on an earlier wording: they have not restated */
  earlierObjecting: string[]
  readiness: Readiness
}

/** Whether a position stands on the present wording (a position without a wording is taken as on it). */
export const onWording = (p: { wording: string | null }, wording: string | undefined): boolean =>
  wording === undefined || p.wording === null || p.wording === wording

/**
 * Where a text stands on its present `wording`: "objected" while any State formally objects (an
 * objection on an earlier wording still blocks); "ready" when at least one State has spoken on the
 * present wording and none objects (a reservation does not block consensus, it goes on the record);
 * "open" otherwise. Without a `wording`, every position counts as on it.
 */
export function tally(positions: readonly StatePosition[], wording?: string): Tally {
  const counts = { support: 0, no_objection: 0, objection: 0, reservation: 0 }
  const objecting: string[] = []
  const reserving: string[] = []
  const earlierObjecting: string[] = []
  let earlier = 0
  for (const p of positions) {
    const current = onWording(p, wording)
    if (p.position === 'objection') objecting.push(p.memberStateIso3)
    if (!current) {
      earlier++
      if (p.position === 'objection') earlierObjecting.push(p.memberStateIso3)
      continue
    }
    counts[p.position]++
    if (p.position === 'reservation') reserving.push(p.memberStateIso3)
  }
  const spoken = positions.length - earlier
  const readiness: Readiness = objecting.length > 0 ? 'objected' : spoken > 0 ? 'ready' : 'open'
  const sorted = (xs: string[]) => xs.sort((a, b) => a.localeCompare(b))
  return {
    ...counts,
    objecting: sorted(objecting),
    reserving: sorted(reserving),
    earlier,
    earlierObjecting: sorted(earlierObjecting),
    readiness,
  }
}

/** The tally of a subject no State has spoken on. */
export const EMPTY_TALLY: Tally = tally([])

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

/**
 * Whether the Chair may declare this now: agreement needs no standing objection; no consensus may
 * be recorded at any time before agreement, and after agreement ad referendum only once the
 * Chair has reopened the paragraph (its text and standing are frozen until then).
 */
export function declarationProblem(declaration: Declaration, current: ParagraphStatus, t: Tally): string | null {
  if (current === 'deleted') return 'paragraph_deleted'
  if (current === 'adopted') return 'paragraph_adopted'
  if (declaration === 'no_consensus') return current === 'agreed_ad_ref' ? 'paragraph_frozen' : null
  if (t.readiness === 'objected') return 'standing_objection'
  if (declaration === 'adopted' && current !== 'agreed_ad_ref' && t.readiness === 'open') return 'no_positions'
  return null
}
