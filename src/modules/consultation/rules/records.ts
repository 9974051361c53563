// One record of an import file checked and resolved into a contribution, or refused with the
// reason (for the rejects file). Columns: external_id, submitted_at (ISO 8601), speaker_kind
// (individual | organization | member_state), speaker_name, organization, country (ISO alpha-3
// or empty), language (ar|zh|en|fr|ru|es), question (position of the guiding question, default
// 1), text; and, where the issue is silent, stakeholder_group for an organization the platform
// does not know (default civil_society).
import { Utf8Text } from '../../../core/formats/utf8-text.ts'
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

const digit = (s: string, i: number) => s.charCodeAt(i) - 48
const digits = (s: string, from: number, to: number) => {
  let n = 0
  for (let i = from; i < to; i++) {
    const d = digit(s, i)
    if (d < 0 || d > 9) return -1
    n = n * 10 + d
  }
  return n
}

/**
 * The instant of a date as JavaScript's toISOString writes it (2026-11-01T09:30:00.000Z, what
 * exports and the bench send), read by hand: the regular expression, the calendar check and Date's
 * own parsing were a tenth of this process's work on a million records. Anything else (another
 * form, a year before 1000, an hour past 23) gives undefined and goes the general way (submittedAtOf).
 */
function canonicalInstant(at: string): Date | undefined {
  if (at.length !== 24 || at.charCodeAt(23) !== 90 /* Z */) return undefined
  // - - T : : .
  if (at.charCodeAt(4) !== 45 || at.charCodeAt(7) !== 45 || at.charCodeAt(10) !== 84) return undefined
  if (at.charCodeAt(13) !== 58 || at.charCodeAt(16) !== 58 || at.charCodeAt(19) !== 46) return undefined
  const year = digits(at, 0, 4)
  const month = digits(at, 5, 7)
  const day = digits(at, 8, 10)
  const hour = digits(at, 11, 13)
  const minute = digits(at, 14, 16)
  const second = digits(at, 17, 19)
  const ms = digits(at, 20, 23)
  if (year < 1000 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59)
    return undefined
  if (second < 0 || second > 59 || ms < 0) return undefined
  // a day the month does not have (2026-02-30) is left to the general way, which refuses it (realDay);
  // counted here rather than read back from a Date (getUTCMonth and getUTCDate cost more than the rest)
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  if (day > (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number))) return undefined
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms))
}
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** The instant of submitted_at, or null when it is not an ISO 8601 date of a day that exists. */
function submittedAtOf(at: string): Date | null {
  const quick = canonicalInstant(at)
  if (quick) return quick
  const date = new Date(at)
  return ISO_DATE.test(at) && realDay(at) && !Number.isNaN(date.getTime()) ? date : null
}

const KINDS: readonly string[] = ['individual', 'organization', 'member_state']

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : v === undefined || v === null ? '' : String(v).trim())

// a function of the module, not a closure made for each record: tsx names every closure it makes
// (a call of its __name helper per record, a million times on a bulk import)
function refuse(reason: string): RecordResult {
  return { ok: false, reason }
}

/** Checks one record (a CSV row or JSON object, by column name). */
export function checkRecord(fields: Record<string, unknown>, line: number, world: Resolver): RecordResult {
  // PostgreSQL text cannot hold NUL: left in, the batch's COPY would fail and the import with it
  for (const name in fields) {
    const v = fields[name]
    if (typeof v === 'string' ? v.includes('\u0000') : v instanceof Utf8Text && v.hasNul())
      return refuse(`${name} holds a NUL character`)
  }
  const externalId = text(fields.external_id)
  if (externalId === '') return refuse('external_id is empty')
  if (externalId.length > 200) return refuse('external_id is longer than 200 characters')
  const at = text(fields.submitted_at)
  const submittedAt = submittedAtOf(at)
  if (submittedAt === null) return refuse('submitted_at is not an ISO 8601 date')
  const kind = text(fields.speaker_kind) || 'individual'
  if (!KINDS.includes(kind)) return refuse('speaker_kind is not individual, organization or member_state')
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
  // a text read as bytes (a CSV's) stays bytes, the database's own encoding (see Utf8Text)
  const body = fields.text instanceof Utf8Text ? fields.text.trimmed() : text(fields.text)
  if (body === '') return refuse('text is empty')
  if (typeof body === 'string' ? body.length > TEXT_MAX : body.lengthAbove(TEXT_MAX))
    return refuse(`text is longer than ${TEXT_MAX} characters`)
  const a = { externalId, submittedAt, language, questionId, text: body, sourceLine: line, state }
  if (kind === 'member_state') {
    if (!state) return refuse('a member_state speaker needs its country')
    return accepted(a, 'member_state', country, null, state.name, 'government')
  }
  if (kind === 'organization') {
    if (organization === '') return refuse('an organization speaker needs its organization')
    const known = world.organizations.get(organization.toLowerCase())
    const group = text(fields.stakeholder_group) || known?.stakeholderGroup || 'civil_society'
    if (!world.stakeholderGroups.includes(group)) return refuse(`stakeholder_group ${group} is not known`)
    return accepted(a, 'organization', null, known?.id ?? null, organization, group)
  }
  if (speakerName === '') return refuse('an individual speaker needs a speaker_name')
  return accepted(a, 'self', null, null, speakerName, 'individual')
}

type Checked = Pick<
  ImportedContribution,
  'externalId' | 'submittedAt' | 'language' | 'questionId' | 'text' | 'sourceLine'
> & {
  state: { regionalGroup: string | null; ldc: boolean; lldc: boolean; sids: boolean } | undefined
}

// the contribution in one object literal (spreading a shared part into each was a measurable share
// of a million records)
function accepted(
  a: Checked,
  speakingFor: ImportedContribution['speakingFor'],
  memberStateIso3: string | null,
  organizationId: number | null,
  contributorName: string,
  stakeholderGroup: string,
): RecordResult {
  return {
    ok: true,
    value: {
      externalId: a.externalId,
      submittedAt: a.submittedAt,
      language: a.language,
      questionId: a.questionId,
      text: a.text,
      sourceLine: a.sourceLine,
      regionalGroup: a.state?.regionalGroup ?? null,
      ldc: a.state?.ldc ?? false,
      lldc: a.state?.lldc ?? false,
      sids: a.state?.sids ?? false,
      speakingFor,
      memberStateIso3,
      organizationId,
      contributorName,
      stakeholderGroup,
    },
  }
}
