// Which offers could meet a gap: they address its issue and serve its region (an offer with no
// region serves every region). Offers already matched are not suggested again.
export interface GapForMatching {
  issueSlug: string
  /** the gap's regional group: its own, or its country's */
  regionalGroup: string | null
}

export interface OfferForMatching {
  id: number
  issueSlugs: readonly string[]
  regions: readonly string[]
}

export function suggestOffers<O extends OfferForMatching>(
  gap: GapForMatching,
  offers: readonly O[],
  matched: ReadonlySet<number>,
): O[] {
  return offers.filter(
    (o) =>
      !matched.has(o.id) &&
      o.issueSlugs.includes(gap.issueSlug) &&
      (o.regions.length === 0 || (gap.regionalGroup !== null && o.regions.includes(gap.regionalGroup))),
  )
}

export const GAP_STATUSES = ['open', 'being_addressed', 'closed'] as const
export type GapStatus = (typeof GAP_STATUSES)[number]
export const MODALITIES = ['online', 'in_person', 'hybrid'] as const
export type Modality = (typeof MODALITIES)[number]
