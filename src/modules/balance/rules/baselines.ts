// Published baselines drawn as reference lines beside our own shares, each with its source.

export interface Baseline {
  id: string
  /** the grouping it describes */
  grouping: 'regionalGroups' | 'stakeholderGroups'
  participants: number
  /** shares as published (they need not sum to 1: the rest was not attributed to a group) */
  shares: Record<string, number>
  source: { title: string; url: string }
}

const IGF_2022_SOURCE = {
  title:
    'Internet Governance Forum, "IGF 2022 Participation and Programme Statistics" (Addis Ababa, 28 Nov - 2 Dec 2022)',
  url: 'https://intgovforum.org/en/content/igf-2022-participation-and-programme-statistics',
}

export const BASELINES: readonly Baseline[] = [
  {
    id: 'igf2022',
    grouping: 'regionalGroups',
    participants: 5120,
    // the other 8 % said they belonged to intergovernmental organizations
    shares: { african: 0.44, weog: 0.21, 'asia-pacific': 0.15, grulac: 0.08, 'eastern-european': 0.04 },
    source: IGF_2022_SOURCE,
  },
  {
    id: 'igf2022',
    grouping: 'stakeholderGroups',
    participants: 5120,
    // the other 1 % were the press
    shares: {
      civil_society: 0.32,
      government: 0.29,
      private_sector: 0.16,
      technical_community: 0.11,
      intergovernmental_organization: 0.11,
    },
    source: IGF_2022_SOURCE,
  },
]

export function baselineFor(grouping: Baseline['grouping']): Baseline | undefined {
  return BASELINES.find((b) => b.grouping === grouping)
}
