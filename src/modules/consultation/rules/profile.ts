// Who a campaign's speakers are (stakeholder group, region, LDC/LLDC/SIDS) and its signals of
// coordination: the most submissions in one minute, the share from accounts made in the week
// before, and members whose metadata (name, group, region, language) another member repeats.
import type { CampaignProfile } from '../tables.ts'

export const NEW_ACCOUNT_DAYS = 7

export interface MemberFacts {
  submittedAt: Date
  contributorName: string
  stakeholderGroup: string
  regionalGroup: string | null
  ldc: boolean
  lldc: boolean
  sids: boolean
  language: string
  accountCreatedAt: Date | null
}

export function isNewAccount(m: Pick<MemberFacts, 'submittedAt' | 'accountCreatedAt'>): boolean {
  return (
    m.accountCreatedAt !== null &&
    m.submittedAt.getTime() - m.accountCreatedAt.getTime() < NEW_ACCOUNT_DAYS * 86_400_000
  )
}

const metadataKey = (m: MemberFacts) =>
  `${m.contributorName.trim().toLowerCase()}\u0000${m.stakeholderGroup}\u0000${m.regionalGroup ?? ''}\u0000${m.language}`

/** The profile of a campaign from all its members (the rebuild). */
export function profileOf(members: MemberFacts[]): CampaignProfile {
  const profile: Required<CampaignProfile> = {
    groups: {},
    regions: {},
    ldc: 0,
    lldc: 0,
    sids: 0,
    newAccounts: 0,
    platform: 0,
    peakPerMinute: 0,
    identicalMetadata: 0,
  }
  const minutes = new Map<number, number>()
  const keys = new Map<string, number>()
  for (const m of members) {
    addMember(profile, m)
    const minute = Math.floor(m.submittedAt.getTime() / 60_000)
    minutes.set(minute, (minutes.get(minute) ?? 0) + 1)
    const key = metadataKey(m)
    keys.set(key, (keys.get(key) ?? 0) + 1)
  }
  profile.peakPerMinute = Math.max(0, ...minutes.values())
  for (const n of keys.values()) if (n > 1) profile.identicalMetadata += n
  return profile
}

/** Adds an arriving member to a profile (the minute peak and shared metadata wait for a rebuild). */
export function addMember(profile: CampaignProfile, m: MemberFacts): CampaignProfile {
  profile.groups = profile.groups ?? {}
  profile.groups[m.stakeholderGroup] = (profile.groups[m.stakeholderGroup] ?? 0) + 1
  const region = m.regionalGroup ?? 'none'
  profile.regions = profile.regions ?? {}
  profile.regions[region] = (profile.regions[region] ?? 0) + 1
  if (m.ldc) profile.ldc = (profile.ldc ?? 0) + 1
  if (m.lldc) profile.lldc = (profile.lldc ?? 0) + 1
  if (m.sids) profile.sids = (profile.sids ?? 0) + 1
  if (m.accountCreatedAt !== null) profile.platform = (profile.platform ?? 0) + 1
  if (isNewAccount(m)) profile.newAccounts = (profile.newAccounts ?? 0) + 1
  return profile
}
