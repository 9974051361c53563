// The measures of balance, over plain counts (docs/balance.md defines each one): shares,
// representation ratios against a reference population, Shannon entropy, evenness (H / ln k) and
// the effective number of groups (exp H).

/** One group of a grouping: how many took part, their share, and how that compares with references. */
export interface GroupRow {
  group: string
  count: number
  /** count / total of the grouping (0 when nobody took part) */
  share: number
  /** the group's share of the UN membership (or null: no such reference for this grouping) */
  membershipShare: number | null
  /** the group's share of the body's composition (null: no body, or no member of this grouping) */
  compositionShare: number | null
  /** share / the reference share (the composition's when there is one, else the membership's); null when that is 0 or unknown */
  ratio: number | null
}

export interface Distribution {
  total: number
  rows: GroupRow[]
  /** Shannon entropy H = -sum p ln p, natural log */
  entropy: number
  /** H / ln k over the k groups of the grouping; null when k < 2 or nobody took part */
  evenness: number | null
  /** exp H; 0 when nobody took part */
  effectiveGroups: number
}

/** Shannon entropy of counts (natural log); groups with no count add nothing. */
export function shannon(counts: readonly number[]): number {
  const total = counts.reduce((a, b) => a + b, 0)
  if (total <= 0) return 0
  let h = 0
  for (const n of counts) {
    if (n <= 0) continue
    const p = n / total
    h -= p * Math.log(p)
  }
  // rounding can leave -0 or a hair below 0 for a single group
  return Math.max(0, h)
}

/** Pielou's evenness H / ln k, within [0, 1]; null when it is undefined (k < 2, or no count). */
export function evenness(counts: readonly number[], k: number): number | null {
  const total = counts.reduce((a, b) => a + b, 0)
  if (k < 2 || total <= 0) return null
  return Math.min(1, Math.max(0, shannon(counts) / Math.log(k)))
}

/** The effective number of groups, exp H (Hill number of order 1); 0 when nobody took part. */
export function effectiveGroups(counts: readonly number[]): number {
  const total = counts.reduce((a, b) => a + b, 0)
  return total > 0 ? Math.exp(shannon(counts)) : 0
}

function sharesOf(reference: Readonly<Record<string, number>> | null | undefined): Map<string, number> | null {
  if (!reference) return null
  const total = Object.values(reference).reduce((a, b) => a + b, 0)
  if (total <= 0) return null
  return new Map(Object.entries(reference).map(([g, n]) => [g, n / total]))
}

/**
 * The distribution of counts over a grouping's categories (every category gets a row, in order;
 * a group seen but not among the categories is added after them). The ratio compares with the
 * composition when one is given, else with the membership.
 */
export function distribution(
  counts: Readonly<Record<string, number>>,
  categories: readonly string[],
  references: {
    membership?: Readonly<Record<string, number>> | null
    composition?: Readonly<Record<string, number>> | null
  } = {},
): Distribution {
  const groups = [
    ...categories,
    ...Object.keys(counts)
      .filter((g) => !categories.includes(g))
      .sort(),
  ]
  const values = groups.map((g) => counts[g] ?? 0)
  const total = values.reduce((a, b) => a + b, 0)
  const membership = sharesOf(references.membership)
  const composition = sharesOf(references.composition)
  const rows = groups.map((group, i) => {
    const count = values[i] as number
    const share = total > 0 ? count / total : 0
    const membershipShare = membership ? (membership.get(group) ?? 0) : null
    const compositionShare = composition ? (composition.get(group) ?? 0) : null
    const base = composition ? compositionShare : membershipShare
    return {
      group,
      count,
      share,
      membershipShare,
      compositionShare,
      ratio: total > 0 && base !== null && base > 0 ? share / base : null,
    }
  })
  return {
    total,
    rows,
    entropy: shannon(values),
    evenness: evenness(values, groups.length),
    effectiveGroups: effectiveGroups(values),
  }
}

/** A status that some participants have and others not (LDC, LLDC, SIDS): count and share among a base. */
export interface FlagRow<F extends string = string> {
  flag: F
  count: number
  /** those who could have it: participants with a known country */
  base: number
  share: number
  membershipShare: number | null
  compositionShare: number | null
  ratio: number | null
}

/** Shares of statuses that overlap (a State may be LDC and SIDS), each against its own reference share. */
export function flagShares<F extends string>(
  flags: readonly F[],
  counted: { base: number; counts: Readonly<Record<string, number>> },
  references: {
    membership?: { base: number; counts: Readonly<Record<string, number>> } | null
    composition?: { base: number; counts: Readonly<Record<string, number>> } | null
  } = {},
): FlagRow<F>[] {
  const shareIn = (ref: { base: number; counts: Readonly<Record<string, number>> } | null | undefined, flag: string) =>
    ref && ref.base > 0 ? (ref.counts[flag] ?? 0) / ref.base : null
  return flags.map((flag) => {
    const count = counted.counts[flag] ?? 0
    const share = counted.base > 0 ? count / counted.base : 0
    const membershipShare = shareIn(references.membership, flag)
    const compositionShare = shareIn(references.composition, flag)
    const reference = references.composition ? compositionShare : membershipShare
    return {
      flag,
      count,
      base: counted.base,
      share,
      membershipShare,
      compositionShare,
      ratio: counted.base > 0 && reference !== null && reference > 0 ? share / reference : null,
    }
  })
}
