// What `ecp export --public` leaves out: the tables of personal data and the columns replaced.
import { sql } from 'kysely'
import type { ExportOptions, TableInfo } from './transfer.ts'

const ident = (name: string) => sql.id(name)

/**
 * `ecp export --public` leaves out personal data: these tables (credentials, mail, follows,
 * throttles, job payloads) are not written, and these columns are replaced (SQL over the row).
 * Names shown on public pages stay; a person's name stays only when their profile is public. A
 * public export is for publishing, not for restoring: its audit log no longer verifies.
 */
export const PUBLIC_OMITTED_TABLES = [
  'auth_api_token',
  'core_mail_outbox',
  'core_job',
  'accounts_throttle',
  'notifications_follow',
  'notifications_preference',
  // a restricted audit entry's salt would let anyone test guesses of its content
  'audit_commitment',
]
export const PUBLIC_REDACTED_COLUMNS: Record<string, Record<string, string>> = {
  auth_account: {
    email: `'account-' || id || '@redacted.invalid'`,
    display_name: `'Account ' || id`,
    password_hash: `''`,
    preferred_locale: 'null',
    email_confirmation_hash: 'null',
    email_confirmation_expires_at: 'null',
  },
  // a restricted entry is published as its commitment only: who, what and about whom stay out
  audit_entry: {
    payload: `case when public then payload else '{}'::jsonb end`,
    actor_account_id: 'case when public then actor_account_id end',
    subject_id: 'case when public then subject_id end',
    request_id: 'null',
  },
  actors_person: {
    name: `case when profile_public then name else 'Person ' || id end`,
    honorific: 'case when profile_public then honorific end',
  },
}

/** The export's tables: all of them, or without the personal ones for a public export. */
export function exportedTables(tables: TableInfo[], options: ExportOptions = {}): TableInfo[] {
  const omitted = [...PUBLIC_OMITTED_TABLES, ...(options.privateTables ?? [])]
  return options.public ? tables.filter((t) => !omitted.includes(t.name)) : tables
}

export function rowsOf(t: TableInfo, publicExport: boolean) {
  const redacted = publicExport ? PUBLIC_REDACTED_COLUMNS[t.name] : undefined
  if (!redacted) return sql`${ident(t.name)}`
  const select = sql.join(t.columns.map((c) => (redacted[c] ? sql`${sql.raw(redacted[c])} as ${ident(c)}` : ident(c))))
  return sql`(select ${select} from ${ident(t.name)})`
}
