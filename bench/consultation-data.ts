// The consultation bench's data: a CSV of generated contributions with known campaigns
// (src/modules/consultation's generator), written to a file, and the truth kept beside it; and the
// open call the benches import it into.

import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { sql } from 'kysely'
import { SYSTEM } from '../src/core/auth/actor.ts'
import type { Db } from '../src/core/db/database.ts'
import { generateContributions } from '../src/modules/consultation/index.ts'
import {
  changeProcessState,
  createBody,
  createProcess,
  guidingQuestions,
  listBodies,
  openCall,
} from '../src/modules/processes/index.ts'

const system = () => ({ actor: SYSTEM, now: new Date() })

const HEADER = 'external_id,submitted_at,speaker_kind,speaker_name,organization,country,language,question,text\n'
const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)

/** Writes `total` rows; returns each row's true campaign (-1: none), by row number from 1. */
export async function writeConsultationCsv(file: string, total: number, seed = 11): Promise<Int32Array> {
  const truth = new Int32Array(total + 1).fill(-1)
  const out = createWriteStream(file)
  out.write(HEADER)
  let n = 0
  for (const g of generateContributions({ total, seed })) {
    n++
    truth[n] = g.campaign ?? -1
    const line = `${g.externalId},${g.submittedAt.toISOString()},individual,${cell(g.speakerName)},,,${g.language},1,${cell(g.text)}\n`
    if (!out.write(line)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
  return truth
}

/**
 * The benches' open call: an active process named by `slug` in the database's first body (one is
 * made when there is none, as in a database without the demo), one guiding question, a call in six
 * languages published as contributions arrive, and the administrator who imports into it (0 when
 * the database has none).
 */
export async function benchCall(db: Db, slug: string, options: { title?: string } = {}) {
  let bodyId = (await listBodies(db))[0]?.id
  if (bodyId === undefined) {
    const made = await createBody(db, system(), { slug: 'bench-wg', name: 'Working group' })
    if (!made.ok) throw new Error(JSON.stringify(made.error))
    bodyId = made.value.id
  }
  const p = await createProcess(db, system(), {
    bodyId,
    slug,
    title: 'Open consultation (bench)',
    mandateSymbol: 'A/RES/70/125',
    questions: ['What should enhanced cooperation achieve?'],
  })
  if (!p.ok) throw new Error(JSON.stringify(p.error))
  await changeProcessState(db, system(), p.value.id, { to: 'active' })
  const questionId = (await guidingQuestions(db, p.value.id))[0]?.id as number
  const call = await openCall(db, system(), p.value.id, {
    title: options.title ?? 'Open call (bench)',
    opensAt: new Date(Date.UTC(2026, 9, 1)),
    closesAt: new Date(Date.UTC(2027, 1, 1)),
    eligibility: 'everyone',
    languages: ['ar', 'zh', 'en', 'fr', 'ru', 'es'],
    moderation: 'immediate',
    questionIds: [questionId],
  })
  if (!call.ok) throw new Error(JSON.stringify(call.error))
  const admin = await sql<{
    id: number
  }>`select account_id::int as id from auth_role_grant where role = 'administrator' order by id limit 1`.execute(db)
  return { processId: p.value.id, callId: call.value.id, questionId, accountId: admin.rows[0]?.id ?? 0 }
}
