// What `ecp export --public` leaves out: the tables of personal data and the columns replaced,
// core's own here, each module's in its manifest (`privateTables`, `privateColumns`).
import { sql } from 'kysely'
import type { TableInfo } from './transfer.ts'

const ident = (name: string) => sql.id(name)

/** SQL over the row, by table and column: what a public export writes instead of the column */
export type RedactedColumns = Readonly<Record<string, Readonly<Record<string, string>>>>

/**
 * `ecp export --public` leaves out personal data: these tables (credentials, mail, job payloads)
 * are not written, and these columns are replaced (SQL over the row). Names shown on public pages
 * stay. Only core's tables: a module declares its own in its manifest, as it alone names them. A
 * public export is for publishing, not for restoring: its audit log no longer verifies.
 */
export const CORE_PRIVATE_TABLES = [
  'auth_api_token',
  'core_mail_outbox',
  'core_job',
  // a restricted audit entry's salt would let anyone test guesses of its content
  'audit_commitment',
]
export const CORE_PRIVATE_COLUMNS: RedactedColumns = {
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
}

/** What a public export leaves out and rewrites: core's and every module's declarations. */
export interface PublicRules {
  tables: readonly string[]
  columns: RedactedColumns
}

/**
 * The rules of a public export over the modules' manifests. A public export asks for these whole
 * (`ExportOptions.public`), so no caller can publish with core's rules and forget the modules'.
 */
export function publicRules(
  modules: readonly { privateTables?: string[]; privateColumns?: Record<string, Record<string, string>> }[],
): PublicRules {
  const columns: Record<string, Record<string, string>> = {}
  for (const declared of [CORE_PRIVATE_COLUMNS, ...modules.map((m) => m.privateColumns ?? {})])
    for (const [table, replaced] of Object.entries(declared)) columns[table] = { ...columns[table], ...replaced }
  return { tables: [...CORE_PRIVATE_TABLES, ...modules.flatMap((m) => m.privateTables ?? [])], columns }
}

/** The export's tables: all of them, or without the personal ones for a public export. */
export function exportedTables(tables: TableInfo[], rules?: PublicRules): TableInfo[] {
  return rules ? tables.filter((t) => !rules.tables.includes(t.name)) : tables
}

export function rowsOf(t: TableInfo, rules?: PublicRules) {
  const redacted = rules?.columns[t.name]
  if (!redacted) return sql`${ident(t.name)}`
  const select = sql.join(t.columns.map((c) => (redacted[c] ? sql`${sql.raw(redacted[c])} as ${ident(c)}` : ident(c))))
  return sql`(select ${select} from ${ident(t.name)})`
}
