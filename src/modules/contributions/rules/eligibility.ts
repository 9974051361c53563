// Who may contribute to a call, and for whom. A delegate speaks for their State, a
// representative for their organization, anyone for themselves; the call's eligibility narrows
// that down: members of the body only, accredited delegations and stakeholders, or everyone.
import type { Eligibility } from '../../processes/index.ts'
import type { SpeakingFor } from '../tables.ts'

export type Speaker =
  | { speakingFor: 'member_state'; memberStateIso3: string }
  | { speakingFor: 'organization'; organizationId: number }
  | { speakingFor: 'self' }

export interface Voices {
  /** States the person is an accredited delegate of */
  delegations: readonly string[]
  /** organizations the person represents */
  organizations: readonly number[]
}

export interface BodyMembership {
  memberStates: ReadonlySet<string>
  organizations: ReadonlySet<number>
}

/** Every voice in which this person may answer this call, in the order a form offers them. */
export function speakersFor(voices: Voices, eligibility: Eligibility, body: BodyMembership): Speaker[] {
  const members = eligibility === 'members'
  const speakers: Speaker[] = [
    ...voices.delegations
      .filter((iso3) => !members || body.memberStates.has(iso3))
      .map((memberStateIso3) => ({ speakingFor: 'member_state' as const, memberStateIso3 })),
    ...voices.organizations
      .filter((id) => !members || body.organizations.has(id))
      .map((organizationId) => ({ speakingFor: 'organization' as const, organizationId })),
  ]
  if (eligibility === 'everyone') speakers.push({ speakingFor: 'self' })
  return speakers
}

export function sameSpeaker(a: Speaker, b: Speaker): boolean {
  if (a.speakingFor !== b.speakingFor) return false
  if (a.speakingFor === 'member_state' && b.speakingFor === 'member_state')
    return a.memberStateIso3 === b.memberStateIso3
  if (a.speakingFor === 'organization' && b.speakingFor === 'organization') return a.organizationId === b.organizationId
  return true
}

/** The form's value for a speaker ("member_state:BRA", "organization:12", "self") and back. */
export function speakerKey(s: Speaker): string {
  return s.speakingFor === 'member_state'
    ? `member_state:${s.memberStateIso3}`
    : s.speakingFor === 'organization'
      ? `organization:${s.organizationId}`
      : 'self'
}

export function parseSpeakerKey(key: string): Speaker | null {
  const [kind, id] = key.split(':') as [SpeakingFor | string, string | undefined]
  if (kind === 'self' && id === undefined) return { speakingFor: 'self' }
  if (kind === 'member_state' && id && /^[A-Z]{3}$/.test(id))
    return { speakingFor: 'member_state', memberStateIso3: id }
  if (kind === 'organization' && id && /^[1-9][0-9]{0,15}$/.test(id)) {
    return { speakingFor: 'organization', organizationId: Number(id) }
  }
  return null
}
