// How the report attributes a divergent view, as the body decides: not at all, to "some
// participants" (and "other participants" for the alternatives that answer it, as the 2018 WGEC
// report's 2 bis / 2 tres do), or to the States that ask to be named.

export const ATTRIBUTIONS = ['unattributed', 'participants', 'states'] as const
export type Attribution = (typeof ATTRIBUTIONS)[number]

export interface DivergentInput {
  id: number
  /** paragraphs proposed as alternatives to one another share a group */
  alternativeGroup: string | null
}

export interface DivergentChoice {
  attribution: Attribution
  /** the States named, for 'states' (ISO alpha-3) */
  memberStates: string[]
}

/** What the report says before the view: nothing, "some" / "other" participants, or States. */
export type Lead = { kind: 'none' } | { kind: 'some' } | { kind: 'other' } | { kind: 'states'; states: string[] }

/**
 * The lead-in of each divergent view, in order. The first view of an alternative group is held by
 * "some participants"; the next ones in that group by "other participants". A view attributed to
 * States with none named falls back to participants, so no view is attributed to nobody by mistake.
 */
export function attributeViews(
  views: readonly DivergentInput[],
  choices: ReadonlyMap<number, DivergentChoice>,
  fallback: Attribution = 'participants',
): Lead[] {
  const seenGroups = new Set<string>()
  return views.map((v) => {
    const choice = choices.get(v.id) ?? { attribution: fallback, memberStates: [] }
    const group = v.alternativeGroup ?? `#${v.id}`
    const first = !seenGroups.has(group)
    seenGroups.add(group)
    if (choice.attribution === 'unattributed') return { kind: 'none' }
    if (choice.attribution === 'states' && choice.memberStates.length > 0)
      return { kind: 'states', states: [...choice.memberStates] }
    return first ? { kind: 'some' } : { kind: 'other' }
  })
}
