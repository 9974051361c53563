// `ecp deliberation create --title T` (prints the new id), `ecp deliberation import ID VOTES.csv
// [--statements STATEMENTS.csv]` (progress bar; idempotent) and `ecp deliberation analyze ID`
// (recomputes, prints the time taken).
import { parseArgs } from 'node:util'
import { SYSTEM } from '../../core/auth/actor.ts'
import { progressBar } from '../../core/cli/progress.ts'
import type { CliCommand, CliContext } from '../../core/module.ts'
import { openDeliberation } from './commands.ts'
import { runAnalysis } from './engine.ts'
import { countCsvRows, importDeliberation } from './import.ts'
import { findDeliberation } from './queries.ts'

const USAGE = `usage: ecp deliberation create --title T
       ecp deliberation import ID VOTES.csv [--statements STATEMENTS.csv]
       ecp deliberation analyze ID`

function fail(message: string): number {
  process.stderr.write(`ecp deliberation: ${message}\n${USAGE}\n`)
  return 2
}

const idOf = (value: string | undefined) => (value && /^[1-9][0-9]{0,9}$/.test(value) ? Number(value) : null)

async function create(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({ args, options: { title: { type: 'string' }, description: { type: 'string' } } })
  if (!values.title?.trim()) return fail('--title is required')
  const result = await openDeliberation(
    ctx.deps.db,
    { actor: SYSTEM, now: ctx.deps.now() },
    { title: values.title.trim(), description: values.description },
  )
  if (!result.ok) return fail(result.error.id)
  ctx.out(String(result.value.id))
  return 0
}

async function importCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { statements: { type: 'string' } },
  })
  const id = idOf(positionals[0])
  const votes = positionals[1]
  if (id === null || !votes) return fail('give the deliberation id and the votes file')
  const total = await countCsvRows(votes).catch(() => -1)
  if (total < 0) return fail(`cannot read ${votes}`)
  const bar = progressBar('import', total)
  const result = await importDeliberation(
    ctx.deps.db,
    { actor: SYSTEM, now: ctx.deps.now() },
    id,
    { votes, statements: values.statements },
    (rows) => bar.increment(rows),
  )
  bar.stop()
  if (!result.ok) return fail(result.error.id)
  const r = result.value
  for (const refusal of r.refused.slice(0, 20)) process.stderr.write(`line ${refusal.line}: ${refusal.reason}\n`)
  ctx.out(
    `${r.rows} rows: ${r.votesChanged} votes recorded or changed, ${r.participantsChanged} participants added or changed, ${r.statementsAdded} statements added, ${r.refused.length} rows refused`,
  )
  return r.refused.length ? 1 : 0
}

async function analyzeCommand(args: string[], ctx: CliContext): Promise<number> {
  const id = idOf(args[0])
  if (id === null) return fail('give the deliberation id')
  if (!(await findDeliberation(ctx.deps.db, id))) return fail(`no deliberation ${id}`)
  const run = await runAnalysis(ctx.deps.db, id, ctx.deps.now)
  const { totals, groups } = run.result
  ctx.out(
    `${totals.participants} participants, ${totals.statements} statements, ${totals.votes} votes: ${groups.length} opinion groups in ${run.durationMs} ms`,
  )
  return 0
}

export const deliberationCommand: CliCommand = {
  name: 'deliberation',
  usage: 'deliberation create|import|analyze ...',
  description: 'open a deliberation, import votes from CSV, recompute its analysis (prints the time taken)',
  async run(args, ctx) {
    const [sub, ...rest] = args
    try {
      if (sub === 'create') return await create(rest, ctx)
      if (sub === 'import') return await importCommand(rest, ctx)
      if (sub === 'analyze') return await analyzeCommand(rest, ctx)
    } catch (error) {
      // parseArgs refuses unknown options by throwing
      if (error instanceof TypeError) return fail(error.message)
      throw error
    }
    return fail(`unknown sub-command ${sub ?? ''}`)
  },
}
