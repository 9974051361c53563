// Kysely types of the core tables (see migrations/). Modules declare their own tables beside
// their SQL and widen the Kysely instance with `db.withTables<TheirTables>()`.
import type { ColumnType, Generated } from 'kysely'

/** A timestamp the database fills in on insert. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>
/** A JSON value: pass it through `jsonb()` when writing. */
export type Json<T> = ColumnType<T, string | T, string | T>

export interface CoreSecretTable {
  name: string
  value: string
  createdAt: CreatedAt
}

export interface CoreRateLimitTable {
  key: string
  windowStart: Date
  count: number
}

export interface CoreIdempotencyKeyTable {
  scope: string
  key: string
  requestHash: string
  status: number
  contentType: string
  body: string
  createdAt: CreatedAt
}

export interface CoreJobTable {
  id: Generated<number>
  kind: string
  payload: Json<Record<string, unknown>>
  runAt: CreatedAt
  uniqueKey: string | null
  attempts: Generated<number>
  maxAttempts: Generated<number>
  lockedUntil: Date | null
  completedAt: Date | null
  failedAt: Date | null
  lastError: string | null
  /** when a recurring job's one row last ran to completion (it is then scheduled again) */
  lastRunAt: Date | null
  createdAt: CreatedAt
}

export interface AuthAccountTable {
  id: Generated<number>
  email: string
  displayName: string
  passwordHash: string
  preferredLocale: string | null
  createdAt: CreatedAt
  updatedAt: CreatedAt
  passwordChangedAt: CreatedAt
  disabledAt: Date | null
  /** null until the person follows the link mailed at sign-up */
  emailConfirmedAt: Date | null
  emailConfirmationHash: string | null
  emailConfirmationExpiresAt: Date | null
}

export interface AuthSessionTable {
  tokenHash: string
  accountId: number
  createdAt: CreatedAt
  lastSeenAt: CreatedAt
  expiresAt: Date
  userAgent: string | null
}

export interface AuthApiTokenTable {
  id: Generated<number>
  accountId: number
  name: string
  tokenHash: string
  /** what the token may be used for (core/auth/scopes.ts) */
  scopes: string[]
  createdAt: CreatedAt
  expiresAt: Date
  lastUsedAt: Date | null
  revokedAt: Date | null
}

export interface AuthRoleGrantTable {
  id: Generated<number>
  accountId: number
  role: string
  scopeType: string | null
  scopeId: string | null
  grantedBy: number | null
  grantedAt: CreatedAt
  revokedAt: Date | null
  revokedBy: number | null
}

export interface AuditEntryTable {
  seq: number
  at: Date
  actorAccountId: number | null
  action: string
  subjectType: string
  subjectId: string | null
  payload: Json<Record<string, unknown>>
  /** the hash chain of entries written before the Merkle tree (null since; see docs/audit-log.md) */
  contentHash: string | null
  public: boolean
  requestId: string | null
  prevHash: string | null
  hash: string | null
}

export interface AuditTreeNodeTable {
  level: number
  position: number
  hash: Uint8Array
}

export interface AuditCommitmentTable {
  seq: number
  salt: Uint8Array
  commitment: Uint8Array
}

export interface AuditCheckpointTable {
  id: Generated<number>
  treeSize: number
  rootHash: Uint8Array
  at: Date
  origin: string
  publicKey: Uint8Array
  signature: Uint8Array
  body: string
  reason: 'first' | 'hourly' | 'report'
}

export interface CoreMailOutboxTable {
  id: Generated<number>
  toAddress: string
  toAccountId: number | null
  locale: string
  kind: string
  subject: string
  bodyText: string
  dedupeKey: string | null
  createdAt: CreatedAt
  sentAt: Date | null
  attempts: Generated<number>
  lastError: string | null
}

export interface CoreTables {
  coreMailOutbox: CoreMailOutboxTable
  coreSecret: CoreSecretTable
  coreRateLimit: CoreRateLimitTable
  coreIdempotencyKey: CoreIdempotencyKeyTable
  coreJob: CoreJobTable
  authAccount: AuthAccountTable
  authSession: AuthSessionTable
  authApiToken: AuthApiTokenTable
  authRoleGrant: AuthRoleGrantTable
  auditEntry: AuditEntryTable
  auditTreeNode: AuditTreeNodeTable
  auditCommitment: AuditCommitmentTable
  auditCheckpoint: AuditCheckpointTable
}
