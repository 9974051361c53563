// Which audit entries are notices, to whom in principle, with which deadline; what a malformed
// payload gives (nothing, never a throw); the warning windows; the words in two languages.

import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCatalogs } from '../../../core/i18n/catalog.ts'
import { Messages } from '../../../core/i18n/messages.ts'
import { localDay } from './day.ts'
import { readEntry } from './events.ts'
import { DEFAULT_DELIVERY, deliveryFor, inWarningWindow, NOTICE_KINDS } from './kinds.ts'
import { noticeText } from './text.ts'
import { warningFor } from './warnings.ts'

const entry = (action: string, payload: Record<string, unknown>, more: Partial<Parameters<typeof readEntry>[0]> = {}) =>
  readEntry({
    seq: 7,
    action,
    subjectType: 'negotiating_document',
    subjectId: '12',
    payload,
    public: true,
    actorAccountId: 3,
    ...more,
  })

describe('reading the audit log for notices', () => {
  it('makes a silence procedure a notice to followers and member States’ delegates, and watches its deadline', () => {
    const reading = entry('negotiation.silence_circulated', {
      silenceId: 4,
      paragraphIds: [1, 2],
      deadline: '2030-01-05T12:00:00.000Z',
    })
    expect(reading.events).toEqual([
      {
        kind: 'silence_started',
        sourceKey: 'audit:7',
        place: { type: 'document', documentId: 12 },
        audience: [{ type: 'followers' }, { type: 'body_delegates' }],
        href: '/negotiation/12',
        values: { count: 2 },
        dueAt: new Date('2030-01-05T12:00:00.000Z'),
      },
    ])
    expect(reading.deadlines).toMatchObject([{ op: 'watch', kind: 'silence', ref: '4' }])
  })

  it('settles a silence once it is wholly broken or ended, not on a partial break', () => {
    expect(
      entry('negotiation.silence_broken', { silenceId: 4, memberStateIso3: 'ZAF', status: 'pending' }).deadlines,
    ).toEqual([])
    expect(
      entry('negotiation.silence_broken', { silenceId: 4, memberStateIso3: 'ZAF', status: 'broken' }).deadlines,
    ).toEqual([{ op: 'settle', kind: 'silence', ref: '4' }])
    expect(entry('negotiation.silence_ended', { silenceId: 4, adopted: [1], broken: [] }).deadlines).toEqual([
      { op: 'settle', kind: 'silence', ref: '4' },
    ])
  })

  it('tells only the requester of an accreditation decision, and one notice per organization invited', () => {
    const refused = entry(
      'accreditation.refused',
      { requestedBy: 9, decidedBy: 3 },
      { public: false, subjectType: 'accreditation_request' },
    )
    expect(refused.events.map((e) => e.audience)).toEqual([[{ type: 'account', accountId: 9 }]])
    const invited = entry('annual_report.cycle_opened', {
      year: 2030,
      deadline: '2030-03-31',
      organizationIds: [5, 6, 5],
    })
    expect(invited.events.map((e) => [e.sourceKey, e.href])).toEqual([
      ['audit:7:organization:5', '/annual-reports/2030/report?organization=5'],
      ['audit:7:organization:6', '/annual-reports/2030/report?organization=6'],
    ])
    expect(invited.events[0]?.dueAt?.toISOString()).toBe('2030-03-31T23:59:59.000Z')
  })

  it('tells the body’s delegates and the followers of a report issued, with its symbol, and an organization of each reminder', () => {
    const issued = entry('report.issued', { symbol: 'E/CN.16/2018/CRP.3' }, { subjectType: 'process', subjectId: '5' })
    expect(issued.events).toEqual([
      expect.objectContaining({
        kind: 'report_issued',
        place: { type: 'process', processId: 5 },
        audience: [{ type: 'followers' }, { type: 'body_delegates' }],
        href: '/processes/5/report',
        values: { symbol: 'E/CN.16/2018/CRP.3' },
      }),
    ])
    // a correction of the issue is no second notice
    expect(entry('report.issue_corrected', {}, { subjectType: 'process', subjectId: '5' }).events).toEqual([])
    const reminded = entry(
      'annual_report.reminder_sent',
      { year: 2030, organizationId: 6, deadline: '2031-03-31' },
      { subjectType: 'organization', subjectId: '6' },
    )
    expect(reminded.events).toEqual([
      expect.objectContaining({
        kind: 'annual_report_reminder',
        audience: [{ type: 'organization', organizationId: 6 }],
        href: '/annual-reports/2030/report?organization=6',
      }),
    ])
    // the invitation watches no deadline: the reminders are the annual-reports module's, weekly
    expect(
      entry('annual_report.cycle_opened', { year: 2030, deadline: '2030-03-31', organizationIds: [5] }).deadlines,
    ).toEqual([])
    expect(
      warningFor({
        kind: 'annual_report',
        ref: '2030:5',
        dueAt: new Date('2030-03-31'),
        facts: { year: 2030, organizationId: 5 },
      }),
    ).toBeNull()
  })

  it('gives nothing for entries that are not notices or whose payload is not what it should be', () => {
    for (const [action, payload] of [
      ['follow.added', {}],
      ['negotiation.silence_circulated', { silenceId: 'x', deadline: 'tomorrow' }],
      ['call.opened', { processId: -1 }],
      ['proposal.cosponsorship_requested', {}],
      ['annual_report.cycle_opened', { year: 2030 }],
      ['report.issued', { symbol: 'X/1' }],
      ['annual_report.reminder_sent', { year: 2030 }],
    ] as const)
      expect(entry(action, payload), action).toEqual({ events: [], deadlines: [] })
  })

  it('warns within 3 days of a call’s closing, 24 hours of a silence’s end, 14 days of an annual report, never after', () => {
    const due = new Date('2030-01-10T00:00:00Z')
    expect(inWarningWindow('call', due, new Date('2030-01-07T00:00:01Z'))).toBe(true)
    expect(inWarningWindow('call', due, new Date('2030-01-06T23:59:59Z'))).toBe(false)
    expect(inWarningWindow('silence', due, new Date('2030-01-09T00:00:01Z'))).toBe(true)
    expect(inWarningWindow('silence', due, new Date('2030-01-08T23:00:00Z'))).toBe(false)
    expect(inWarningWindow('silence', due, due)).toBe(false)
    expect(inWarningWindow('annual_report', due, new Date('2029-12-28T00:00:00Z'))).toBe(true)
    const warning = warningFor({ kind: 'silence', ref: '4', dueAt: due, facts: { documentId: 12, count: 1 } })
    expect(warning).toMatchObject({ kind: 'silence_24h', sourceKey: 'silence-24h:4', href: '/negotiation/12' })
    // a call extended to a new date warns again: the key carries the date
    expect(warningFor({ kind: 'call', ref: '8', dueAt: due, facts: { processId: 2 } })?.sourceKey).toBe(
      'call-closing:8:2030-01-10T00:00:00.000Z',
    )
  })

  it('sends what asks for action at once and the record in the daily digest, until the person chooses', () => {
    expect(NOTICE_KINDS.filter((k) => DEFAULT_DELIVERY[k] === 'immediate')).toEqual(
      expect.arrayContaining(['silence_started', 'silence_24h', 'cosponsorship_requested', 'accreditation_decided']),
    )
    expect(deliveryFor('silence_started', new Map([['silence_started', 'off']]))).toBe('off')
    expect(deliveryFor('revision_issued', new Map())).toBe('daily')
  })

  it('words a notice in the reader’s language and time zone, the typed title isolated', () => {
    const messages = new Messages([loadCatalogs(join(import.meta.dirname, '..', 'messages'))])
    const notice = {
      kind: 'silence_24h',
      values: { count: 3, document: 'مشروع التوصيات', process: 'WGEC' },
      dueAt: new Date('2030-01-10T09:00:00Z'),
    }
    const en = noticeText(messages.translator('en', 'Asia/Tokyo'), notice)
    expect(en.title).toContain('3 paragraphs of “\u2068مشروع التوصيات\u2069”')
    expect(en.todo).toContain('6:00')
    // read after the deadline, it no longer asks to act
    const late = noticeText(messages.translator('en', 'Asia/Tokyo'), notice, new Date('2030-01-11T00:00:00Z'))
    expect(late.todo).toMatch(/^The deadline, .*6:00.*, has passed/)
    const ar = noticeText(messages.translator('ar', 'Asia/Riyadh'), notice)
    expect(ar.title).toContain('بقيت 24 ساعة')
    expect(ar.todo).toMatch(/١٢:٠٠|12:00/)
    const state = noticeText(messages.translator('fr'), {
      kind: 'silence_broken',
      values: { count: 1, document: 'D', process: 'P', state: { en: 'South Africa', fr: 'Afrique du Sud' } as never },
      dueAt: null,
    })
    expect(state.title).toContain('Afrique du Sud')
  })
})

describe('the reader’s day, for the daily digest', () => {
  it('ends at midnight where the reader is', () => {
    const late = new Date('2030-01-01T14:00:00Z')
    expect(localDay(late, 'Asia/Tokyo')).toBe('2030-01-01')
    expect(localDay(new Date('2030-01-01T15:30:00Z'), 'Asia/Tokyo')).toBe('2030-01-02')
    expect(localDay(new Date('2030-01-01T15:30:00Z'), 'UTC')).toBe('2030-01-01')
    expect(localDay(new Date('2030-01-02T03:00:00Z'), 'America/New_York')).toBe('2030-01-01')
  })
})
