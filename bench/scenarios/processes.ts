// The processes' figures at production-like sizes: 100,000 contributions to the WGEC's call (the
// process page, the filtered list and the API over them) and 10,000 to the standing item's call
// (its compilation, as HTML and as a Word file). Rows go in through SQL in bulk: the scenario
// measures reading, not the submission form.
import { sql } from 'kysely'
import { SYSTEM } from '../../src/core/auth/actor.ts'
import type { Db } from '../../src/core/db/database.ts'
import { compilationDocx, compilationOf } from '../../src/modules/contributions/index.ts'
import { callsOf, changeProcessState, guidingQuestions, listProcesses } from '../../src/modules/processes/index.ts'
import { fmt } from '../measure.ts'
import type { Scenario } from '../scenario.ts'

const GROUPS = [
  'government',
  'private_sector',
  'civil_society',
  'technical_community',
  'academic_community',
  'intergovernmental_organization',
  'individual',
]
const REGIONS = ['african', 'asia-pacific', 'eastern-european', 'grulac', 'weog']
const LANGUAGES = ['en', 'fr', 'es', 'ar', 'zh', 'ru']
const ANSWER =
  'Enhanced cooperation should enable governments, on an equal footing, to carry out their roles and responsibilities in international public policy issues pertaining to the Internet, in consultation with all stakeholders. '

export async function processBySlug(db: Db, match: (slug: string) => boolean) {
  const process = (await listProcesses(db)).find((p) => match(p.slug))
  if (!process) throw new Error('the demo process is missing')
  const [call] = await callsOf(db, process.id)
  const questions = (await guidingQuestions(db, process.id)).map((q) => q.id)
  if (!call) throw new Error('the demo call is missing')
  return { processId: process.id, callId: call.id, questions }
}

/** `count` published contributions to a call, each by its own account, answering every question. */
export async function addContributions(
  db: Db,
  target: { processId: number; callId: number; questions: number[] },
  count: number,
  tag: string,
) {
  const arr = (values: string[]) => sql.raw(`array[${values.map((v) => `'${v}'`).join(',')}]`)
  await sql`insert into auth_account (email, display_name, password_hash)
    select ${`${tag}-`} || g || '@bench.example', ${'Bench contributor '} || g, 'not-a-hash'
    from generate_series(1, ${count}) g`.execute(db)
  await sql`insert into contributions_contribution (call_id, process_id, speaking_for, author_account_id,
      contributor_name, stakeholder_group, regional_group, ldc, lldc, sids, language, status,
      answered_question_ids, created_at, updated_at, published_at)
    select ${target.callId}, ${target.processId}, 'self', a.id, a.display_name,
      (${arr(GROUPS)})[1 + a.id % ${GROUPS.length}], (${arr(REGIONS)})[1 + a.id % ${REGIONS.length}],
      a.id % 7 = 0, a.id % 11 = 0, a.id % 13 = 0, (${arr(LANGUAGES)})[1 + a.id % ${LANGUAGES.length}],
      'published', ${sql.raw(`array[${target.questions.join(',')}]::integer[]`)},
      now() - (a.id % 50000) * interval '1 minute', now(), now()
    from auth_account a where a.email like ${`${tag}-%@bench.example`}`.execute(db)
  await sql`insert into contributions_revision (contribution_id, number, language, created_by, created_at)
    select id, 1, language, author_account_id, created_at from contributions_contribution
    where process_id = ${target.processId} and contributor_name like 'Bench contributor %'`.execute(db)
  for (const question of target.questions) {
    await sql`insert into contributions_answer (revision_id, question_id, body)
      select r.id, ${question}, ${ANSWER} || r.id
      from contributions_revision r join contributions_contribution k on k.id = r.contribution_id
      where k.process_id = ${target.processId} and k.contributor_name like 'Bench contributor %'`.execute(db)
  }
  await sql`analyze`.execute(db)
}

export const processes: Scenario = {
  name: 'processes',
  async run(ctx) {
    const db = ctx.runtime.deps.db
    const wgec = await processBySlug(db, (s) => s === 'wgec-2016-2018')
    const standing = await processBySlug(db, (s) => s.startsWith('cstd-enhanced-cooperation-'))
    const started = performance.now()
    // the WGEC is concluded (read-only): reopened for the load, concluded again to be read as an archive
    const system = { actor: SYSTEM, now: new Date() }
    const reopened = await changeProcessState(db, system, wgec.processId, { to: 'active', reason: 'bench: bulk load' })
    if (!reopened.ok) throw new Error(`reopening the WGEC: ${JSON.stringify(reopened.error)}`)
    await addContributions(db, wgec, 100_000, 'wgec')
    const concluded = await changeProcessState(db, system, wgec.processId, { to: 'concluded' })
    if (!concluded.ok) throw new Error(`concluding the WGEC: ${JSON.stringify(concluded.error)}`)
    await addContributions(db, standing, 10_000, 'standing')
    ctx.print(`\nProcesses: 110,000 contributions added in ${fmt((performance.now() - started) / 1000, 1)} s`)

    ctx.print('\nServer time with 100,000 contributions in one process, in-process (ms):\n')
    ctx.print('| path | database | p50 | p99 |')
    ctx.print('|---|---|---|---|')
    const id = wgec.processId
    for (const path of [
      `/processes/${id}`,
      `/processes/${id}/contributions`,
      `/processes/${id}/contributions?language=fr&stakeholderGroup=civil_society`,
      `/processes/${id}/contributions?question=${wgec.questions[1]}&regionalGroup=grulac&page=20`,
      `/api/v1/processes/${id}/contributions`,
      `/api/v1/processes/${id}/contributions?language=ar`,
    ]) {
      const t = await ctx.serverTime(path, 30)
      ctx.print(`| ${path} | ${ctx.kind} | ${fmt(t.p50, 2)} | ${fmt(t.p99, 2)} |`)
    }

    ctx.print('\nCompilation of 10,000 contributions (ms):\n')
    ctx.print('| what | database | p50 | p99 |')
    ctx.print('|---|---|---|---|')
    const html = await ctx.serverTime(`/processes/${standing.processId}/compilation`, 3)
    ctx.print(`| compilation page (HTML) | ${ctx.kind} | ${fmt(html.p50, 0)} | ${fmt(html.p99, 0)} |`)
    const i18n = ctx.runtime.deps.messages.translator('en')
    const docx = await ctx.timeWork(async () => {
      const compiled = await compilationOf(db, standing.processId)
      if (compiled) await compilationDocx(compiled.compilation, i18n)
    }, 3)
    ctx.print(`| compilation .docx (ecp compile) | ${ctx.kind} | ${fmt(docx.p50, 0)} | ${fmt(docx.p99, 0)} |`)
  },
}
