// The mail outbox. Modules enqueue messages inside their own transactions; the `core.send_mail`
// job drains the outbox through SMTP (SMTP_URL), retrying failures. A dedupe key turns "at most
// one such message" (one digest per person per period) into a database constraint.
import nodemailer from 'nodemailer'
import type { Db } from '../db/database.ts'
import type { Logger } from '../log.ts'

export interface OutgoingMail {
  toAddress: string
  toAccountId?: number | null
  locale: string
  /** what kind of message, e.g. "digest", "reminder" */
  kind: string
  subject: string
  bodyText: string
  /** a second message with the same key is not queued */
  dedupeKey?: string
}

/** Queues a message; returns false when its dedupe key was already used. */
export async function enqueueMail(db: Db, mail: OutgoingMail): Promise<boolean> {
  const row = await db
    .insertInto('coreMailOutbox')
    .values({
      toAddress: mail.toAddress,
      toAccountId: mail.toAccountId ?? null,
      locale: mail.locale,
      kind: mail.kind,
      subject: mail.subject,
      bodyText: mail.bodyText,
      dedupeKey: mail.dedupeKey ?? null,
    })
    .onConflict((oc) => oc.column('dedupeKey').doNothing())
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}

export async function listOutbox(db: Db, options: { limit: number; offset: number; kind?: string }) {
  let query = db.selectFrom('coreMailOutbox')
  if (options.kind) query = query.where('kind', '=', options.kind)
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('id', 'desc').limit(options.limit).offset(options.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: Number(count.n) }
}

const MAX_ATTEMPTS = 8

export type MailTransport = {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>
}

export function smtpTransport(smtpUrl: string): MailTransport {
  return nodemailer.createTransport(smtpUrl)
}

/** Sends unsent messages, oldest first; returns how many went out. */
export async function drainOutbox(
  db: Db,
  transport: MailTransport,
  from: string,
  log: Logger,
  batch = 50,
): Promise<number> {
  const pending = await db
    .selectFrom('coreMailOutbox')
    .select(['id', 'toAddress', 'subject', 'bodyText', 'attempts'])
    .where('sentAt', 'is', null)
    .where('attempts', '<', MAX_ATTEMPTS)
    .orderBy('id')
    .limit(batch)
    .execute()
  let sent = 0
  for (const mail of pending) {
    try {
      await transport.sendMail({ from, to: mail.toAddress, subject: mail.subject, text: mail.bodyText })
      await db
        .updateTable('coreMailOutbox')
        .set({ sentAt: new Date(), attempts: mail.attempts + 1 })
        .where('id', '=', mail.id)
        .execute()
      sent++
    } catch (error) {
      log.error(`mail #${mail.id} to ${mail.toAddress} failed`, error)
      await db
        .updateTable('coreMailOutbox')
        .set({ attempts: mail.attempts + 1, lastError: error instanceof Error ? error.message : String(error) })
        .where('id', '=', mail.id)
        .execute()
    }
  }
  return sent
}
