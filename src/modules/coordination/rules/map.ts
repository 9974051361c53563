// The map's analyses, over plain data. Gaps: public-policy issues with no mechanism where
// governments take part on an equal footing (Tunis Agenda para 69); issues with no channel for
// stakeholders; issues with no support for developing countries' participation. Overlaps: issues
// that N or more mechanisms address, the candidates for coordination (Tunis para 37).
import type { GovernmentParticipation, MechanismType, Scope, StakeholderParticipation } from '../vocabulary.ts'

export interface MapIssue {
  id: number
  slug: string
  basket: string
  scope: Scope
}

export interface MapMechanism {
  id: number
  organizationId: number
  type: MechanismType
  governments: GovernmentParticipation
  stakeholders: StakeholderParticipation
  support: readonly string[]
  issueIds: readonly number[]
}

export const GAP_KINDS = ['no_equal_footing', 'no_stakeholder_channel', 'no_developing_support'] as const
export type GapKind = (typeof GAP_KINDS)[number]

export interface Gap {
  issueId: number
  kind: GapKind
  /** how many mechanisms address the issue at all */
  mechanisms: number
}

/** The mechanisms that address each issue. */
export function byIssue(issues: readonly MapIssue[], mechanisms: readonly MapMechanism[]): Map<number, MapMechanism[]> {
  const result = new Map<number, MapMechanism[]>(issues.map((i) => [i.id, []]))
  for (const m of mechanisms) for (const id of m.issueIds) result.get(id)?.push(m)
  return result
}

export function findGaps(issues: readonly MapIssue[], mechanisms: readonly MapMechanism[]): Gap[] {
  const addressed = byIssue(issues, mechanisms)
  const gaps: Gap[] = []
  for (const issue of issues) {
    const ms = addressed.get(issue.id) ?? []
    if (issue.scope === 'public_policy' && !ms.some((m) => m.governments === 'equal_footing'))
      gaps.push({ issueId: issue.id, kind: 'no_equal_footing', mechanisms: ms.length })
    if (!ms.some((m) => m.stakeholders === 'full_member' || m.stakeholders === 'consultative'))
      gaps.push({ issueId: issue.id, kind: 'no_stakeholder_channel', mechanisms: ms.length })
    if (!ms.some((m) => m.support.length > 0))
      gaps.push({ issueId: issue.id, kind: 'no_developing_support', mechanisms: ms.length })
  }
  return gaps
}

export interface Overlap {
  issueId: number
  mechanismIds: number[]
  /** how many different organizations run them */
  organizations: number
}

/** Issues addressed by at least `threshold` mechanisms, the most crowded first. */
export function findOverlaps(
  issues: readonly MapIssue[],
  mechanisms: readonly MapMechanism[],
  threshold: number,
): Overlap[] {
  const addressed = byIssue(issues, mechanisms)
  return issues
    .flatMap((issue) => {
      const ms = addressed.get(issue.id) ?? []
      return ms.length >= threshold
        ? [
            {
              issueId: issue.id,
              mechanismIds: ms.map((m) => m.id),
              organizations: new Set(ms.map((m) => m.organizationId)).size,
            },
          ]
        : []
    })
    .sort((a, b) => b.mechanismIds.length - a.mechanismIds.length || a.issueId - b.issueId)
}

export interface MapFilter {
  basket?: string | undefined
  scope?: Scope | undefined
  type?: MechanismType | undefined
}

/** The issues and mechanisms a filtered map shows. */
export function filterMap<I extends MapIssue, M extends MapMechanism>(
  issues: readonly I[],
  mechanisms: readonly M[],
  f: MapFilter,
) {
  const shownIssues = issues.filter((i) => (!f.basket || i.basket === f.basket) && (!f.scope || i.scope === f.scope))
  const ids = new Set(shownIssues.map((i) => i.id))
  const shownMechanisms = mechanisms.filter(
    (m) => (!f.type || m.type === f.type) && m.issueIds.some((id) => ids.has(id)),
  )
  return { issues: shownIssues, mechanisms: shownMechanisms }
}
