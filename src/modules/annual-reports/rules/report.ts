// What an annual report holds, where a report stands in its cycle, and the synthesis of a year's
// reports per issue and per high-level characteristic of WGEC recommendation 1, compared with
// the year before.

/** WGEC rec. 1: the high-level characteristics that should guide enhanced cooperation. */
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

export const TEXT_FIELDS = ['actions', 'governments', 'stakeholders', 'developing', 'outcomes', 'plans'] as const
export type TextField = (typeof TEXT_FIELDS)[number]

export interface ReportContent {
  actions?: string
  governments?: string
  stakeholders?: string
  developing?: string
  outcomes?: string
  plans?: string
  /** slugs of the taxonomy's issues the organization addressed */
  issues?: string[]
  /** what the organization did for each characteristic */
  characteristics?: Partial<Record<Characteristic, string>>
  /** the recommendations of issued reports its actions implement (their paragraph ids) */
  implements?: number[]
}

/** What a submission needs: the actions taken and at least one issue. */
export function submissionProblems(content: ReportContent): { path: string; code: string }[] {
  const problems: { path: string; code: string }[] = []
  if (!content.actions?.trim()) problems.push({ path: 'actions', code: 'validation.required' })
  if (!content.issues?.length) problems.push({ path: 'issues', code: 'annualReports.issuesRequired' })
  return problems
}

export type BoardStatus = 'invited' | 'draft' | 'published' | 'late'

/** An invited organization's status: published once submitted; late after the deadline otherwise. */
export function boardStatus(
  report: { version: number; draftSavedAt: Date | null } | undefined,
  deadline: string,
  today: string,
): BoardStatus {
  if (report && report.version > 0) return 'published'
  if (today > deadline) return 'late'
  return report?.draftSavedAt ? 'draft' : 'invited'
}

export interface PublishedReport {
  organizationId: number
  content: ReportContent
}

export interface IssueSynthesis {
  issue: string
  organizations: number[]
  previous: number
}

/** Per issue: the organizations whose reports address it this year, and how many did last year. */
export function synthesizeIssues(
  current: readonly PublishedReport[],
  previous: readonly PublishedReport[],
): IssueSynthesis[] {
  const count = (reports: readonly PublishedReport[]) => {
    const by = new Map<string, number[]>()
    for (const r of reports)
      for (const slug of new Set(r.content.issues ?? [])) by.set(slug, [...(by.get(slug) ?? []), r.organizationId])
    return by
  }
  const now = count(current)
  const before = count(previous)
  const slugs = [...new Set([...now.keys(), ...before.keys()])]
  return slugs
    .map((issue) => ({ issue, organizations: now.get(issue) ?? [], previous: before.get(issue)?.length ?? 0 }))
    .sort((a, b) => b.organizations.length - a.organizations.length || a.issue.localeCompare(b.issue))
}

/** Per characteristic: what each organization reported. */
export function synthesizeCharacteristics(current: readonly PublishedReport[]) {
  return CHARACTERISTICS.map((characteristic) => ({
    characteristic,
    entries: current.flatMap((r) => {
      const text = r.content.characteristics?.[characteristic]?.trim()
      return text ? [{ organizationId: r.organizationId, text }] : []
    }),
  }))
}
