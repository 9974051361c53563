// A body's composition: members grouped as its page shows them (States by UN regional group,
// organizations by stakeholder group), and how the seats are filled against the body's rules.
import type { RegionalGroup, StakeholderGroup } from '../../actors/index.ts'
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

export interface SeatCount {
  group: 'member_states' | StakeholderGroup
  seats: number | null
  filled: number
}

/** Seats the rules provide against seats filled, per constituency. */
export function seatCounts(
  rules: { memberStateSeats: number | null; stakeholderSeats: StakeholderSeats },
  states: readonly StateMember[],
  organizations: readonly OrganizationMember[],
): SeatCount[] {
  const counts: SeatCount[] = [{ group: 'member_states', seats: rules.memberStateSeats, filled: states.length }]
  const groups = new Set<StakeholderGroup>([
    ...(Object.keys(rules.stakeholderSeats) as StakeholderGroup[]),
    ...organizations.map((o) => o.stakeholderGroup),
  ])
  for (const group of groups) {
    counts.push({
      group,
      seats: rules.stakeholderSeats[group] ?? null,
      filled: organizations.filter((o) => o.stakeholderGroup === group).length,
    })
  }
  return counts
}
