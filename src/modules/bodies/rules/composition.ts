// A body's composition: members grouped as its page shows them (States by UN regional group,
// organizations by stakeholder group), how the seats are filled against the body's rules (one row
// per constituency), and whether one more member fits.
import { type RegionalGroup, STAKEHOLDER_GROUPS, type StakeholderGroup } from '../../actors/index.ts'
import type { StakeholderSeats } from '../tables.ts'

export interface StateMember {
  iso3: string
  name: string
  regionalGroup: RegionalGroup | null
}

export interface OrganizationMember {
  id: number
  slug: string
  name: string
  stakeholderGroup: StakeholderGroup
}

/** Items grouped by key, groups in the order given, items sorted by name in the reader's language. */
export function groupBy<T extends { name: string }, K extends string>(
  items: readonly T[],
  keyOf: (item: T) => K | null,
  order: readonly K[],
  collator: Intl.Collator,
): { key: K | null; items: T[] }[] {
  const groups = new Map<K | null, T[]>()
  for (const item of items) {
    const key = keyOf(item)
    groups.set(key, [...(groups.get(key) ?? []), item])
  }
  const keys = [...order.filter((k) => groups.has(k)), ...(groups.has(null) ? [null] : [])]
  return keys.map((key) => ({
    key,
    items: (groups.get(key) ?? []).sort((a, b) => collator.compare(a.name, b.name)),
  }))
}

/** Member States, or one stakeholder group. */
export type Constituency = 'member_states' | StakeholderGroup

export interface SeatCount {
  group: Constituency
  /** seats the rules provide; null when the rules set no number */
  seats: number | null
  filled: number
}

export interface CompositionRules {
  memberStateSeats: number | null
  stakeholderSeats: StakeholderSeats
}

/**
 * Seats the rules provide against seats filled: one row per constituency, Member States first,
 * then the stakeholder groups in their fixed order; a group appears when the rules give it seats
 * or a member fills one.
 */
export function seatCounts(
  rules: CompositionRules,
  states: readonly unknown[],
  organizations: readonly Pick<OrganizationMember, 'stakeholderGroup'>[],
): SeatCount[] {
  const counts: SeatCount[] = [{ group: 'member_states', seats: rules.memberStateSeats, filled: states.length }]
  for (const group of STAKEHOLDER_GROUPS) {
    const seats = rules.stakeholderSeats[group]
    const filled = organizations.filter((o) => o.stakeholderGroup === group).length
    if (seats === undefined && filled === 0) continue
    counts.push({ group, seats: seats ?? null, filled })
  }
  return counts
}

/** Whether one more member of `constituency` would fill more seats than the rules provide. */
export function overFilled(counts: readonly SeatCount[], constituency: Constituency): boolean {
  const row = counts.find((c) => c.group === constituency)
  return row !== undefined && row.seats !== null && row.filled >= row.seats
}

/** The constituencies whose seats the new rules would leave over-filled (a rule may not drop below the members in office). */
export function seatsBelowFilled(rules: CompositionRules, counts: readonly SeatCount[]): Constituency[] {
  return counts.flatMap((c) => {
    const seats = c.group === 'member_states' ? rules.memberStateSeats : (rules.stakeholderSeats[c.group] ?? null)
    return seats !== null && c.filled > seats ? [c.group] : []
  })
}
