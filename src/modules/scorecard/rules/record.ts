// What the scorecard reads from the record, as plain data: a process's documents, decisions,
// contributions, proposals, report and follow-up, its cycles; and what belongs to no process
// (the annual reporting cycles and the emerging issues). The rules compute the indicators from it.

/** WGEC recommendation 1: the high-level characteristics (the keys the annual reports use). */
export const CHARACTERISTICS = [
  'transparency',
  'inclusiveness',
  'collaborative_approach',
  'effectiveness',
  'sustainability',
  'responsiveness_to_innovation',
  'international_dimension',
] as const
export type Characteristic = (typeof CHARACTERISTICS)[number]

export const REGIONAL_GROUP_COUNT = 5
/** governments, the six stakeholder groups and individuals, as contributions record them */
export const CONTRIBUTOR_GROUP_COUNT = 8
export const UN_LANGUAGE_COUNT = 6
/** six weeks, as UN rules of procedure ask of documents before the meeting that considers them */
export const SIX_WEEKS_DAYS = 42

export interface ProcessRecord {
  /** documents tied to a meeting: the day issued and the day the meeting starts (UTC) */
  documents: { issuedOn: string; meetingStartsOn: string }[]
  /** the Chair's declarations and reopenings, and the process's changes of state */
  decisions: { year: number; reasoned: boolean }[]
  /** contributions counted by year of submission, status and the speaker's groups */
  contributions: {
    year: number
    status: 'published' | 'pending_review' | 'withdrawn' | 'hidden'
    regionalGroup: string | null
    stakeholderGroup: string
    ldc: boolean
    language: string
    n: number
  }[]
  /** proposals not merged into another: the year submitted and the groups of every party (merged ones' too) */
  proposals: { year: number; regionalGroups: string[]; stakeholderGroups: string[] }[]
  /** the issued report: the year issued and its recommendations (paragraph ids) */
  report: { year: number; recommendations: number[] } | null
  /** every follow-up record of those recommendations */
  followUps: { paragraphId: number; year: number; status: string; recordedAt: Date }[]
  /** the process and the cycles before it (recurring processes): the cycle year and the years its meetings started */
  cycles: { year: number; meetingYears: number[] }[]
}

export interface PlatformRecord {
  /** the annual reporting cycles */
  reporting: {
    year: number
    /** ISO date */
    deadline: string
    invited: number[]
    /** organizations that submitted: first submission day, headquarters' regional group, characteristics written on */
    reports: {
      organizationId: number
      firstSubmittedOn: string | null
      regionalGroup: string | null
      characteristics: string[]
    }[]
  }[]
  /** issues flagged emerging: the day first raised and their status now */
  emergingIssues: { raisedOn: string; status: 'active' | 'proposed' | 'declined' }[]
}

export const EMPTY_PROCESS_RECORD: ProcessRecord = {
  documents: [],
  decisions: [],
  contributions: [],
  proposals: [],
  report: null,
  followUps: [],
  cycles: [],
}
