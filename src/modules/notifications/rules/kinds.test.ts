// The kinds of notice as data: the names a stored preference or event may carry, a default
// delivery for each (never 'off'), and the warning windows of each kind of deadline.
import { describe, expect, it } from 'vitest'
import { DEFAULT_DELIVERY, inWarningWindow, isNoticeKind, NOTICE_KINDS, WARN_BEFORE_MS } from './kinds.ts'

describe('the kinds of notice', () => {
  it('knows its own kinds and refuses any other name, case and spacing included', () => {
    expect(isNoticeKind('silence_broken')).toBe(true)
    expect(isNoticeKind('annual_report_reminder')).toBe(true)
    for (const other of ['', 'SILENCE_BROKEN', 'silence_broken ', 'silence', 'toString', 'constructor'])
      expect(isNoticeKind(other), other).toBe(false)
  })

  it('names each kind once, with a default delivery for each and for nothing else', () => {
    expect(new Set(NOTICE_KINDS).size).toBe(NOTICE_KINDS.length)
    expect(Object.keys(DEFAULT_DELIVERY).sort()).toEqual([...NOTICE_KINDS].sort())
    expect(new Set(Object.values(DEFAULT_DELIVERY))).toEqual(new Set(['immediate', 'daily']))
  })

  it('warns three days before a call closes, a day before a silence ends, two weeks before a report is due', () => {
    expect(WARN_BEFORE_MS).toEqual({ call: 259_200_000, silence: 86_400_000, annual_report: 1_209_600_000 })
    const now = new Date('2026-12-06T12:00:00Z')
    expect(inWarningWindow('annual_report', new Date('2026-12-20T12:00:00Z'), now)).toBe(true)
    expect(inWarningWindow('annual_report', new Date('2026-12-20T12:00:01Z'), now)).toBe(false)
  })
})
