// Turns an event into notices: one per recipient who has not switched the kind off, stored with
// the values in place, and mailed at once to those who chose "immediate" (in their language and
// time zone, in the same transaction: a notice and its mail exist together or not at all).
import type { Db } from '../../core/db/database.ts'
import type { AppDeps } from '../../core/http/context.ts'
import { mailBaseUrl } from '../../core/http/urls.ts'
import { DEFAULT_LOCALE, isLocale } from '../../core/i18n/locales.ts'
import { isTimeZone } from '../../core/i18n/messages.ts'
import { enqueueMail } from '../../core/mail/outbox.ts'
import { isolated } from '../../core/ui/name.tsx'
import { insertNotice, markMailed, type Reader, readers } from './queries-notices.ts'
import { recipientsOf, resolvePlace } from './recipients.ts'
import type { NoticeEvent } from './rules/events.ts'
import { deliveryFor } from './rules/kinds.ts'
import { type NoticeValues, noticeText } from './rules/text.ts'

/** A reader's translator: their language, their time zone. */
export function translatorFor(deps: AppDeps, reader: Pick<Reader, 'locale' | 'timeZone'>) {
  const locale = isLocale(reader.locale) ? reader.locale : DEFAULT_LOCALE
  return deps.messages.translator(locale, isTimeZone(reader.timeZone) ? reader.timeZone : 'UTC')
}

/** The text of one notice's mail. */
export function noticeMail(
  deps: AppDeps,
  reader: Reader,
  notice: { kind: string; href: string; values: NoticeValues; dueAt: Date | null },
  now: Date,
) {
  const i18n = translatorFor(deps, reader)
  const base = mailBaseUrl(deps.config)
  const text = noticeText(i18n, notice, now)
  const body = [
    i18n.t('notifications.mail.greeting', { name: isolated(reader.displayName) }),
    '',
    text.title,
    text.todo,
    '',
    `${base}${notice.href}`,
    '',
    '--',
    i18n.t('notifications.mail.footer', { url: `${base}/me/notifications/preferences` }),
  ]
  return { subject: text.title, body: body.join('\n'), locale: i18n.locale }
}

/** Stores the event's notices and queues the immediate mails; returns how many notices were new. */
export async function deliver(
  trx: Db,
  deps: AppDeps,
  event: NoticeEvent,
  source: { seq: number | null; public: boolean; actorAccountId: number | null },
  now: Date,
): Promise<number> {
  const place = await resolvePlace(trx, event)
  if (!place) return 0
  const ids = await recipientsOf(trx, event.audience, place, source)
  let made = 0
  for (const reader of await readers(trx, ids)) {
    const delivery = deliveryFor(event.kind, reader.deliveries)
    if (delivery === 'off') continue
    const id = await insertNotice(trx, {
      accountId: reader.accountId,
      event,
      values: place.values,
      sourceSeq: source.seq,
      delivery,
      at: now,
    })
    if (id === undefined) continue
    made++
    if (delivery !== 'immediate' || !reader.mailable) continue
    const mail = noticeMail(deps, reader, { ...event, values: place.values }, now)
    await enqueueMail(trx, {
      toAddress: reader.email,
      toAccountId: reader.accountId,
      locale: mail.locale,
      kind: 'notice',
      subject: mail.subject,
      bodyText: mail.body,
      dedupeKey: `notice:${id}`,
    })
    await markMailed(trx, [id], now)
  }
  return made
}
