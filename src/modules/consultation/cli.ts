// `ecp contributions import CALL_ID FILE [--as EMAIL] [--language LANG] [--format F] [--no-campaigns]`
// and `ecp campaigns rebuild CALL_ID [--threshold T]`. The import shows a progress bar (bytes of
// the file), commits in batches, resumes where an interrupted run of the same file stopped, and
// writes FILE.rejects.csv with each refused record's line and reason.
import { createReadStream } from 'node:fs'
import { readFile, stat, writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { Transform } from 'node:stream'
import { parseArgs } from 'node:util'
import { findAccountByEmail } from '../../core/auth/accounts.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { progressBar } from '../../core/cli/progress.ts'
import { toCsv } from '../../core/formats/csv.ts'
import type { CliCommand, CliContext } from '../../core/module.ts'
import { firstStaffAccount, rejectsOf } from './queries.ts'
import { runImport, sha256Of, startImport } from './queries-intake.ts'
import { rebuildCampaigns } from './queries-rebuild.ts'
import { setThreshold } from './queries-settings.ts'
import { rejectsCsvRows } from './rules/rejects.ts'
import { FORMATS, type Format, formatOf } from './sources/records.ts'

const IMPORT_USAGE =
  'usage: ecp contributions import CALL_ID FILE [--as EMAIL] [--language LANG] [--format csv|jsonl|mbox] [--no-campaigns]'

async function importAccount(ctx: CliContext, email: string | undefined): Promise<number | null> {
  if (email) return (await findAccountByEmail(ctx.deps.db, email))?.id ?? null
  // by default, the first administrator or Secretariat member
  return firstStaffAccount(ctx.deps.db)
}

async function runImportCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      as: { type: 'string' },
      language: { type: 'string' },
      format: { type: 'string' },
      'no-campaigns': { type: 'boolean' },
    },
  })
  const [sub, callArg, file] = positionals
  const callId = Number(callArg)
  if (sub !== 'import' || !file || !Number.isSafeInteger(callId) || callId <= 0) {
    ctx.log.error(IMPORT_USAGE)
    return 2
  }
  const format = (values.format ?? formatOf(file)) as Format | null
  if (!format || !FORMATS.includes(format)) {
    ctx.log.error(`ecp contributions import: say the format of ${file} (--format csv, jsonl or mbox)`)
    return 2
  }
  const accountId = await importAccount(ctx, values.as)
  if (accountId === null) {
    ctx.log.error('ecp contributions import: no such account (--as EMAIL names the Secretariat member who imports)')
    return 1
  }
  const { db } = ctx.deps
  const now = ctx.deps.now()
  const cmd = { actor: SYSTEM, now }
  const started = await startImport(db, cmd, {
    callId,
    accountId,
    fileName: basename(file),
    format,
    sha256: sha256Of(await readFile(file)),
  })
  if (!started.ok) {
    ctx.log.error(`ecp contributions import: ${started.error.id}`)
    return 1
  }
  const size = (await stat(file)).size
  const bar = progressBar(`import ${basename(file)}`, size)
  let bytes = 0
  let shown = 0
  // counted as the import reads it: a 'data' listener would start the stream flowing at once, and
  // what flowed before the import began reading (it reads the call first) was lost
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length
      done(null, chunk)
    },
  })
  // read a megabyte at a time: fewer pieces for the CSV reader to join and search (64 KB by default)
  const input = createReadStream(file, { highWaterMark: 1 << 20 }).pipe(counted)
  const run = await runImport(db, cmd, started.value.id, input, {
    defaultLanguage: values.language ?? null,
    onProgress: (p) => {
      bar.increment(bytes - shown, {
        label: `${p.accepted} added, ${p.alreadyThere} already there, ${p.rejected} rejected`,
      })
      shown = bytes
    },
    // the campaigns are rebuilt after the batches and before the search pass, which then writes each
    // member's document with its term (a rebuild after it would rewrite them all); a resumed run
    // rebuilds again, since the earlier one may have stopped in the rebuild itself
    beforeSearchPass: values['no-campaigns']
      ? undefined
      : async ({ added, resumed }) => {
          if (added.length === 0 && !resumed) return
          bar.stop()
          const rebuilt = await rebuildCampaigns(db, cmd, callId)
          if (rebuilt.ok)
            ctx.log.info(
              `campaigns: ${rebuilt.value.campaigns} campaigns hold ${rebuilt.value.inCampaigns} of ${rebuilt.value.contributions} contributions (the search index follows)`,
            )
        },
  })
  bar.stop()
  if (!run.ok) {
    ctx.log.error(`ecp contributions import: ${run.error.id} (run the same command again to resume)`)
    return 1
  }
  const done = run.value.import
  const rejects = await rejectsOf(db, done.id)
  if (rejects.length > 0) {
    const rows = rejectsCsvRows(rejects)
    await writeFile(`${file}.rejects.csv`, toCsv(rows, [...new Set(rows.flatMap((r) => Object.keys(r)))]))
    ctx.out(`${file}.rejects.csv`)
  }
  ctx.log.info(
    `import ${done.id}: ${done.records} records, ${done.accepted} added, ${done.alreadyThere} already there, ${done.rejected} rejected`,
  )
  return 0
}

export const contributionsImportCommand: CliCommand = {
  name: 'contributions',
  usage: 'contributions import CALL_ID FILE',
  description:
    'import contributions to a call from CSV, JSON Lines or an mbox (resumable; rejects to FILE.rejects.csv)',
  run: runImportCommand,
}

export const campaignsCommand: CliCommand = {
  name: 'campaigns',
  usage: 'campaigns rebuild CALL_ID [--threshold T]',
  description: "rebuild a call's campaigns of near-identical contributions (e.g. after a new threshold)",
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { threshold: { type: 'string' } },
    })
    const [sub, callArg] = positionals
    const callId = Number(callArg)
    const threshold = values.threshold === undefined ? undefined : Number(values.threshold)
    if (
      sub !== 'rebuild' ||
      !Number.isSafeInteger(callId) ||
      callId <= 0 ||
      (threshold !== undefined && !(threshold > 0 && threshold <= 1))
    ) {
      ctx.log.error('usage: ecp campaigns rebuild CALL_ID [--threshold 0.8]')
      return 2
    }
    const { db } = ctx.deps
    if (threshold !== undefined) {
      const set = await setThreshold(db, { actor: SYSTEM, now: ctx.deps.now() }, callId, threshold)
      if (!set.ok) {
        ctx.log.error(`ecp campaigns rebuild: ${set.error.id}`)
        return 1
      }
    }
    const result = await rebuildCampaigns(db, { actor: SYSTEM, now: ctx.deps.now() }, callId, {})
    if (!result.ok) {
      ctx.log.error(`ecp campaigns rebuild: ${result.error.id}`)
      return 1
    }
    const r = result.value
    ctx.out(
      `${r.campaigns} campaigns hold ${r.inCampaigns} of ${r.contributions} contributions (${r.texts} distinct texts); read ${r.seconds.read.toFixed(1)} s, grouped ${r.seconds.cluster.toFixed(1)} s, written ${r.seconds.write.toFixed(1)} s`,
    )
    return 0
  },
}
