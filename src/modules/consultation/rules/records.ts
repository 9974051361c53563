// One record of an import file checked and resolved into a contribution, or refused with the
// reason (for the rejects file). Columns: external_id, submitted_at (ISO 8601), speaker_kind
// (individual | organization | member_state), speaker_name, organization, country (ISO alpha-3
// or empty), language (ar|zh|en|fr|ru|es), question (position of the guiding question, default
// 1), text; and, where the issue is silent, stakeholder_group for an organization the platform
// does not know (default civil_society).
import type { ImportedContribution } from '../../contributions/index.ts'

export const COLUMNS = [
  'external_id',
  'submitted_at',
  'speaker_kind',
  'speaker_name',
  'organization',
  'country',
  'language',
  'question',
  'text',
] as const

export const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const
export const TEXT_MAX = 50_000
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/

/** What the import knows of the world to resolve a record (loaded once per import). */
export interface Resolver {
  /** ISO alpha-3 -> the Member State's English short name, group and development status */
  memberStates: Map<string, { name: string; regionalGroup: string | null; ldc: boolean; lldc: boolean; sids: boolean }>
  /** organization name (lower case) -> id and stakeholder group */
  organizations: Map<string, { id: number; stakeholderGroup: string }>
  stakeholderGroups: readonly string[]
  /** guiding question ids of the call, in order */
  questionIds: number[]
  /** the call's languages */
  languages: string[]
}

export type RecordResult = { ok: true; value: ImportedContribution } | { ok: false; reason: string }

/** A calendar day that exists: JavaScript reads 2026-02-30 as 2 March rather than refusing it. */
function realDay(iso: string): boolean {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : v === undefined || v === null ? '' : String(v).trim())

/** Checks one record (a CSV row or JSON object, by column name). */
export function checkRecord(fields: Record<string, unknown>, line: number, world: Resolver): RecordResult {
  const refuse = (reason: string): RecordResult => ({ ok: false, reason })
  // PostgreSQL text cannot hold NUL: left in, the batch's COPY would fail and the import with it
  const nul = Object.entries(fields).find(([, v]) => typeof v === 'string' && v.includes('\u0000'))
  if (nul) return refuse(`${nul[0]} holds a NUL character`)
  const externalId = text(fields.external_id)
  if (externalId === '') return refuse('external_id is empty')
  if (externalId.length > 200) return refuse('external_id is longer than 200 characters')
  const at = text(fields.submitted_at)
  const submittedAt = new Date(at)
  if (!ISO_DATE.test(at) || !realDay(at) || Number.isNaN(submittedAt.getTime()))
    return refuse('submitted_at is not an ISO 8601 date')
  const kind = text(fields.speaker_kind) || 'individual'
  if (!['individual', 'organization', 'member_state'].includes(kind))
    return refuse('speaker_kind is not individual, organization or member_state')
  const speakerName = text(fields.speaker_name)
  const organization = text(fields.organization)
  const country = text(fields.country).toUpperCase()
  const state = country === '' ? undefined : world.memberStates.get(country)
  if (country !== '' && !state) return refuse(`country ${country} is not the ISO alpha-3 code of a Member State`)
  const language = text(fields.language)
  if (!(LANGUAGES as readonly string[]).includes(language)) return refuse('language is not one of ar zh en fr ru es')
  if (!world.languages.includes(language)) return refuse(`the call does not take contributions in ${language}`)
  const position = text(fields.question) === '' ? 1 : Number(text(fields.question))
  const questionId = Number.isInteger(position) && position >= 1 ? world.questionIds[position - 1] : undefined
  if (questionId === undefined) return refuse(`question ${text(fields.question)} is not a guiding question of the call`)
  const body = text(fields.text)
  if (body === '') return refuse('text is empty')
  if (body.length > TEXT_MAX) return refuse(`text is longer than ${TEXT_MAX} characters`)
  const place = {
    regionalGroup: state?.regionalGroup ?? null,
    ldc: state?.ldc ?? false,
    lldc: state?.lldc ?? false,
    sids: state?.sids ?? false,
  }
  const common = { externalId, submittedAt, language, questionId, text: body, sourceLine: line, ...place }
  if (kind === 'member_state') {
    if (!state) return refuse('a member_state speaker needs its country')
    return {
      ok: true,
      value: {
        ...common,
        speakingFor: 'member_state',
        memberStateIso3: country,
        organizationId: null,
        contributorName: state.name,
        stakeholderGroup: 'government',
      },
    }
  }
  if (kind === 'organization') {
    if (organization === '') return refuse('an organization speaker needs its organization')
    const known = world.organizations.get(organization.toLowerCase())
    const group = text(fields.stakeholder_group) || known?.stakeholderGroup || 'civil_society'
    if (!world.stakeholderGroups.includes(group)) return refuse(`stakeholder_group ${group} is not known`)
    return {
      ok: true,
      value: {
        ...common,
        speakingFor: 'organization',
        memberStateIso3: null,
        organizationId: known?.id ?? null,
        contributorName: organization,
        stakeholderGroup: group,
      },
    }
  }
  if (speakerName === '') return refuse('an individual speaker needs a speaker_name')
  return {
    ok: true,
    value: {
      ...common,
      speakingFor: 'self',
      memberStateIso3: null,
      organizationId: null,
      contributorName: speakerName,
      stakeholderGroup: 'individual',
    },
  }
}
