import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { instantToLocal, localToInstant } from './time.ts'

describe('wall-clock times', () => {
  it('reads a Geneva winter time as UTC+1 and a summer time as UTC+2', () => {
    expect(localToInstant('2017-01-26T10:00', 'Europe/Zurich')?.toISOString()).toBe('2017-01-26T09:00:00.000Z')
    expect(localToInstant('2017-05-03T10:00', 'Europe/Zurich')?.toISOString()).toBe('2017-05-03T08:00:00.000Z')
  })

  it('reads New Delhi at its half-hour offset', () => {
    expect(localToInstant('2026-03-01T09:30', 'Asia/Kolkata')?.toISOString()).toBe('2026-03-01T04:00:00.000Z')
  })

  it('refuses text that is not a local date-time', () => {
    expect(localToInstant('tomorrow', 'UTC')).toBeNull()
    expect(localToInstant('2026-03-01', 'UTC')).toBeNull()
  })

  it('round-trips any minute in any of several zones', () => {
    const zones = ['UTC', 'Europe/Zurich', 'America/New_York', 'Asia/Kolkata', 'Australia/Adelaide', 'Pacific/Apia']
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }),
        fc.constantFrom(...zones),
        (date, zone) => {
          const minute = new Date(Math.floor(date.getTime() / 60_000) * 60_000)
          const local = instantToLocal(minute, zone)
          const back = localToInstant(local, zone)
          // in a DST overlap the earlier reading wins, so the instant may come back an hour early
          expect([0, 3_600_000]).toContain(minute.getTime() - (back as Date).getTime())
          expect(instantToLocal(back as Date, zone)).toBe(local)
        },
      ),
    )
  })
})
