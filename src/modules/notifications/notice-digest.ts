// The daily digest of notices: each person who chose "daily digest" for a kind gets, once their
// own day (in their time zone) is over, one message with that day's notices. The notices are
// marked mailed in the transaction that queues the message, and the outbox's key
// ("notice-digest:<account>:<day>") makes a second message for the same day impossible.
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import type { AppDeps } from '../../core/http/context.ts'
import { mailBaseUrl } from '../../core/http/urls.ts'
import { enqueueMail } from '../../core/mail/outbox.ts'
import { isolated } from '../../core/ui/name.tsx'
import { translatorFor } from './deliver.ts'
import { markMailed, pendingDaily, readers, toNotice } from './queries-notices.ts'
import { localDay } from './rules/day.ts'
import { noticeText } from './rules/text.ts'

/** Queues the digests due at `now`; returns how many messages were queued. */
export async function queueNoticeDigests(db: Db, deps: AppDeps, now: Date): Promise<number> {
  const pending = await pendingDaily(db)
  const byAccount = new Map<number, typeof pending>()
  for (const row of pending) {
    const id = Number(row.accountId)
    byAccount.set(id, [...(byAccount.get(id) ?? []), row])
  }
  let queued = 0
  for (const reader of await readers(db, [...byAccount.keys()])) {
    const i18n = translatorFor(deps, reader)
    const today = localDay(now, i18n.timeZone)
    // only days that are over: today's notices wait for tonight's digest
    const due = (byAccount.get(reader.accountId) ?? []).filter((n) => localDay(n.createdAt, i18n.timeZone) < today)
    if (due.length === 0) continue
    const base = mailBaseUrl(deps.config)
    const lines = [i18n.t('notifications.mail.greeting', { name: isolated(reader.displayName) }), '']
    for (const row of due) {
      const notice = toNotice(row)
      const text = noticeText(i18n, notice, now)
      lines.push(`- ${text.title}`, `  ${text.todo}`, `  ${base}${notice.href}`)
    }
    lines.push('', '--', i18n.t('notifications.mail.footer', { url: `${base}/me/notifications/preferences` }))
    const ids = due.map((n) => Number(n.id))
    const sent = await inTransaction(db, async (trx) => {
      await markMailed(trx, ids, now)
      if (!reader.mailable) return false
      return enqueueMail(trx, {
        toAddress: reader.email,
        toAccountId: reader.accountId,
        locale: i18n.locale,
        kind: 'notice_digest',
        subject: i18n.t('notifications.mail.digestSubject', { count: due.length }),
        bodyText: lines.join('\n'),
        dedupeKey: `notice-digest:${reader.accountId}:${today}`,
      })
    })
    if (sent) queued++
  }
  return queued
}
