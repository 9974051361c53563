// The proposals' tables changing hands (migrations 20261214-0300 and -0310): a database holding
// proposals under the negotiation's table names, migrated on, keeps every row under the proposals'
// names, keeps counting ids where it was, and its guards (consent of co-sponsors, a concluded
// process read-only) still refuse. On each database: migrated up to just before the handover,
// proposals written as that schema had them, then the rest of the migrations run.
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { databaseBefore } from '../../../test/support/migrated-before.ts'
import { DATABASE_KINDS } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { changeProcessState, createBody, createProcess } from '../processes/index.ts'
import { findProposal } from './index.ts'

const HANDOVER = '20261214-0300-negotiation-release-proposal-tables'
const system = () => ({ actor: SYSTEM, now: new Date() })
function must<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}

describe.each(DATABASE_KINDS)('the proposals taking their tables on %s', (kind) => {
  const cleanups: (() => Promise<void>)[] = []
  afterAll(async () => {
    for (const c of cleanups) await c()
  })

  it('keeps every proposal with its versions, proponents, sources and co-sponsorships, and its guards', {
    timeout: 180_000,
  }, async () => {
    const { db, migrateRest } = await databaseBefore(kind, HANDOVER, cleanups)
    const body = must(await createBody(db, system(), { slug: 'handover-wg', name: 'Working group' }))
    const process = must(
      await createProcess(db, system(), {
        bodyId: body.id,
        slug: 'handover',
        title: 'Negotiation',
        mandateSymbol: 'A/RES/70/125',
        questions: ['What should enhanced cooperation achieve?'],
      }),
    )
    await changeProcessState(db, system(), process.id, { to: 'active' })
    // the schema of the day: the proposals' rows under the negotiation's names
    const made = await sql<{ id: number }>`insert into negotiation_proposal (process_id, title, version_count,
      author_account_id, language) values (${process.id}, 'Open data by default', 2, 1, 'fr') returning id::int`.execute(
      db,
    )
    const id = made.rows[0]?.id as number
    await sql`insert into negotiation_proposal_version (proposal_id, number, text, created_by)
      values (${id}, 1, 'First wording', 1), (${id}, 2, 'Second wording', 1)`.execute(db)
    await sql`insert into negotiation_proposal_source (proposal_id, contribution_id) values (${id}, 41)`.execute(db)
    await sql`insert into negotiation_cosponsorship (proposal_id, member_state_iso3, status, requested_by, requested_at)
      values (${id}, 'ZAF', 'accepted', 1, now()), (${id}, 'BRA', 'requested', 1, now())`.execute(db)
    await sql`insert into negotiation_proposal_proponent (proposal_id, member_state_iso3, role)
      values (${id}, 'FRA', 'proponent'), (${id}, 'ZAF', 'cosponsor')`.execute(db)

    await migrateRest()

    const proposal = await findProposal(db, id)
    expect(proposal).toMatchObject({
      title: 'Open data by default',
      language: 'fr',
      versionCount: 2,
      memberStates: ['FRA', 'ZAF'],
      proponentStates: ['FRA'],
      contributions: [41],
    })
    expect(proposal?.versions.map((v) => v.text)).toEqual(['First wording', 'Second wording'])
    expect(proposal?.cosponsorships.map((c) => [c.memberStateIso3, c.status])).toEqual([
      ['ZAF', 'accepted'],
      ['BRA', 'requested'],
    ])
    // ids go on from where the renamed identity left them
    const next = await sql<{ id: number }>`insert into proposals_proposal (process_id, title, author_account_id)
      values (${process.id}, 'Another', 1) returning id::int`.execute(db)
    expect(next.rows[0]?.id).toBeGreaterThan(id)
    // the guards came back under the proposals' names: consent first, then a concluded process
    await expect(
      sql`insert into proposals_proposal_proponent (proposal_id, member_state_iso3, role)
        values (${id}, 'BRA', 'cosponsor')`.execute(db),
    ).rejects.toThrow(/accepted/)
    must(await changeProcessState(db, system(), process.id, { to: 'concluded' }))
    await expect(
      sql`update proposals_proposal_version set text = 'Changed' where proposal_id = ${id}`.execute(db),
    ).rejects.toThrow(/concluded.*proposals_proposal_version/)
    await expect(sql`update proposals_proposal set title = 'Changed' where id = ${id}`.execute(db)).rejects.toThrow(
      /concluded.*proposals_proposal/,
    )
    const left = await sql<{ name: string }>`select proname as name from pg_proc
      where prosrc ~ 'negotiation_(proposal|cosponsorship)'`.execute(db)
    expect(left.rows).toEqual([])
  })
})
