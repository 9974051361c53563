// iCalendar (RFC 5545) for meetings: one meeting, or every meeting of a body. Times are in UTC, so
// any calendar shows them in its own zone. Each event's UID is a UUID derived from the
// installation's own id and the meeting (the same whatever address the calendar was fetched by),
// and its SEQUENCE is the meeting's revision, so a calendar replaces the event when it changes.
// Text goes through ical-generator, which escapes and folds it; the calendar's name, which the
// library writes as given, is escaped with the library's own `escape`, so a line break in a title
// can never start a property of its own.
import { ICalCalendar, escape as icalEscape } from 'ical-generator'
import type { Translator } from '../../core/i18n/messages.ts'
import { uuidV5 } from '../../core/installation.ts'
import type { Meeting } from './queries.ts'

/**
 * A calendar with no event still needs a component (RFC 5545 3.6: `1*component`); the standard's
 * own answer is a time zone, so an empty calendar carries the UTC its events would be given in.
 */
const UTC_TIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:UTC',
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0000',
  'TZNAME:UTC',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n')

/** The UID of a meeting's event: stable for the installation, a UUID as RFC 7986 5.3 advises. */
export function meetingUid(installationId: string, meetingId: number): string {
  return uuidV5(installationId, `ecp:meeting:${meetingId}`)
}

export function meetingsCalendar(
  meetings: readonly (Meeting & { processTitle: string })[],
  options: { name: string; baseUrl: string; installationId: string; i18n: Translator },
): string {
  const { i18n } = options
  const t = i18n.t
  const calendar = new ICalCalendar({
    name: icalEscape(options.name, false),
    prodId: { company: 'ecp', product: 'ecp', language: i18n.locale.toUpperCase() },
  })
  for (const m of meetings) {
    const url = `${options.baseUrl}/meetings/${m.id}`
    const description = [
      m.processTitle,
      m.remoteUrl ? t('processes.calendar.remote', { url: m.remoteUrl }) : null,
      m.interpretationLanguages.length
        ? t('processes.calendar.interpretation', {
            languages: i18n.list(m.interpretationLanguages.map((l) => t(`processes.language.${l}`))),
          })
        : null,
      m.liveCaptioning ? t('processes.meetings.captioningYes') : null,
      url,
    ]
      .filter(Boolean)
      .join('\n')
    calendar.createEvent({
      id: meetingUid(options.installationId, m.id),
      sequence: m.sequence,
      start: m.startsAt,
      end: m.endsAt,
      stamp: m.updatedAt,
      lastModified: m.updatedAt,
      summary: m.title,
      description,
      location: m.venue ?? m.remoteUrl ?? null,
      url,
    })
  }
  const text = calendar.toString()
  // the library writes a time zone only for events given in one; ours are in UTC, so it is added here
  return meetings.length ? text : text.replace(/END:VCALENDAR\s*$/, `${UTC_TIMEZONE}\r\nEND:VCALENDAR`)
}
