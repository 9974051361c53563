// iCalendar (RFC 5545) for meetings: one meeting, or every meeting of a body. Times are in UTC,
// so any calendar shows them in its own zone; the UID is stable so updates replace the event.
import { ICalCalendar } from 'ical-generator'
import type { Translator } from '../../core/i18n/messages.ts'
import type { Meeting } from './queries.ts'

export function meetingsCalendar(
  meetings: readonly (Meeting & { processTitle: string })[],
  options: { name: string; baseUrl: string; host: string; i18n: Translator },
): string {
  const { i18n } = options
  const t = i18n.t
  const calendar = new ICalCalendar({
    name: options.name,
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
      id: `meeting-${m.id}@${options.host}`,
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
  return calendar.toString()
}
