// The digest job: for each person who follows something and whose period has ended, what
// happened in the bodies and processes they follow, as one message in the mail outbox. The
// period is marked as dealt with in the same transaction as the message is queued, and the
// outbox's dedupe key makes a second digest for the same period impossible even if two app
// instances run the job at once.

import { type ActivityItem, activityOf } from '../../core/activity.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import type { AppDeps } from '../../core/http/context.ts'
import { mailBaseUrl } from '../../core/http/urls.ts'
import { DEFAULT_LOCALE, isLocale } from '../../core/i18n/locales.ts'
import { enqueueMail } from '../../core/mail/outbox.ts'
import { isolated } from '../../core/ui/name.tsx'
import { findProcess, processIdsOfBodies } from '../processes/index.ts'
import { followsOf, type Subscriber, subscribers } from './queries.ts'
import { markPeriodDealt } from './queries-write.ts'
import { type DigestPeriod, duePeriod, groupByProcess } from './rules/digest.ts'

/** At most this many items in one digest; the rest are a link away. */
const MAX_ITEMS = 100

export interface DigestRun {
  considered: number
  queued: number
}

async function followedProcessIds(db: Db, accountId: number): Promise<number[]> {
  const follows = await followsOf(db, accountId)
  const direct = follows.filter((f) => f.subjectType === 'process').map((f) => f.subjectId)
  const bodies = follows.filter((f) => f.subjectType === 'body').map((f) => f.subjectId)
  const viaBodies = bodies.length ? await processIdsOfBodies(db, bodies) : []
  return [...new Set([...direct, ...viaBodies])]
}

async function digestText(
  db: Db,
  deps: AppDeps,
  subscriber: Subscriber,
  period: DigestPeriod,
  items: ActivityItem[],
): Promise<{ subject: string; body: string; locale: string }> {
  const locale = isLocale(subscriber.locale) ? subscriber.locale : DEFAULT_LOCALE
  const { t, date, dateTime } = deps.messages.translator(locale)
  const base = mailBaseUrl(deps.config)
  const lastDay = new Date(period.end.getTime() - 1)
  const lines = [
    t('notifications.digest.greeting', { name: isolated(subscriber.displayName) }),
    '',
    t(`notifications.digest.intro.${period.frequency}`, { start: date(period.start), end: date(lastDay) }),
  ]
  for (const [processId, list] of groupByProcess(items)) {
    const process = await findProcess(db, processId)
    lines.push('', `== ${process?.title ?? processId} ==`, `${base}/processes/${processId}`)
    for (const item of list)
      lines.push(`- ${dateTime(item.at)}: ${t(item.message, item.values)}`, `  ${base}${item.href}`)
  }
  lines.push('', '--', t('notifications.digest.footer', { url: `${base}/account/notifications` }))
  return {
    subject: t(`notifications.digest.subject.${period.frequency}`, { count: items.length, start: date(period.start) }),
    body: lines.join('\n'),
    locale,
  }
}

/** Queues the digests that are due at `now`. */
export async function queueDigests(db: Db, deps: AppDeps, now: Date): Promise<DigestRun> {
  const run: DigestRun = { considered: 0, queued: 0 }
  for (const subscriber of await subscribers(db)) {
    const period = duePeriod(subscriber.frequency, subscriber.lastPeriodStart, now)
    if (!period) continue
    run.considered++
    const processIds = await followedProcessIds(db, subscriber.accountId)
    const items = (
      await activityOf(db, deps.modules, {
        processIds,
        since: new Date(period.start.getTime() - 1),
        until: period.end,
        limit: MAX_ITEMS * 2,
      })
    )
      .filter((i) => i.at >= period.start && i.at < period.end)
      .slice(0, MAX_ITEMS)
    const mail = items.length ? await digestText(db, deps, subscriber, period, items) : null
    const queued = await inTransaction(db, async (trx) => {
      await markPeriodDealt(trx, subscriber.accountId, period.start, now)
      if (!mail) return false
      return enqueueMail(trx, {
        toAddress: subscriber.email,
        toAccountId: subscriber.accountId,
        locale: mail.locale,
        kind: 'digest',
        subject: mail.subject,
        bodyText: mail.body,
        dedupeKey: `digest:${subscriber.accountId}:${period.key}`,
      })
    })
    if (queued) run.queued++
  }
  return run
}
