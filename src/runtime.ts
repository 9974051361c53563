// Opens everything a running ecp needs, for the server and the CLI alike: the database (migrated),
// the reference data, the installation secret and the message catalogs.
import type { Config } from './config.ts'
import { ensureSigningKey, signCheckpoint } from './core/audit/checkpoint.ts'
import { catchUpTree } from './core/audit/tree-store.ts'
import { hasAccounts } from './core/auth/accounts.ts'
import { purgeExpiredSessions } from './core/auth/sessions.ts'
import { type Database, type DatabaseTarget, openDatabase, targetFromConfig } from './core/db/database.ts'
import { FaultReporter } from './core/db/errors.ts'
import { CORE_MIGRATIONS_DIR, collectMigrations, type MigrationFile, migrateToLatest } from './core/db/migrator.ts'
import { installationSecret } from './core/db/secrets.ts'
import { cleanGinPendingLists, GIN_PENDING_JOB, upkeepDatabase } from './core/db/upkeep.ts'
import type { AppDeps } from './core/http/context.ts'
import { DatabaseHealth } from './core/http/health.ts'
import { purgeOldIdempotencyKeys } from './core/http/idempotency.ts'
import { purgeOldRateLimits } from './core/http/rate-limit.ts'
import { CORE_MESSAGES_DIR, loadCatalogs } from './core/i18n/catalog.ts'
import { Messages } from './core/i18n/messages.ts'
import type { JobRegistry } from './core/jobs/queue.ts'
import { createLogger, type Logger } from './core/log.ts'
import { drainOutbox, smtpTransport } from './core/mail/outbox.ts'
import type { ModuleManifest } from './core/module.ts'
import { modules as registeredModules } from './modules/index.ts'

export function migrationFiles(modules: readonly ModuleManifest[]): MigrationFile[] {
  return collectMigrations([CORE_MIGRATIONS_DIR, ...modules.flatMap((m) => (m.migrations ? [m.migrations] : []))])
}

export async function migrate(database: Database, modules: readonly ModuleManifest[], log: Logger) {
  const { error, results } = await migrateToLatest(database, migrationFiles(modules))
  for (const r of results ?? []) {
    if (r.status === 'Success') log.info(`migration applied: ${r.migrationName}`)
    if (r.status === 'Error') log.error(`migration failed: ${r.migrationName}`)
  }
  if (error) throw error instanceof Error ? error : new Error(String(error))
  return results ?? []
}

export function loadMessages(modules: readonly ModuleManifest[]): Messages {
  return new Messages([loadCatalogs(CORE_MESSAGES_DIR), ...modules.map((m) => m.messages)])
}

export interface Runtime {
  deps: AppDeps
  database: Database
  jobs: JobRegistry
  /** migrations this opening applied */
  migrated: string[]
  close(): Promise<void>
}

export interface RuntimeOptions {
  modules?: readonly ModuleManifest[]
  target?: DatabaseTarget
  log?: Logger
  /** sync reference data after migrating (default true); `ecp import` needs an empty database */
  referenceData?: boolean
  now?: () => Date
  /** hears every SQL statement the database is sent (tests count round trips) */
  onQuery?: (sql: string) => void
}

const CORE_JOBS: JobRegistry = {
  handlers: {
    // an hourly signed checkpoint when the log grew (signCheckpoint signs nothing otherwise)
    'core.audit_checkpoint': async (_, { db, deps }) => void (await signCheckpoint(db, 'hourly', deps.now())),
    'core.purge_sessions': async (_, { db }) => void (await purgeExpiredSessions(db)),
    'core.purge_rate_limits': async (_, { db }) => purgeOldRateLimits(db),
    'core.purge_idempotency_keys': async (_, { db }) => purgeOldIdempotencyKeys(db),
    'core.upkeep_database': async (_, { db, deps, log }) => {
      const report = await upkeepDatabase(db, deps.dbKind, deps.now())
      log.debug('database upkeep', report)
    },
    // the text indexes' pending lists merged here, not by the arrival that overflows one
    [GIN_PENDING_JOB]: async (_, { db, log }) => {
      const cleaned = await cleanGinPendingLists(db)
      if (Object.values(cleaned).some((pages) => pages > 0)) log.debug('GIN pending lists merged (pages)', cleaned)
    },
    // without SMTP_URL mail stays in the outbox, readable at /administration/outbox
    'core.send_mail': async (_, { db, deps, log }) => {
      if (deps.config.smtpUrl) await drainOutbox(db, smtpTransport(deps.config.smtpUrl), deps.config.mailFrom, log)
    },
  },
  recurring: {
    'core.audit_checkpoint': 3600,
    'core.purge_sessions': 3600,
    'core.purge_rate_limits': 3600,
    'core.purge_idempotency_keys': 3600,
    'core.upkeep_database': 6 * 3600,
    // 1 MB holds about 290 search documents, some 170 arrivals (each writes one, and rewrites it
    // when it joins a campaign): arrivals under about 11 a second never fill it between two runs
    [GIN_PENDING_JOB]: 15,
    'core.send_mail': 60,
  },
}

export function jobRegistry(modules: readonly ModuleManifest[]): JobRegistry {
  const registry: JobRegistry = { handlers: { ...CORE_JOBS.handlers }, recurring: { ...CORE_JOBS.recurring } }
  for (const m of modules) {
    Object.assign(registry.handlers, m.jobs ?? {})
    Object.assign(registry.recurring, m.recurringJobs ?? {})
  }
  return registry
}

export async function openRuntime(config: Config, options: RuntimeOptions = {}): Promise<Runtime> {
  const modules = options.modules ?? registeredModules
  const log = options.log ?? createLogger(config.log)
  // a server restart drops every pooled connection at once: say it once per interval
  const lost = new FaultReporter(30_000)
  const database = await openDatabase(
    options.target ?? targetFromConfig(config),
    (error) => {
      if (lost.shouldReport('connection')) log.error('database connection lost (said once per 30 s)', error.message)
    },
    options.onQuery,
  )
  try {
    const migrated = await migrate(database, modules, log)
    if (options.referenceData !== false) {
      for (const m of modules) await m.referenceData?.(database.db, log)
    }
    const csrfSecret = await installationSecret(database.db, 'csrf')
    // the log's signing key is made at installation; entries from before the Merkle tree get their leaves
    await ensureSigningKey(database.db, config.publicUrl)
    const upgraded = await catchUpTree(database.db)
    if (upgraded) log.info(`audit log: ${upgraded} entries added to the Merkle tree`)
    const deps: AppDeps = {
      db: database.db,
      dbKind: database.kind,
      config,
      log,
      messages: loadMessages(modules),
      modules,
      csrfSecret,
      now: options.now ?? (() => new Date()),
      health: new DatabaseHealth({ dataDir: database.dataDir }),
    }
    return {
      deps,
      database,
      jobs: jobRegistry(modules),
      migrated: migrated.map((r) => r.migrationName),
      close: () => database.close(),
    }
  } catch (error) {
    await database.close()
    throw error
  }
}

/** True when no module has stored anything yet (reference data aside): the demo may load. */
export async function isDatabaseEmpty(database: Database): Promise<boolean> {
  return !(await hasAccounts(database.db))
}
