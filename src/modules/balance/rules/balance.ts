// The balance of one set of participants: by UN regional group, LDC / LLDC / SIDS, stakeholder
// group and language, with the coverage of the UN membership, each against the UN membership and,
// when the scope belongs to a body, the body's composition. Plain data in, plain data out.
import { REGIONAL_GROUPS, STAKEHOLDER_GROUPS } from '../../actors/index.ts'
import { type Distribution, distribution, type FlagRow, flagShares } from './measures.ts'
import { countBy, countLanguages, countWhere, flagCounts, type Participant } from './participants.ts'

export const REGION_CATEGORIES: readonly string[] = REGIONAL_GROUPS
/** Governments first (States), then the stakeholder groups of Tunis para 35, then individuals (WGEC rec. 8). */
export const STAKEHOLDER_CATEGORIES: readonly string[] = ['government', ...STAKEHOLDER_GROUPS, 'individual']
/** The six UN languages; another language used is added as its own group. */
export const LANGUAGE_CATEGORIES: readonly string[] = ['ar', 'zh', 'en', 'fr', 'ru', 'es']
export const FLAGS = ['ldc', 'lldc', 'sids'] as const

export interface Balance {
  participants: number
  byKind: { memberStates: number; organizations: number; individuals: number }
  /** UN Member States that took part, of all of them */
  coverage: { states: number; of: number; share: number }
  regionalGroups: Distribution
  development: FlagRow<(typeof FLAGS)[number]>[]
  stakeholderGroups: Distribution
  languages: Distribution
}

export interface References {
  /** the UN Member States, as participants (one each) */
  membership: readonly Participant[]
  /** the body's members, when the scope belongs to a body that has members */
  composition: readonly Participant[] | null
}

const region = (p: Participant) => p.regionalGroup
const stakeholder = (p: Participant) => p.stakeholderGroup

export function balanceOf(participants: readonly Participant[], refs: References): Balance {
  const composition = refs.composition && refs.composition.length > 0 ? refs.composition : null
  const states = countWhere(participants, (p) => p.unMember)
  const of = countWhere(refs.membership)
  return {
    participants: countWhere(participants),
    byKind: {
      memberStates: countWhere(participants, (p) => p.kind === 'member_state'),
      organizations: countWhere(participants, (p) => p.kind === 'organization'),
      individuals: countWhere(participants, (p) => p.kind === 'individual'),
    },
    coverage: { states, of, share: of > 0 ? states / of : 0 },
    regionalGroups: distribution(countBy(participants, region), REGION_CATEGORIES, {
      membership: countBy(refs.membership, region),
      composition: composition ? countBy(composition, region) : null,
    }),
    development: flagShares(FLAGS, flagCounts(participants), {
      membership: flagCounts(refs.membership),
      composition: composition ? flagCounts(composition) : null,
    }),
    stakeholderGroups: distribution(countBy(participants, stakeholder), STAKEHOLDER_CATEGORIES, {
      composition: composition ? countBy(composition, stakeholder) : null,
    }),
    languages: distribution(countLanguages(participants), LANGUAGE_CATEGORIES),
  }
}

/** One point of a trend: a year or a cycle of a process, summarized. */
export interface TrendPoint {
  label: string
  participants: number
  states: number
  coverage: number
  regionalEvenness: number | null
  stakeholderEvenness: number | null
  ldcShare: number
}

export function trendPoint(label: string, balance: Balance): TrendPoint {
  return {
    label,
    participants: balance.participants,
    states: balance.coverage.states,
    coverage: balance.coverage.share,
    regionalEvenness: balance.regionalGroups.evenness,
    stakeholderEvenness: balance.stakeholderGroups.evenness,
    ldcShare: balance.development.find((f) => f.flag === 'ldc')?.share ?? 0,
  }
}
