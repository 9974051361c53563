// The report, assembled from the process's records as the Secretariat issues it: its symbol,
// distribution, date and original language (issue), built from the negotiating document and the
// revision the Secretariat chose (else the latest document as it stands, shown as a draft). The
// introduction is written from the record (report-intro.ts); the recommendations adopted by
// consensus are numbered 1, 2, 3; the divergent views sit beside them with their attribution; the
// paragraphs never declared are listed as not considered; Annex I lists the members and who
// attended, Annex II the explanations of position and reservations with their States, Annex III
// every proposal with its fate. The same data feeds HTML, JSON, Word and Akoma Ntoso.
import type { AuditAnchor } from '../../core/audit/anchor.tsx'
import { isoDate } from '../../core/dates.ts'
import type { Db } from '../../core/db/database.ts'
import type { Locale } from '../../core/i18n/locales.ts'
import { findOrganizationsByIds, listMemberStates, localized } from '../actors/index.ts'
import { bodyMembers, bodyName, findBody } from '../bodies/index.ts'
import { type Summary, summaryFromGroups, summaryRows } from '../contributions/index.ts'
import { documentsOf, findRevision, paragraphsOf, statementsOf } from '../negotiation/index.ts'
import { findProcess, meetingsOf, participantsOfProcess } from '../processes/index.ts'
import { proposalsOf } from '../proposals/index.ts'
import { divergentChoices, findIssue, followUpsOf } from './queries.ts'
import { arrange, type SourceParagraph } from './rules/arrange.ts'
import { yearByYear } from './rules/follow-up.ts'
import type { Distribution } from './tables.ts'

export { introduction } from './report-intro.ts'

export interface ReportParagraph {
  id: number
  /** preambular paragraphs open the text (Akoma Ntoso's preamble); operative ones decide */
  kind: 'preambular' | 'operative'
  /** the label the report prints: "1.", "2 bis"; null for a preambular paragraph */
  label: string | null
  /** the label in the negotiating document */
  originalLabel?: string | null
  text: string
  /** the lines that go with it: its lettered parts and the list or bullets that follow it */
  continuation: string[]
}

/** Who held a divergent view, as the body decided: States by name. */
export type ReportLead = { kind: 'none' } | { kind: 'some' } | { kind: 'other' } | { kind: 'states'; states: string[] }

export interface Report {
  process: { id: number; slug: string; title: string; mandateSymbol: string; mandateParagraph: string | null }
  body: {
    id: number
    name: string
    acronym: string | null
    slug: string
    parentBodyId: number | null
    parentName: string | null
  }
  /** what the Secretariat set; null while the report is a draft */
  issue: {
    symbol: string
    distribution: Distribution
    issuedOn: string
    originalLanguage: string
    agendaItem: string
    session: string
  } | null
  document: { id: number; title: string; symbol: string | null; language: string; revision: number } | null
  /** the revision the text comes from: its number and label, or null for the text as it stands */
  basedOn: { number: number | null; label: string }
  /** the work's date: the issue's, else the end of the latest meeting, else the day the process opened */
  date: string
  meetings: { number: number; title: string; startsAt: string; endsAt: string; venue: string | null }[]
  contributions: Summary
  recommendations: ReportParagraph[]
  divergentViews: (ReportParagraph & { lead: ReportLead })[]
  notConsidered: (ReportParagraph & { status: string })[]
  /** explanations of position and reservations, with their States */
  statements: { kind: 'explanation' | 'reservation'; state: string; paragraph: string | null; text: string }[]
  members: {
    memberStates: string[]
    organizations: { name: string; stakeholderGroup: string }[]
    /** who attended at least one meeting (names as listed above); recorded: false when nobody's attendance was */
    attendance: { recorded: boolean; attended: string[] }
  }
  /** each recommendation's follow-up, the latest record of each year, newest year first */
  followUps: { paragraphId: number; year: number; status: string; sourceKind: string; sourceReference: string }[]
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

/** The paragraphs as Rev.N had them (a snapshot), or as they stand. */
export async function textOf(db: Db, documentId: number, revision: number | null): Promise<SourceParagraph[]> {
  if (revision !== null) {
    const row = await findRevision(db, documentId, revision)
    if (row) return (typeof row.snapshot === 'string' ? JSON.parse(row.snapshot) : row.snapshot) as SourceParagraph[]
  }
  return paragraphsOf(db, documentId)
}

/**
 * The report of a process, its names (the body, States, organizations) in `locale`: the reader's
 * on a page, the original language's in a file meant to be issued.
 */
export async function assembleReport(db: Db, processId: number, locale: Locale = 'en'): Promise<Report | null> {
  const process = await findProcess(db, processId)
  if (!process) return null
  const body = await findBody(db, process.bodyId)
  if (!body) return null
  const [meetings, tally, documents, proposals, members, issue, choices, followUps, parent, participants] =
    await Promise.all([
      meetingsOf(db, { processId }),
      summaryRows(db, processId),
      documentsOf(db, processId),
      proposalsOf(db, processId),
      bodyMembers(db, body.id),
      findIssue(db, processId),
      divergentChoices(db, processId),
      followUpsOf(db, processId),
      body.parentBodyId ? findBody(db, body.parentBodyId) : undefined,
      // who attended, as the processes module lists its participants (the list of participants' order)
      participantsOfProcess(db, processId, locale),
    ])
  // the document the Secretariat chose; before that, the latest one as it stands
  const document = (issue ? documents.find((d) => d.id === issue.documentId) : documents.at(-1)) ?? null
  const revision = issue?.revision ?? null
  const [paragraphs, statements, basedOnRow] = document
    ? await Promise.all([
        textOf(db, document.id, revision),
        statementsOf(db, document.id),
        revision === null ? undefined : findRevision(db, document.id, revision),
      ])
    : [[], [], undefined]
  // every State's name from one read of the reference data, for the annexes and the proponents
  const stateNames = new Map(
    (await listMemberStates(db)).map((st) => [st.iso3, st.shortName[locale] || st.shortName.en]),
  )
  const stateName = (iso3: string) => stateNames.get(iso3) ?? iso3
  const collator = new Intl.Collator(locale)
  const memberRows = members.filter((m) => m.standing === 'member')
  const orgIds = [
    ...new Set([
      ...memberRows.flatMap((m) => (m.organizationId ? [m.organizationId] : [])),
      ...proposals.flatMap((p) => p.organizations),
    ]),
  ]
  const orgs = await findOrganizationsByIds(db, orgIds)
  const orgName = (id: number) => localized(orgs.find((o) => o.id === id)?.name, locale) || `#${id}`
  const arranged = arrange(paragraphs, choices)
  const printed = new Map(
    [...arranged.recommendations, ...arranged.divergentViews, ...arranged.notConsidered].map((p) => [p.id, p]),
  )
  const sortedMeetings = [...meetings].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
  // the members who attended any meeting (observers are in the list of participants, not here);
  // attendance is recorded once some meeting's was
  const attendees = participants
    ? [...participants.memberStates, ...participants.observers, ...participants.stakeholders]
    : []
  const attended = new Set(
    [...(participants?.memberStates ?? []), ...(participants?.stakeholders ?? [])].map((d) => d.name),
  )
  // a date that does not move from one day to the next, so the work keeps its identifier
  const date = issue?.issuedOn ?? isoDate(sortedMeetings.at(-1)?.endsAt ?? process.createdAt)
  const recommendationIds = new Set(arranged.recommendations.map((r) => r.id))
  return {
    process: {
      id: process.id,
      slug: process.slug,
      title: process.title,
      mandateSymbol: process.mandateSymbol,
      mandateParagraph: process.mandateParagraph,
    },
    body: {
      id: body.id,
      name: bodyName(body, locale),
      acronym: body.acronym,
      slug: body.slug,
      parentBodyId: body.parentBodyId,
      parentName: parent ? bodyName(parent, locale) : null,
    },
    issue: issue
      ? {
          symbol: issue.symbol,
          distribution: issue.distribution,
          issuedOn: issue.issuedOn,
          originalLanguage: issue.originalLanguage,
          agendaItem: issue.agendaItem,
          session: issue.session,
        }
      : null,
    document: document
      ? {
          id: document.id,
          title: document.title,
          symbol: document.symbol,
          language: document.language,
          revision: document.currentRevision,
        }
      : null,
    basedOn: { number: revision, label: basedOnRow?.label ?? '' },
    date,
    meetings: sortedMeetings.map((m) => ({
      number: m.number,
      title: m.title,
      startsAt: m.startsAt.toISOString(),
      endsAt: m.endsAt.toISOString(),
      venue: m.venue,
    })),
    contributions: summaryFromGroups(tally),
    recommendations: arranged.recommendations.map(({ number: _n, ...p }) => p),
    divergentViews: arranged.divergentViews.map((p) => ({
      ...p,
      lead: p.lead.kind === 'states' ? { kind: 'states', states: p.lead.states.map(stateName) } : p.lead,
    })),
    notConsidered: arranged.notConsidered,
    statements: statements.flatMap((s) =>
      (s.kind === 'explanation' || s.kind === 'reservation') && s.memberStateIso3
        ? [
            {
              kind: s.kind,
              state: stateName(s.memberStateIso3),
              paragraph: s.paragraphId
                ? (printed.get(s.paragraphId)?.label ?? labelOf(paragraphs, s.paragraphId))
                : null,
              text: s.text,
            },
          ]
        : [],
    ),
    members: {
      memberStates: memberRows
        .flatMap((m) => (m.memberStateIso3 ? [stateName(m.memberStateIso3)] : []))
        .sort(collator.compare),
      organizations: orgs
        .filter((o) => memberRows.some((m) => m.organizationId === o.id))
        .map((o) => ({ name: localized(o.name, locale), stakeholderGroup: o.stakeholderGroup }))
        .sort((a, b) => collator.compare(a.name, b.name)),
      attendance: { recorded: attendees.length > 0, attended: [...attended].sort(collator.compare) },
    },
    followUps: [...recommendationIds].flatMap((id) =>
      yearByYear(followUps.filter((f) => f.paragraphId === id)).map((f) => ({
        paragraphId: f.paragraphId,
        year: f.year,
        status: f.status,
        sourceKind: f.sourceKind,
        sourceReference: f.sourceReference,
      })),
    ),
    proposals: proposals.map((p) => ({
      id: p.id,
      title: p.title,
      language: p.language,
      proponents: [...p.memberStates.map(stateName), ...p.organizations.map(orgName)],
      text: p.versions.at(-1)?.text ?? '',
      rationale: p.versions.at(-1)?.rationale ?? '',
      status: p.status,
    })),
  }
}

const labelOf = (paragraphs: readonly SourceParagraph[], id: number) =>
  paragraphs.find((p) => p.id === id)?.label?.replace(/\.$/, '') ?? null
