// Which audit entries are notices, and to whom in principle: an entry in, the events it means
// out (kind, where it happened, who should hear, by when) and what it does to the deadlines the
// scheduled check watches. Pure: finding the people and the titles is recipients.ts's work.
import type { DeadlineKind } from '../tables.ts'
import type { NoticeKind } from './kinds.ts'
import { date, num, str } from './payload.ts'

/** What the reader needs of an audit entry. */
export interface AuditFact {
  seq: number
  action: string
  subjectType: string
  subjectId: string | null
  payload: Record<string, unknown>
  public: boolean
  actorAccountId: number | null
}

/** Who should hear of an event, before preferences and visibility. */
export type Audience =
  /** followers of the process (or its body) the event happened in */
  | { type: 'followers' }
  /** delegates of every Member State member of the body (by default: an opt-out) */
  | { type: 'body_delegates' }
  | { type: 'account'; accountId: number }
  | { type: 'state_delegates'; iso3: string }
  | { type: 'organization'; organizationId: number }

/** Audiences named by the entry itself: the only ones a restricted entry may reach. */
export const PERSONAL: ReadonlySet<Audience['type']> = new Set(['account', 'state_delegates', 'organization'])

/** Where an event happened, to be resolved to a process, its body and titles. */
export type Place =
  | { type: 'process'; processId: number }
  | { type: 'document'; documentId: number }
  | { type: 'paragraph'; paragraphId: number; documentId: number }
  | { type: 'none' }

export interface NoticeEvent {
  kind: NoticeKind
  /** with the account, makes the notice unique: a second reading of the entry changes nothing */
  sourceKey: string
  place: Place
  audience: Audience[]
  href: string
  values: Record<string, string | number>
  dueAt: Date | null
}

export type DeadlineChange =
  | { op: 'watch'; kind: DeadlineKind; ref: string; dueAt: Date; facts: Record<string, unknown> }
  | { op: 'settle'; kind: DeadlineKind; ref: string }

export interface Reading {
  events: NoticeEvent[]
  deadlines: DeadlineChange[]
}

const NONE: Reading = { events: [], deadlines: [] }

/** A negotiation's events: its followers and the delegates of the body's member States. */
export const NEGOTIATION: Audience[] = [{ type: 'followers' }, { type: 'body_delegates' }]

const ACCREDITATION_OUTCOMES: Record<string, 'approved' | 'refused'> = {
  'accreditation.approved': 'approved',
  'accreditation.appeal_granted': 'approved',
  'accreditation.refused': 'refused',
  'accreditation.appeal_dismissed': 'refused',
}

/** The events and deadline changes an audit entry means; most entries mean none. */
export function readEntry(e: AuditFact): Reading {
  const p = e.payload
  const subject = num(e.subjectId)
  const key = `audit:${e.seq}`
  const one = (event: Omit<NoticeEvent, 'sourceKey'>, deadlines: DeadlineChange[] = []): Reading => ({
    events: [{ ...event, sourceKey: key }],
    deadlines,
  })

  switch (e.action) {
    case 'call.opened': {
      const processId = num(p.processId)
      const closes = date(p.closesAt)
      if (!processId || !subject) return NONE
      return one(
        {
          kind: 'call_opened',
          place: { type: 'process', processId },
          audience: [{ type: 'followers' }],
          href: `/calls/${subject}/contribute`,
          values: { call: str(p.title) },
          dueAt: closes,
        },
        closes
          ? [
              {
                op: 'watch',
                kind: 'call',
                ref: String(subject),
                dueAt: closes,
                facts: { processId, title: str(p.title) },
              },
            ]
          : [],
      )
    }
    case 'call.extended': {
      const until = date(p.until)
      const processId = num(p.processId)
      if (!subject || !until || !processId) return NONE
      return {
        events: [],
        deadlines: [{ op: 'watch', kind: 'call', ref: String(subject), dueAt: until, facts: { processId } }],
      }
    }
    case 'negotiation.silence_circulated': {
      const silenceId = num(p.silenceId)
      const deadline = date(p.deadline)
      if (!subject || !silenceId || !deadline) return NONE
      const count = Array.isArray(p.paragraphIds) ? p.paragraphIds.length : 0
      return one(
        {
          kind: 'silence_started',
          place: { type: 'document', documentId: subject },
          audience: NEGOTIATION,
          href: `/negotiation/${subject}`,
          values: { count },
          dueAt: deadline,
        },
        [
          {
            op: 'watch',
            kind: 'silence',
            ref: String(silenceId),
            dueAt: deadline,
            facts: { documentId: subject, count },
          },
        ],
      )
    }
    case 'negotiation.silence_broken': {
      const silenceId = num(p.silenceId)
      if (!subject || !silenceId) return NONE
      const count = Array.isArray(p.paragraphIds) ? p.paragraphIds.length : 0
      return one(
        {
          kind: 'silence_broken',
          place: { type: 'document', documentId: subject },
          audience: NEGOTIATION,
          href: `/negotiation/${subject}`,
          values: { state: str(p.memberStateIso3), count },
          dueAt: null,
        },
        // once every paragraph is broken the procedure is over: no "24 hours left"
        p.status === 'broken' ? [{ op: 'settle', kind: 'silence', ref: String(silenceId) }] : [],
      )
    }
    case 'negotiation.silence_ended': {
      const silenceId = num(p.silenceId)
      if (!subject || !silenceId) return NONE
      const adopted = Array.isArray(p.adopted) ? p.adopted.length : 0
      const broken = Array.isArray(p.broken) ? p.broken.length : 0
      return one(
        {
          kind: 'silence_ended',
          place: { type: 'document', documentId: subject },
          audience: NEGOTIATION,
          href: `/negotiation/${subject}`,
          values: { adopted, broken },
          dueAt: null,
        },
        [{ op: 'settle', kind: 'silence', ref: String(silenceId) }],
      )
    }
    case 'negotiation.revision_issued': {
      const number = num(p.number)
      if (!subject || !number) return NONE
      return one({
        kind: 'revision_issued',
        place: { type: 'document', documentId: subject },
        audience: NEGOTIATION,
        href: `/negotiation/${subject}/revisions/${number}`,
        values: { label: str(p.label) },
        dueAt: null,
      })
    }
    case 'negotiation.paragraph_adopted':
    case 'negotiation.paragraph_reopened': {
      const documentId = num(p.documentId)
      if (!subject || !documentId) return NONE
      return one({
        kind: e.action === 'negotiation.paragraph_adopted' ? 'paragraph_adopted' : 'paragraph_reopened',
        place: { type: 'paragraph', paragraphId: subject, documentId },
        audience: NEGOTIATION,
        href: `/paragraphs/${subject}`,
        values: e.action === 'negotiation.paragraph_reopened' ? { reason: str(p.reason) } : {},
        dueAt: null,
      })
    }
    case 'proposal.cosponsorship_requested': {
      const iso3 = str(p.memberStateIso3)
      const organizationId = num(p.organizationId)
      if (!subject || (!iso3 && !organizationId)) return NONE
      return one({
        kind: 'cosponsorship_requested',
        place: { type: 'none' },
        audience: [
          iso3 ? { type: 'state_delegates', iso3 } : { type: 'organization', organizationId: organizationId as number },
        ],
        href: `/proposals/${subject}`,
        values: {},
        dueAt: null,
      })
    }
    case 'report.issued': {
      // the Secretariat issues the body's report under its symbol (reports' issueReport)
      if (e.subjectType !== 'process' || !subject) return NONE
      return one({
        kind: 'report_issued',
        place: { type: 'process', processId: subject },
        audience: NEGOTIATION,
        href: `/processes/${subject}/report`,
        values: { symbol: str(p.symbol) },
        dueAt: null,
      })
    }
    case 'annual_report.cycle_opened': {
      const year = num(p.year)
      const deadline = date(p.deadline)
      const orgs = Array.isArray(p.organizationIds) ? p.organizationIds.map(num).filter((n) => n !== null) : []
      if (!year || !deadline) return NONE
      return {
        events: [...new Set(orgs)].map((organizationId) => ({
          kind: 'annual_report_invitation' as const,
          sourceKey: `${key}:organization:${organizationId}`,
          place: { type: 'none' as const },
          audience: [{ type: 'organization' as const, organizationId }],
          href: `/annual-reports/${year}/report?organization=${organizationId}`,
          values: { year },
          dueAt: deadline,
        })),
        deadlines: [],
      }
    }
    case 'annual_report.reminder_sent': {
      // the annual-reports module decides when (weekly, from two weeks before the deadline)
      const year = num(p.year)
      const organizationId = num(p.organizationId)
      const deadline = date(p.deadline)
      if (!year || !organizationId) return NONE
      return one({
        kind: 'annual_report_reminder',
        place: { type: 'none' },
        audience: [{ type: 'organization', organizationId }],
        href: `/annual-reports/${year}/report?organization=${organizationId}`,
        values: { year },
        dueAt: deadline,
      })
    }
  }
  const outcome = ACCREDITATION_OUTCOMES[e.action]
  const requester = num(p.requestedBy)
  if (outcome && requester && subject) {
    return one({
      kind: 'accreditation_decided',
      place: { type: 'none' },
      audience: [{ type: 'account', accountId: requester }],
      href: '/accreditation',
      values: { outcome },
      dueAt: null,
    })
  }
  return NONE
}
