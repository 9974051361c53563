// The filtered map with its gap and overlap analyses, and their rows as the CSV downloads and the
// API give them: one computation and one shape of row for the pages, the CSV and the JSON.
import type { Db } from '../../core/db/database.ts'
import { type Issue, mapData } from './queries.ts'
import { filterMap, findGaps, findOverlaps, type Gap, type MapFilter, type Overlap } from './rules/map.ts'

/** Overlaps start at this many mechanisms on one issue unless the query says otherwise. */
export const DEFAULT_OVERLAP = 3

export async function analyses(db: Db, filter: MapFilter, n = DEFAULT_OVERLAP) {
  const data = await mapData(db)
  const shown = filterMap(data.issues, data.mechanisms, filter)
  // gaps look at every mechanism on an issue, whatever the type filter
  const gaps = findGaps(shown.issues, filter.type ? shown.mechanisms : data.mechanisms)
  const overlaps = findOverlaps(shown.issues, shown.mechanisms, n)
  return { ...shown, all: data, gaps, overlaps, byId: new Map(shown.issues.map((i) => [i.id, i])) }
}

export function gapRows(gaps: Gap[], issues: Map<number, Issue>) {
  return gaps.map((g) => ({
    issue: issues.get(g.issueId)?.slug ?? '',
    basket: issues.get(g.issueId)?.basket ?? '',
    scope: issues.get(g.issueId)?.scope ?? '',
    gap: g.kind,
    mechanisms: g.mechanisms,
  }))
}

export function overlapRows(overlaps: Overlap[], issues: Map<number, Issue>) {
  return overlaps.map((o) => ({
    issue: issues.get(o.issueId)?.slug ?? '',
    mechanisms: o.mechanismIds,
    organizations: o.organizations,
  }))
}
