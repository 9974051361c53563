// A campaign's distinct personal additions counted (by the members who sent each), the most sent
// first: what the compilation by campaign shows, computed once by a rebuild.

export const TOP_ADDITIONS = 20

/**
 * Per campaign (0..campaigns-1), its `TOP_ADDITIONS` most sent distinct additions, from each
 * distinct text's campaign (-1: none), additions and number of members.
 */
export function mostSent(
  campaigns: number,
  texts: number,
  campaignOf: (text: number) => number,
  additions: Map<number, string>,
  members: number[],
): { text: string; count: number }[][] {
  const counts = Array.from({ length: campaigns }, () => new Map<string, number>())
  for (const [t, added] of additions) {
    const k = campaignOf(t)
    if (k < 0 || t >= texts || added === '') continue
    const byText = counts[k] as Map<string, number>
    byText.set(added, (byText.get(added) ?? 0) + (members[t] ?? 0))
  }
  return counts.map((byText) =>
    [...byText]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, TOP_ADDITIONS)
      .map(([text, count]) => ({ text, count })),
  )
}
