// Reads the record the scorecard is computed from, through other modules' exports only: a
// process's meetings, documents, decisions, contributions, proposals, report and cycles; and the
// platform's annual reporting cycles and emerging issues.

import { isoDate } from '../../core/dates.ts'
import type { Db } from '../../core/db/database.ts'
import { electoralGroup, findOrganizationsByIds, listMemberStates } from '../actors/index.ts'
import { reportingRecord } from '../annual-reports/index.ts'
import { contributionCounts } from '../contributions/index.ts'
import { listIssues } from '../coordination/index.ts'
import { documentsOf as negotiatingDocumentsOf, statementsOf } from '../negotiation/index.ts'
import { documentsOf, findProcess, meetingsOf, type Process, stateChangesOf } from '../processes/index.ts'
import { proposalsOf } from '../proposals/index.ts'
import { recommendationsRecord } from '../reports/index.ts'
import { CHARACTERISTICS, type PlatformRecord, type ProcessRecord } from './rules/record.ts'

const day = isoDate
const year = (d: Date) => d.getUTCFullYear()

/** Regional group of each State (its electoral group) and of each organization (its seat's). */
async function groupsOf(db: Db, organizationIds: number[]) {
  const states = new Map((await listMemberStates(db)).map((s) => [s.iso3, electoralGroup(s)]))
  const organizations = new Map(
    (await findOrganizationsByIds(db, [...new Set(organizationIds)])).map((o) => [
      o.id,
      {
        stakeholderGroup: o.stakeholderGroup as string,
        regionalGroup: o.headquartersIso3 ? (states.get(o.headquartersIso3) ?? null) : null,
      },
    ]),
  )
  return { states, organizations }
}

/** The process and the cycles before it, newest first (a recurring process's chain), at most 50. */
async function chainOf(db: Db, process: Process): Promise<Process[]> {
  const chain = [process]
  let previous = process.previousProcessId
  while (previous && chain.length < 50 && !chain.some((p) => p.id === previous)) {
    const found = await findProcess(db, previous)
    if (!found) break
    chain.push(found)
    previous = found.previousProcessId
  }
  return chain
}

export async function processRecord(db: Db, process: Process): Promise<ProcessRecord> {
  const processId = process.id
  const [meetings, documents, stateChanges, contributions, proposals, negotiating, chain] = await Promise.all([
    meetingsOf(db, { processId }),
    documentsOf(db, processId),
    stateChangesOf(db, processId),
    contributionCounts(db, processId),
    proposalsOf(db, processId),
    negotiatingDocumentsOf(db, processId),
    chainOf(db, process),
  ])
  const statements = (await Promise.all(negotiating.map((d) => statementsOf(db, d.id)))).flat()
  const meetingStart = new Map(meetings.map((m) => [m.id, day(m.startsAt)]))
  const groups = await groupsOf(
    db,
    proposals.flatMap((p) => p.organizations),
  )
  const byId = new Map(proposals.map((p) => [p.id, p]))
  // a proposal's parties with those of the proposals merged into it
  const parties = (id: number, seen = new Set<number>()): { states: string[]; organizations: number[] } => {
    const p = byId.get(id)
    if (!p || seen.has(id)) return { states: [], organizations: [] }
    seen.add(id)
    const merged = p.mergedFrom.map((m) => parties(m, seen))
    return {
      states: [...p.memberStates, ...merged.flatMap((m) => m.states)],
      organizations: [...p.organizations, ...merged.flatMap((m) => m.organizations)],
    }
  }
  const report = await issuedReport(db, processId)
  const chainMeetings = await Promise.all(
    chain.slice(1).map(async (p) => ({ p, meetings: await meetingsOf(db, { processId: p.id }) })),
  )
  return {
    documents: documents.flatMap((d) => {
      const starts = d.meetingId ? meetingStart.get(d.meetingId) : undefined
      return starts ? [{ issuedOn: String(d.issuedOn).slice(0, 10), meetingStartsOn: starts }] : []
    }),
    decisions: [
      ...statements
        .filter((s) => s.kind === 'declaration' || s.kind === 'reopening')
        .map((s) => ({ year: year(s.at), reasoned: s.text.trim() !== '' })),
      ...stateChanges.map((c) => ({ year: year(c.changedAt), reasoned: !!c.reason?.trim() })),
    ],
    contributions,
    proposals: proposals
      .filter((p) => p.status !== 'merged')
      .map((p) => {
        const { states, organizations } = parties(p.id)
        const orgs = organizations.flatMap((o) => groups.organizations.get(o) ?? [])
        return {
          year: year(p.createdAt),
          regionalGroups: [
            ...states.flatMap((s) => groups.states.get(s) ?? []),
            ...orgs.flatMap((o) => o.regionalGroup ?? []),
          ],
          stakeholderGroups: [...(states.length ? ['government'] : []), ...orgs.map((o) => o.stakeholderGroup)],
        }
      }),
    report: report ? { year: report.year, recommendations: report.recommendations } : null,
    followUps: report?.followUps ?? [],
    cycles: [
      ...(process.cycleYear ? [{ year: process.cycleYear, meetingYears: meetings.map((m) => year(m.startsAt)) }] : []),
      ...chainMeetings.flatMap(({ p, meetings: ms }) =>
        p.cycleYear ? [{ year: p.cycleYear, meetingYears: ms.map((m) => year(m.startsAt)) }] : [],
      ),
    ],
  }
}

async function issuedReport(db: Db, processId: number) {
  const report = await recommendationsRecord(db, processId)
  if (!report) return null
  return { ...report, year: Number(String(report.issuedOn).slice(0, 4)) }
}

export async function platformRecord(db: Db): Promise<PlatformRecord> {
  const [cycles, issues] = await Promise.all([reportingRecord(db), listIssues(db, ['active', 'proposed', 'declined'])])
  const groups = await groupsOf(
    db,
    cycles.flatMap((c) => c.reports.map((r) => r.organizationId)),
  )
  return {
    reporting: cycles.map((c) => ({
      year: c.year,
      deadline: c.deadline,
      invited: c.invited,
      reports: c.reports.map((r) => ({
        organizationId: r.organizationId,
        firstSubmittedOn: r.firstSubmittedAt ? day(r.firstSubmittedAt) : null,
        regionalGroup: groups.organizations.get(r.organizationId)?.regionalGroup ?? null,
        characteristics: CHARACTERISTICS.filter((ch) => r.content.characteristics?.[ch]?.trim()),
      })),
    })),
    emergingIssues: issues.flatMap((i) =>
      i.emerging ? [{ raisedOn: String(i.firstRaisedOn ?? day(i.createdAt)).slice(0, 10), status: i.status }] : [],
    ),
  }
}
