// The report, assembled from the process's records: an introduction written from them (meetings
// and their dates, contributions by stakeholder group and region), the recommendations adopted
// by consensus, the divergent views that did not reach consensus (2 bis, 2 tres), Annex I the
// members, Annex II every proposal in full with its fate. The same data feeds HTML, JSON, Word
// and Akoma Ntoso.
import type { AuditAnchor } from '../../core/audit/anchor.tsx'
import type { Db } from '../../core/db/database.ts'
import type { Translator } from '../../core/i18n/messages.ts'
import { findOrganizationsByIds, listMemberStates, localized } from '../actors/index.ts'
import { type Summary, summaryFromGroups, summaryRows } from '../contributions/index.ts'
import { documentsOf, paragraphsOf } from '../negotiation/index.ts'
import { bodyMembers, findBody, findProcess, meetingsOf } from '../processes/index.ts'
import { proposalsOf } from '../proposals/index.ts'

export interface ReportParagraph {
  id: number
  /** preambular paragraphs open the text (Akoma Ntoso's preamble); operative ones decide */
  kind: 'preambular' | 'operative'
  label: string | null
  text: string
  /** the lines that go with it: its lettered parts and the list or bullets that follow it */
  continuation: string[]
}

export interface Report {
  process: { id: number; slug: string; title: string; mandateSymbol: string; mandateParagraph: string | null }
  body: { name: string; acronym: string | null; slug: string }
  document: { id: number; title: string; symbol: string | null; language: string; revision: number } | null
  /** the work's date: the end of the latest meeting, else the day the process was opened (stable, never today) */
  date: string
  meetings: { number: number; title: string; startsAt: string; endsAt: string; venue: string | null }[]
  contributions: Summary
  recommendations: ReportParagraph[]
  divergentViews: ReportParagraph[]
  members: { memberStates: string[]; organizations: { name: string; stakeholderGroup: string }[] }
  /** the audit log's checkpoint when the report was produced (set by the route, core/audit) */
  auditCheckpoint?: AuditAnchor
  proposals: {
    id: number
    title: string
    /** the language the proposal is written in */
    language: string
    proponents: string[]
    text: string
    rationale: string
    status: string
  }[]
}

export async function assembleReport(db: Db, processId: number): Promise<Report | null> {
  const process = await findProcess(db, processId)
  if (!process) return null
  const body = await findBody(db, process.bodyId)
  if (!body) return null
  const [meetings, tally, documents, proposals, members] = await Promise.all([
    meetingsOf(db, { processId }),
    summaryRows(db, processId),
    documentsOf(db, processId),
    proposalsOf(db, processId),
    bodyMembers(db, body.id),
  ])
  const document = documents.at(-1) ?? null
  const paragraphs = document ? await paragraphsOf(db, document.id) : []
  // every State's name from one read of the reference data, for Annex I and the proponents
  const stateNames = new Map((await listMemberStates(db)).map((st) => [st.iso3, st.shortName.en]))
  const states = members.flatMap((m) =>
    m.standing === 'member' && m.memberStateIso3 ? [stateNames.get(m.memberStateIso3) ?? m.memberStateIso3] : [],
  )
  const orgIds = [
    ...new Set([
      ...members.filter((m) => m.standing === 'member' && m.organizationId).map((m) => m.organizationId as number),
      ...proposals.flatMap((p) => p.organizations),
    ]),
  ]
  const orgs = await findOrganizationsByIds(db, orgIds)
  const orgName = (id: number) => localized(orgs.find((o) => o.id === id)?.name, 'en') || `#${id}`
  // a list or bullets after a paragraph (narrative in the text) and its lettered parts belong to it
  const continuation = (index: number): string[] => {
    const owner = paragraphs[index]
    const lines: string[] = []
    for (const p of paragraphs.slice(index + 1)) {
      if (p.parentId === owner?.id) lines.push(p.label ? `${p.label} ${p.text}` : p.text)
      else if (p.kind === 'narrative' && p.parentId === null) lines.push(p.text)
      else if (p.parentId === null) break
    }
    return lines
  }
  const part = (status: string) =>
    paragraphs.flatMap((p, i) =>
      p.status === status && (p.kind === 'operative' || p.kind === 'preambular') && p.parentId === null
        ? [
            {
              id: p.id,
              kind: p.kind as 'preambular' | 'operative',
              label: p.label,
              text: p.text,
              continuation: continuation(i),
            },
          ]
        : [],
    )
  const sortedMeetings = [...meetings].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
  // a date that does not move from one day to the next, so the work keeps its identifier
  const date = (sortedMeetings.at(-1)?.endsAt ?? process.createdAt).toISOString().slice(0, 10)
  return {
    process: {
      id: process.id,
      slug: process.slug,
      title: process.title,
      mandateSymbol: process.mandateSymbol,
      mandateParagraph: process.mandateParagraph,
    },
    body: { name: body.name, acronym: body.acronym, slug: body.slug },
    document: document
      ? {
          id: document.id,
          title: document.title,
          symbol: document.symbol,
          language: document.language,
          revision: document.currentRevision,
        }
      : null,
    date,
    meetings: sortedMeetings.map((m) => ({
      number: m.number,
      title: m.title,
      startsAt: m.startsAt.toISOString(),
      endsAt: m.endsAt.toISOString(),
      venue: m.venue,
    })),
    contributions: summaryFromGroups(tally),
    recommendations: part('adopted'),
    divergentViews: part('no_consensus'),
    members: {
      memberStates: states.sort(),
      organizations: orgs
        .filter((o) => members.some((m) => m.organizationId === o.id && m.standing === 'member'))
        .map((o) => ({ name: localized(o.name, 'en'), stakeholderGroup: o.stakeholderGroup }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    },
    proposals: proposals.map((p) => ({
      id: p.id,
      title: p.title,
      language: p.language,
      proponents: [...p.memberStates.map((s) => stateNames.get(s) ?? s), ...p.organizations.map(orgName)],
      text: p.versions.at(-1)?.text ?? '',
      rationale: p.versions.at(-1)?.rationale ?? '',
      status: p.status,
    })),
  }
}

/** The introduction's paragraphs, written from the records in the reader's language. */
export function introduction(report: Report, i18n: Translator): string[] {
  const t = i18n.t
  const body = report.body.acronym ?? report.body.name
  const lines = [
    t('reports.intro.mandate', {
      body: report.body.name,
      symbol: report.process.mandateSymbol,
      paragraph: report.process.mandateParagraph ?? '',
    }),
  ]
  const first = report.meetings[0]
  const last = report.meetings.at(-1)
  if (first && last) {
    lines.push(
      t('reports.intro.meetings', {
        body,
        count: report.meetings.length,
        first: i18n.date(first.startsAt, 'long'),
        last: i18n.date(last.endsAt, 'long'),
      }),
    )
  }
  const c = report.contributions
  if (c.total > 0) {
    const groups = Object.entries(c.byStakeholderGroup).map(
      ([g, n]) =>
        `${g === 'government' || g === 'individual' ? t(`contributions.group.${g}`) : t(`actors.stakeholder.${g}`)} (${i18n.number(n)})`,
    )
    const regions = Object.entries(c.byRegionalGroup).map(([g, n]) => `${t(`actors.group.${g}`)} (${i18n.number(n)})`)
    lines.push(
      t('reports.intro.contributions', {
        count: c.total,
        groups: i18n.list(groups),
        regions: regions.length ? i18n.list(regions) : '—',
      }),
    )
  }
  lines.push(
    t('reports.intro.outcome', {
      recommendations: report.recommendations.length,
      divergent: report.divergentViews.length,
      proposals: report.proposals.length,
    }),
  )
  return lines
}
