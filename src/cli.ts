// The `ecp` command: start, serve, migrate, demo, export, import, audit verify, and the commands
// modules contribute. Exit codes: 0 done, 1 failed, 2 bad usage or configuration.

import { once } from 'node:events'
import { createWriteStream, existsSync, fchmodSync, openSync } from 'node:fs'
import { type Config, loadConfig } from './config.ts'
import { verifyAuditLog } from './core/audit/audit.ts'
import { verifyLogFile } from './core/audit/verify-file.ts'
import { findAccountByEmail } from './core/auth/accounts.ts'
import { progressBar } from './core/cli/progress.ts'
import { describeError, StartupError } from './core/db/data-dir.ts'
import { databaseFault } from './core/db/errors.ts'
import { appliedMigrations } from './core/db/migrator.ts'
import { countRows, exportLines, restoredBy, transferredTables } from './core/db/transfer.ts'
import { importFile } from './core/db/transfer-import.ts'
import { exportedTables, publicRules } from './core/db/transfer-public.ts'
import { analyzeNow } from './core/db/upkeep.ts'
import { createLogger } from './core/log.ts'
import type { CliCommand, CliContext } from './core/module.ts'
import { loadDemo } from './demo.ts'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './modules/accounts/index.ts'
import { modules } from './modules/index.ts'
import { migrationFiles, openRuntime, type Runtime } from './runtime.ts'
import { startServer } from './server.ts'

const USAGE = `Usage: ecp <command> [arguments]

  start               migrate, load the demo into an empty database, serve (what npm start runs)
  serve               migrate and serve http://localhost:3000 (PORT, HOST)
  migrate             apply pending migrations
  demo                load the demo data into an empty database
  export [--public] FILE
                      write the whole database as JSON Lines (mode 0600); --public leaves out
                      personal data (emails, password and token hashes, mail, private names)
  import FILE         load an export into an empty, migrated database
  audit verify [FILE] [--checkpoint FILE|URL]
                      check the audit log's Merkle tree and signed checkpoints (the database's,
                      or a downloaded log against a checkpoint, e.g. https://site/api/v1/audit/checkpoint)
${modules
  .flatMap((m) => m.commands ?? [])
  .map((c) => `  ${c.usage.padEnd(20)}${c.description}`)
  .join('\n')}
Configuration comes from environment variables; see README.md.`

async function withRuntime(config: Config, referenceData: boolean, fn: (runtime: Runtime) => Promise<number>) {
  const runtime = await openRuntime(config, { referenceData })
  try {
    return await fn(runtime)
  } finally {
    await runtime.close()
  }
}

function printDemoAccounts(out: (line: string) => void) {
  out(`Demo accounts (password for all: ${DEMO_PASSWORD}):`)
  for (const a of DEMO_ACCOUNTS) out(`  ${a.email.padEnd(28)} ${a.handle}`)
}

async function serve(config: Config, withDemo: boolean): Promise<number> {
  const log = createLogger(config.log)
  const runtime = await openRuntime(config, { log })
  const demoWanted = config.demo === 'on' || (config.demo === 'auto' && config.env !== 'production' && withDemo)
  let demoPresent = false
  if (demoWanted) {
    const result = await loadDemo(runtime)
    demoPresent = result.loaded || (await findAccountByEmail(runtime.deps.db, DEMO_ACCOUNTS[0].email)) !== undefined
    if (result.loaded) {
      log.info('demo data loaded')
      // on PostgreSQL at once; on PGlite the server's upkeep job runs first thing (startServer)
      if (runtime.deps.dbKind !== 'pglite') await analyzeNow(runtime.deps.db)
    }
  }
  const server = await startServer(runtime, { port: config.port, host: config.host })
  const out = (line: string) => process.stdout.write(`${line}\n`)
  out(`ecp is running at ${server.url} (database: ${runtime.deps.dbKind})`)
  if (demoPresent) printDemoAccounts(out)
  out('Press Ctrl+C to stop.')
  const stop = async () => {
    out('Stopping...')
    await server.close()
    await runtime.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  await new Promise(() => {})
  return 0
}

async function exportCommand(
  runtime: Runtime,
  file: string,
  publicExport: boolean,
  out: CliContext['out'],
): Promise<number> {
  const { db } = runtime.deps
  const rules = publicExport ? publicRules(modules) : undefined
  const tables = exportedTables(await transferredTables(db, modules), rules)
  const migrations = await appliedMigrations(runtime.database, migrationFiles(modules))
  let total = 0
  for (const t of tables) total += await countRows(db, t)
  const bar = progressBar('export', total)
  // readable by its owner only: a full export holds password and token hashes, emails and mail
  const fd = openSync(file, 'w', 0o600)
  fchmodSync(fd, 0o600)
  const stream = createWriteStream('', { fd, encoding: 'utf8' })
  let written = 0
  for await (const line of exportLines(db, tables, migrations, {
    public: rules,
    onRows: (n) => {
      written += n
      bar.increment(n)
    },
  })) {
    if (!stream.write(`${line}\n`)) await once(stream, 'drain')
  }
  stream.end()
  await once(stream, 'finish')
  bar.stop()
  out(
    `exported ${written} rows from ${tables.length} tables to ${file}${publicExport ? ' (public: no personal data)' : ''}`,
  )
  return 0
}

async function importCommand(runtime: Runtime, file: string, out: CliContext['out']): Promise<number> {
  if (!existsSync(file)) {
    process.stderr.write(`ecp import: ${file} does not exist\n`)
    return 2
  }
  const { db } = runtime.deps
  const tables = await transferredTables(db, modules)
  const migrations = await appliedMigrations(runtime.database, migrationFiles(modules))
  const bar = progressBar('import', 1)
  const result = await importFile(db, file, tables, migrations, () => {}, restoredBy(modules))
  bar.stop()
  if (!result.ok) {
    process.stderr.write(`ecp import: ${result.detail}\n`)
    return 1
  }
  out(`imported ${result.rows} rows from ${file}`)
  await analyzeNow(db)
  out('statistics refreshed (ANALYZE)')
  return 0
}

async function verifyFile(file: string, checkpoint: string | undefined, out: CliContext['out']): Promise<number> {
  const verdict = await verifyLogFile(file, checkpoint)
  if (!verdict.ok) {
    process.stderr.write(`${verdict.lines.join('\n')}\n`)
    return 1
  }
  for (const line of verdict.lines) out(line)
  return 0
}

export async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv
  const out = (line: string) => process.stdout.write(`${line}\n`)
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    out(USAGE)
    return
  }
  const loaded = loadConfig()
  if (!loaded.ok) {
    process.stderr.write(`ecp: the configuration has problems:\n${loaded.problems.map((p) => `  - ${p}`).join('\n')}\n`)
    process.exit(2)
  }
  const config = loaded.config
  let code: number
  try {
    code = await run(config, command, args, out)
  } catch (error) {
    // an operator's problem (a locked, read-only or full data directory) is a sentence; a bug keeps its stack
    const text =
      error instanceof StartupError || databaseFault(error)
        ? describeError(error)
        : error instanceof Error
          ? (error.stack ?? error.message)
          : describeError(error)
    process.stderr.write(`ecp ${command}: ${text}\n`)
    code = 1
  }
  process.exit(code)
}

async function run(config: Config, command: string, args: string[], out: CliContext['out']): Promise<number> {
  switch (command) {
    case 'start':
      return serve(config, true)
    case 'serve':
      return serve(config, false)
    case 'migrate':
      return withRuntime(config, false, async (runtime) => {
        out(`${runtime.migrated.length} migration(s) applied`)
        return 0
      })
    case 'demo':
      return withRuntime(config, true, async (runtime) => {
        const result = await loadDemo(runtime)
        if (!result.loaded) {
          process.stderr.write('ecp demo: the database is not empty; the demo loads only into an empty one\n')
          return 1
        }
        await analyzeNow(runtime.deps.db)
        out('demo data loaded')
        printDemoAccounts(out)
        return 0
      })
    case 'export':
    case 'import': {
      const publicExport = command === 'export' && args.includes('--public')
      const file = args.find((a) => a !== '--public')
      if (!file || args.length > (publicExport ? 2 : 1)) {
        process.stderr.write(`usage: ecp ${command} ${command === 'export' ? '[--public] ' : ''}FILE\n`)
        return 2
      }
      return withRuntime(config, false, (runtime) =>
        command === 'export' ? exportCommand(runtime, file, publicExport, out) : importCommand(runtime, file, out),
      )
    }
    case 'audit': {
      const [sub, ...rest] = args
      const flag = rest.indexOf('--checkpoint')
      const checkpoint = flag >= 0 ? rest[flag + 1] : undefined
      const files = flag < 0 ? rest : rest.filter((_, i) => i !== flag && i !== flag + 1)
      if (sub !== 'verify' || files.length > 1 || (flag >= 0 && !checkpoint) || (checkpoint && !files[0])) {
        process.stderr.write('usage: ecp audit verify [FILE [--checkpoint FILE|URL]]\n')
        return 2
      }
      if (files[0]) return verifyFile(files[0], checkpoint, out)
      return withRuntime(config, false, async (runtime) => {
        const verdict = await verifyAuditLog(runtime.deps.db)
        if (verdict.problem) {
          process.stderr.write(
            `audit log BROKEN: ${JSON.stringify(verdict.problem)} after ${verdict.count} good entries\n`,
          )
          return 1
        }
        out(`audit log OK: ${verdict.count} entries, root ${verdict.root.toString('base64')}`)
        return 0
      })
    }
    default: {
      const extra: CliCommand | undefined = modules.flatMap((m) => m.commands ?? []).find((c) => c.name === command)
      if (!extra) {
        process.stderr.write(`ecp: unknown command "${command}"\n\n${USAGE}\n`)
        return 2
      }
      return withRuntime(config, true, (runtime) => extra.run(args, { deps: runtime.deps, log: runtime.deps.log, out }))
    }
  }
}
