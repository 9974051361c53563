// What the contributions table itself costs PostgreSQL per imported row, part by part (issue 13's
// import budget), on a database kept by `KEEP=1 node --import tsx bench/intake.ts pg N NAME`: a batch
// of ROWS rows as the import writes it (binary COPY straight into the table, search and counts left
// for later, work_mem 32 MB), once into the table as it is and once with one part taken away (an
// index, a foreign key, a trigger) or changed, inside a transaction rolled back after each trial.
// The variants take turns, so a table grown by earlier trials weighs on all alike. CPU is the
// backend's own (/proc schedstat, nanoseconds, so other processes' load counts little), the median
// of REPEAT trials, per million rows and against the table as it is. The backend's pid goes to
// stderr once the batches are made, for `perf record -p`.
// Usage: node --import tsx bench/contribution-table-costs.ts DATABASE [ROWS=5000] [REPEAT=5] [variant...]
import { readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import pg from 'pg'
import { from as copyFrom, to as copyTo } from 'pg-copy-streams'

const [name = 'table_exp', rowsArg = '5000', repeatArg = '5', ...only] = process.argv.slice(2)
const ROWS = Number(rowsArg)
const REPEAT = Number(repeatArg)
const base = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const url = new URL(base)
url.pathname = `/${name}`

// the import's columns (queries-bulk-write.ts), in its order
const COLUMNS = `id, call_id, process_id, author_account_id, import_id, source_file, status, source_line, external_id,
  created_at, updated_at, published_at, speaking_for, member_state_iso3, organization_id, contributor_name,
  stakeholder_group, regional_group, ldc, lldc, sids, language, answered_question_ids, imported_question_id,
  imported_text`

/** Each variant: what is taken away (inside the rolled-back transaction) before the COPY. */
const VARIANTS: Record<string, string> = {
  table: '',
  'no submitted guard (multi-insert)':
    'drop trigger contributions_contribution_submitted_concluded on contributions_contribution',
  'no secondary index': `drop index contributions_contribution_call_id, contributions_contribution_external,
    contributions_contribution_filters, contributions_contribution_one_per_speaker, contributions_contribution_person,
    contributions_contribution_process, contributions_contribution_questions`,
  'no call_id index': 'drop index contributions_contribution_call_id',
  'no external index': 'drop index contributions_contribution_external',
  'no filters index': 'drop index contributions_contribution_filters',
  'no one_per_speaker index': 'drop index contributions_contribution_one_per_speaker',
  'no person index': 'drop index contributions_contribution_person',
  'no process index': 'drop index contributions_contribution_process',
  'no questions index': 'drop index contributions_contribution_questions',
  'no foreign key': `alter table contributions_contribution drop constraint contributions_contribution_author_account_id_fkey,
    drop constraint contributions_contribution_call_process_fkey, drop constraint contributions_contribution_member_state_iso3_fkey,
    drop constraint contributions_contribution_organization_id_fkey`,
  'no author key':
    'alter table contributions_contribution drop constraint contributions_contribution_author_account_id_fkey',
  'no call key': 'alter table contributions_contribution drop constraint contributions_contribution_call_process_fkey',
  'no null keys (state, org)': `alter table contributions_contribution drop constraint contributions_contribution_member_state_iso3_fkey,
    drop constraint contributions_contribution_organization_id_fkey`,
  'no statement triggers': `drop trigger contributions_contribution_added_concluded on contributions_contribution;
    drop trigger contributions_counts_added on contributions_contribution;
    drop trigger contributions_search_imported on contributions_contribution;
    drop trigger contributions_tally_added on contributions_contribution`,
  'no concluded statement trigger':
    'drop trigger contributions_contribution_added_concluded on contributions_contribution',
  'no check constraints': `alter table contributions_contribution drop constraint contributions_contribution_speaker_check,
    drop constraint contributions_contribution_imported_text_check, drop constraint contributions_contribution_hidden_reason,
    drop constraint contributions_contribution_speaking_for_check, drop constraint contributions_contribution_status_check`,
  'plain table (COPY reference)': 'PLAIN',
  // candidate forms of an index (built inside the trial's transaction, not timed)
  'process index ascending': `drop index contributions_contribution_process;
    create index contributions_contribution_process on contributions_contribution (process_id, status, id)`,
  'filters index without deduplication': `alter index contributions_contribution_filters set (deduplicate_items = off)`,
  'filters index with id': `drop index contributions_contribution_filters;
    create index contributions_contribution_filters on contributions_contribution
      (process_id, stakeholder_group, regional_group, language, id)`,
  'filters index collate C': `drop index contributions_contribution_filters;
    create index contributions_contribution_filters on contributions_contribution
      (process_id, stakeholder_group collate "C", regional_group collate "C", language collate "C")`,
  'external index collate C': `drop index contributions_contribution_external;
    create unique index contributions_contribution_external on contributions_contribution (call_id, external_id collate "C")
      where external_id is not null`,
  'questions index without pending list': `alter index contributions_contribution_questions set (fastupdate = off)`,
  'person index hash': `drop index contributions_contribution_person;
    create index contributions_contribution_person on contributions_contribution using hash
      (contributions_person(speaking_for, import_id, author_account_id, contributor_name))
      where speaking_for = 'self' and status = 'published'`,
  'person index collate C': `drop index contributions_contribution_person;
    create index contributions_contribution_person on contributions_contribution
      ((contributions_person(speaking_for, import_id, author_account_id, contributor_name) collate "C"))
      where speaking_for = 'self' and status = 'published'`,
}

const cpuOf = (pid: number) => Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e9
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number

async function main() {
  const client = new pg.Client({ connectionString: url.toString() })
  await client.connect()
  const pid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid as number
  // a trial's batch: the first ROWS rows of the bench's import again, as rows that follow its last
  // (ids after the table's last, as the sequence gives them; external ids and names numbered on as
  // the file numbers them, 'G-5000001', 'Contributor 5000001'), with keys of the trial's own from
  // a run's own base: keys an earlier trial rolled back would cost a unique check a look at the heap
  const base = 1_000_000 + Math.floor(Math.random() * 1000) * 1_000_000
  const last = await client.query<{ m: string }>('select max(id) as m from contributions_contribution')
  const top = base + Number(last.rows[0]?.m)
  await client.query(`create temp table batch_source as select * from contributions_contribution
    where external_id is not null order by source_line limit ${ROWS}`)
  const n = (trial: number) => `(source_line - 1 + ${base + trial * ROWS})`
  const batch = async (trial: number) => {
    const chunks: Buffer[] = []
    const select = COLUMNS.replace('id,', `id + ${top + trial * 2 * ROWS} as id,`)
      .replace('external_id,', `'G-' || ${n(trial)},`)
      .replace('contributor_name,', `'Contributor ' || ${n(trial)},`)
    await pipeline(
      client.query(copyTo(`copy (select ${select} from batch_source) to stdout with (format binary)`)),
      async (source: AsyncIterable<Buffer>) => {
        for await (const c of source) chunks.push(c)
      },
    )
    return Buffer.concat(chunks)
  }
  const names = only.length ? only.filter((v) => v in VARIANTS) : Object.keys(VARIANTS)
  const times = new Map<string, number[]>(names.map((n) => [n, []]))
  // made before the trials, so that the backend does nothing else while they run (perf)
  const batches = []
  for (let trial = 0; trial < REPEAT * names.length; trial++) batches.push(await batch(trial))
  console.error(`backend ${pid}: batches made`)
  let trial = 0
  for (let r = 0; r < REPEAT; r++) {
    for (const variant of names) {
      const data = batches[trial++] as Buffer
      const change = VARIANTS[variant] as string
      await client.query('begin')
      await client.query(
        "select set_config('ecp.search_later', 'on', true), set_config('ecp.counts_later', 'on', true), set_config('work_mem', '32MB', true)",
      )
      let table = 'contributions_contribution'
      if (change === 'PLAIN') {
        await client.query(`create temp table plain_copy on commit drop as
          select ${COLUMNS} from contributions_contribution with no data`)
        table = 'plain_copy'
      } else if (change) await client.query(change)
      const c0 = cpuOf(pid)
      await pipeline(
        Readable.from([data]),
        client.query(copyFrom(`copy ${table} (${COLUMNS}) from stdin with (format binary)`)),
      )
      times.get(variant)?.push(cpuOf(pid) - c0)
      await client.query('rollback')
    }
  }
  const whole = median(times.get('table') ?? [0])
  console.log(
    `${ROWS} rows a batch, median of ${REPEAT}, backend CPU; load ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' / ')}`,
  )
  for (const [variant, xs] of times) {
    const m = median(xs)
    const perMillion = (m * 1e6) / ROWS
    const saved = ((whole - m) * 1e6) / ROWS
    console.log(
      `${variant.padEnd(34)} ${m.toFixed(3)} s  (${perMillion.toFixed(1)} s/M${variant === 'table' ? '' : `, ${saved.toFixed(1)} s/M less`})  [${xs.map((x) => x.toFixed(3)).join(' ')}]`,
    )
  }
  await client.end()
}

await main()
