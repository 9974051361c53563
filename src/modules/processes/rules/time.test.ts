import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { instantToLocal, localToInstant } from './time.ts'

const utc = (text: string, zone: string) => localToInstant(text, zone)?.toISOString()

describe('wall-clock times', () => {
  it('reads a Geneva winter time as UTC+1 and a summer time as UTC+2', () => {
    expect(utc('2017-01-26T10:00', 'Europe/Zurich')).toBe('2017-01-26T09:00:00.000Z')
    expect(utc('2017-05-03T10:00', 'Europe/Zurich')).toBe('2017-05-03T08:00:00.000Z')
  })

  it('reads New Delhi at its half-hour offset', () => {
    expect(utc('2026-03-01T09:30', 'Asia/Kolkata')).toBe('2026-03-01T04:00:00.000Z')
  })

  it('refuses text that is not a local date-time, an impossible date and an unknown zone', () => {
    expect(localToInstant('tomorrow', 'UTC')).toBeNull()
    expect(localToInstant('2026-03-01', 'UTC')).toBeNull()
    expect(localToInstant('2026-02-31T10:00', 'UTC')).toBeNull()
    expect(localToInstant('2026-03-01T25:00', 'UTC')).toBeNull()
    expect(localToInstant('2026-03-01T10:00', 'Mars/Olympus_Mons')).toBeNull()
  })

  // Each zone's 2026 clock changes, the expected instants worked out by hand from the zone's rules.
  // A time in a spring-forward gap moves forward by the gap; a time in a fall-back overlap is its
  // first occurrence (Temporal's "compatible", RFC 5545 3.3.5).
  describe.each([
    // zone, a time in the gap, its instant, the wall-clock time that instant shows, a time in the overlap, its instant (first occurrence)
    [
      'America/New_York',
      '2026-03-08T02:30',
      '2026-03-08T07:30:00.000Z',
      '2026-03-08T03:30',
      '2026-11-01T01:30',
      '2026-11-01T05:30:00.000Z',
    ],
    [
      'Europe/London',
      '2026-03-29T01:30',
      '2026-03-29T01:30:00.000Z',
      '2026-03-29T02:30',
      '2026-10-25T01:30',
      '2026-10-25T00:30:00.000Z',
    ],
    [
      'Australia/Sydney',
      '2026-10-04T02:30',
      '2026-10-03T16:30:00.000Z',
      '2026-10-04T03:30',
      '2026-04-05T02:30',
      '2026-04-04T15:30:00.000Z',
    ],
    [
      'America/Santiago',
      '2026-09-06T00:30',
      '2026-09-06T04:30:00.000Z',
      '2026-09-06T01:30',
      '2026-04-04T23:30',
      '2026-04-05T02:30:00.000Z',
    ],
    [
      'Asia/Beirut',
      '2026-03-29T00:30',
      '2026-03-28T22:30:00.000Z',
      '2026-03-29T01:30',
      '2026-10-24T23:30',
      '2026-10-24T20:30:00.000Z',
    ],
    // Lord Howe Island moves its clocks by half an hour
    [
      'Australia/Lord_Howe',
      '2026-10-04T02:15',
      '2026-10-03T15:45:00.000Z',
      '2026-10-04T02:45',
      '2026-04-05T01:45',
      '2026-04-04T14:45:00.000Z',
    ],
  ])('%s', (zone, gap, gapInstant, gapReadsAs, overlap, overlapInstant) => {
    it('moves a time skipped by the spring-forward gap to the later wall-clock time', () => {
      expect(utc(gap, zone)).toBe(gapInstant)
      expect(instantToLocal(new Date(gapInstant), zone)).toBe(gapReadsAs)
    })

    it('reads a time repeated by the fall-back overlap as its first occurrence', () => {
      expect(utc(overlap, zone)).toBe(overlapInstant)
      expect(instantToLocal(new Date(overlapInstant), zone)).toBe(overlap)
    })
  })

  it('reads 02:30 on New York’s spring-forward day as 03:30 EDT, and 01:30 on the fall-back day as EDT', () => {
    const spring = localToInstant('2026-03-08T02:30', 'America/New_York') as Date
    expect(instantToLocal(spring, 'America/New_York')).toBe('2026-03-08T03:30')
    const fall = localToInstant('2026-11-01T01:30', 'America/New_York') as Date
    // EDT is UTC-4: the first 01:30 of the night
    expect(fall.toISOString()).toBe('2026-11-01T05:30:00.000Z')
  })

  it('round-trips any minute in any of several zones, to the first reading of a repeated time', () => {
    const zones = [
      'UTC',
      'Europe/Zurich',
      'America/New_York',
      'America/Santiago',
      'Asia/Beirut',
      'Asia/Kolkata',
      'Australia/Adelaide',
      'Australia/Lord_Howe',
      'Pacific/Apia',
    ]
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }),
        fc.constantFrom(...zones),
        (date, zone) => {
          const minute = new Date(Math.floor(date.getTime() / 60_000) * 60_000)
          const local = instantToLocal(minute, zone)
          const back = localToInstant(local, zone) as Date
          expect(instantToLocal(back, zone)).toBe(local)
          // the same instant, unless the wall-clock time occurs twice: then its first occurrence
          if (back.getTime() !== minute.getTime()) {
            expect(back.getTime()).toBeLessThan(minute.getTime())
          }
        },
      ),
      { numRuns: 2000 },
    )
  })
})
