// The kept counts of an import batch alone (issue 13's import budget): what
// `contributions_counts_of_batch` costs PostgreSQL for one batch, apart from the COPY, the indexes
// and Node. In a database an import was made in (`KEEP=1 node --import tsx bench/intake.ts pg N NAME`),
// each round copies BATCH of the import's rows as new rows of the same import (counts and search
// left for later, as the import does), times the count of them by the backend's CPU from /proc and
// the wall clock, and rolls back: every round starts from the same database, so two definitions of
// the counts are compared on the same rows (apply one to a copy: `createdb -T`).
// Kinds of round: `fresh` people never counted (the bench's CSV: every name once), `seen` the names
// of people the import already counted (their earlier contributions looked up), `twice` each
// person twice in the batch, `mixed` a third of each. `--check` compares the kept counts with a
// recount after each round (slow: it recounts the whole table) and fails on a difference.
// Usage: node --import tsx bench/counts-batch.ts DATABASE [ROUNDS=20] [KIND=fresh] [--check]
import { loadavg } from 'node:os'
import pg from 'pg'
import { serverCpu } from './server-cpu.ts'

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'))
const check = process.argv.includes('--check')
const [name, roundsArg, kind = 'fresh'] = args
if (!name) throw new Error('usage: counts-batch.ts DATABASE [ROUNDS] [fresh|seen|twice|mixed] [--check]')
const ROUNDS = Number(roundsArg ?? 20)
const BATCH = Number(process.env.BATCH ?? 5000)
const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test')
url.pathname = `/${name}`

// every column but the id, the external id and the name, copied as they are
const KEPT = `call_id, process_id, author_account_id, import_id, source_file, status, source_line, created_at,
  updated_at, published_at, speaking_for, member_state_iso3, organization_id, stakeholder_group, regional_group,
  ldc, lldc, sids, language, answered_question_ids, imported_question_id, imported_text`

/** The name a round gives a copied row (`n`: its place in the batch). */
function nameOf(round: number): string {
  const own = `'counts-batch ${round} ' || (n / ${kind === 'twice' ? 2 : 1})::text`
  if (kind === 'fresh' || kind === 'twice') return own
  if (kind === 'seen') return 'c.contributor_name'
  return `case n % 3 when 0 then ${own} when 1 then c.contributor_name else 'counts-batch ${round} ' || (n / 2)::text end`
}

const client = new pg.Client({ connectionString: url.toString() })
await client.connect()
const pid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid as number
const imp = (
  await client.query<{ import_id: string; n: string }>(
    `select import_id, count(*) as n from contributions_contribution where import_id is not null
     group by 1 order by 2 desc limit 1`,
  )
).rows[0]
if (!imp) throw new Error(`no import in ${name}`)
const cpu: number[] = []
const wall: number[] = []
for (let round = 0; round < ROUNDS; round++) {
  await client.query('begin')
  await client.query(`select set_config('ecp.counts_later', 'on', true), set_config('ecp.search_later', 'on', true)`)
  const from = (round * BATCH) % Math.max(1, Number(imp.n) - BATCH)
  const ids = await client.query<{ id: string }>(
    `insert into contributions_contribution (id, external_id, contributor_name, ${KEPT})
     select nextval(pg_get_serial_sequence('contributions_contribution', 'id')), c.external_id || '-cb${round}',
       ${nameOf(round)}, ${KEPT.replaceAll(/(\w+)/g, 'c.$1')}
     from (select c.*, row_number() over (order by id) as n from contributions_contribution c
       where import_id = $1 order by id offset $2 limit $3) c
     returning id`,
    [imp.import_id, from, BATCH],
  )
  const list = ids.rows.map((r) => r.id)
  const c0 = serverCpu([pid]) ?? 0
  const t0 = performance.now()
  await client.query('select contributions_counts_of_batch($1::bigint[])', [list])
  wall.push(performance.now() - t0)
  cpu.push((serverCpu([pid]) ?? 0) - c0)
  if (check) {
    const diff = await client.query('select * from contributions_counts_recount() limit 5')
    if (diff.rows.length > 0) {
      await client.query('rollback')
      throw new Error(`round ${round}: kept counts differ from a recount: ${JSON.stringify(diff.rows)}`)
    }
  }
  await client.query('rollback')
}
await client.end()
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
const sorted = [...wall].sort((a, b) => a - b)
console.log(
  `${kind}, ${ROUNDS} rounds of ${BATCH}: backend CPU ${(sum(cpu) / ROUNDS).toFixed(1 + 2)} s a batch ` +
    `(${((sum(cpu) / ROUNDS) * (1_000_000 / BATCH)).toFixed(2)} s per million), wall median ` +
    `${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms${check ? ', every round equal to a recount' : ''}; ` +
    `load ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' / ')}`,
)
