// Who took part, from what the other modules recorded: each sighting (a contribution, a position,
// an attendance, a membership, an annual report) names a State, an organization or a person; a
// participant is counted once however often it appears (one State, one voice).

/** What a participant is counted as: a UN regional group, its development statuses, its stakeholder group. */
export interface Profile {
  regionalGroup: string | null
  ldc: boolean
  lldc: boolean
  sids: boolean
}

export interface Sighting {
  memberStateIso3: string | null
  organizationId: number | null
  /** a person speaking for themselves (contributions only) */
  individual?: string | null
  /** as recorded with the act (used for individuals, whose profile nothing else knows) */
  stakeholderGroup?: string
  recorded?: Profile
  language?: string | null
  /** a number of distinct people speaking for themselves who share this profile, counted by the database */
  people?: number
  /** the languages each of those people wrote in */
  languages?: readonly string[]
}

/** How States and organizations are classified today (or on the period's last day). */
export interface Resolver {
  state(iso3: string): (Profile & { member: boolean }) | undefined
  organization(id: number): { stakeholderGroup: string; headquartersIso3: string | null } | undefined
}

export interface Participant extends Profile {
  key: string
  kind: 'member_state' | 'organization' | 'individual'
  memberStateIso3: string | null
  /** a UN Member State (not an observer) */
  unMember: boolean
  stakeholderGroup: string
  /** the languages it wrote in, sorted */
  languages: string[]
  /** how many it stands for: 1, or the number of people of a counted class of individuals */
  weight: number
}

const NONE: Profile = { regionalGroup: null, ldc: false, lldc: false, sids: false }

function keyOf(s: Sighting): string | null {
  if (s.memberStateIso3) return `state:${s.memberStateIso3}`
  if (s.organizationId !== null) return `org:${s.organizationId}`
  if (s.individual) return `person:${s.individual}`
  return null
}

function profileOf(s: Sighting, resolve: Resolver): Omit<Participant, 'key' | 'languages' | 'weight'> {
  if (s.memberStateIso3) {
    const state = resolve.state(s.memberStateIso3)
    const { member, ...profile } = state ?? { ...NONE, member: false }
    return {
      kind: 'member_state',
      memberStateIso3: s.memberStateIso3,
      unMember: member,
      stakeholderGroup: 'government',
      ...profile,
    }
  }
  if (s.organizationId !== null) {
    const org = resolve.organization(s.organizationId)
    const hq = org?.headquartersIso3 ? resolve.state(org.headquartersIso3) : undefined
    const { member: _member, ...profile } = hq ?? { ...NONE, member: false }
    return {
      kind: 'organization',
      memberStateIso3: null,
      unMember: false,
      stakeholderGroup: org?.stakeholderGroup ?? s.stakeholderGroup ?? 'unknown',
      ...profile,
    }
  }
  return {
    kind: 'individual',
    memberStateIso3: null,
    unMember: false,
    stakeholderGroup: s.stakeholderGroup ?? 'individual',
    ...(s.recorded ?? NONE),
  }
}

/** The distinct participants of some sightings, in the order first seen, with the languages each used. */
export function participantsFrom(sightings: Iterable<Sighting>, resolve: Resolver): Participant[] {
  const byKey = new Map<string, { participant: Omit<Participant, 'languages'>; languages: Set<string> }>()
  for (const s of sightings) {
    if (s.people !== undefined) {
      // people counted in the database: distinct already, each class its own entry
      if (s.people > 0)
        byKey.set(`people:${byKey.size}`, {
          participant: { key: `people:${byKey.size}`, ...profileOf(s, resolve), weight: s.people },
          languages: new Set(s.languages),
        })
      continue
    }
    const key = keyOf(s)
    if (key === null) continue
    let entry = byKey.get(key)
    if (!entry) {
      entry = { participant: { key, ...profileOf(s, resolve), weight: 1 }, languages: new Set() }
      byKey.set(key, entry)
    }
    if (s.language) entry.languages.add(s.language)
  }
  return [...byKey.values()].map(({ participant, languages }) => ({ ...participant, languages: [...languages].sort() }))
}

/** How many participants (by weight) pass a test; all of them when no test. */
export function countWhere(participants: readonly Participant[], test?: (p: Participant) => boolean): number {
  let n = 0
  for (const p of participants) if (!test || test(p)) n += p.weight
  return n
}

/** How many of the participants fall in each value of a key (null values are not counted). */
export function countBy(
  participants: readonly Participant[],
  keyOf: (p: Participant) => string | null,
): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const p of participants) {
    const key = keyOf(p)
    if (key !== null) counts[key] = (counts[key] ?? 0) + p.weight
  }
  return counts
}

/** Participants per language they wrote in: one who wrote in two languages counts in each. */
export function countLanguages(participants: readonly Participant[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const p of participants) for (const l of p.languages) counts[l] = (counts[l] ?? 0) + p.weight
  return counts
}

/** Participants with a known country (for LDC / LLDC / SIDS), and how many have each status. */
export function flagCounts(participants: readonly Participant[]): { base: number; counts: Record<string, number> } {
  const known = participants.filter((p) => p.regionalGroup !== null)
  return {
    base: countWhere(known),
    counts: {
      ldc: countWhere(known, (p) => p.ldc),
      lldc: countWhere(known, (p) => p.lldc),
      sids: countWhere(known, (p) => p.sids),
    },
  }
}
