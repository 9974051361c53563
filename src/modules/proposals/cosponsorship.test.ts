// Co-sponsorship needs consent, on each database: a State listed by another is only asked; it is
// shown as co-sponsor once its own delegate accepts; it may decline or withdraw; only the original
// proponent withdraws the proposal; unknown codes are refused; the database refuses a co-sponsor
// written without consent.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Negotiators, negotiators } from '../../../test/support/negotiators.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { submitProposal, withdrawProposal } from './commands.ts'
import { answerCosponsorship } from './commands-cosponsors.ts'
import { findProposal } from './queries.ts'

describe.each(DATABASE_KINDS)('co-sponsorship with consent on %s', (kind) => {
  let runtime: TestRuntime
  let f: Negotiators
  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    f = await negotiators(runtime)
  })
  afterAll(() => runtime.close())
  const db = () => runtime.deps.db

  async function proposeWith(memberStates: string[]) {
    const made = await submitProposal(db(), f.at('fra'), {
      processId: f.processId,
      title: 'Focal points',
      text: 'Invites Member States to establish national focal points.',
      memberStates,
      organizations: [],
    })
    if (!made.ok) throw new Error(JSON.stringify(made.error))
    return made.value.id
  }

  it('only asks a State listed by another, and shows it once its own delegate accepts', async () => {
    const id = await proposeWith(['FRA', 'ZAF'])
    let proposal = await findProposal(db(), id)
    expect(proposal?.memberStates).toEqual(['FRA'])
    expect(proposal?.cosponsorships).toMatchObject([{ memberStateIso3: 'ZAF', status: 'requested' }])
    // France cannot accept for South Africa
    expect(await answerCosponsorship(db(), f.at('fra'), id, { memberStateIso3: 'ZAF' }, 'accept')).toMatchObject({
      ok: false,
      error: { type: 'forbidden' },
    })
    expect(await answerCosponsorship(db(), f.at('zaf'), id, { memberStateIso3: 'ZAF' }, 'accept')).toEqual({
      ok: true,
      value: { status: 'accepted' },
    })
    proposal = await findProposal(db(), id)
    expect(proposal?.memberStates.sort()).toEqual(['FRA', 'ZAF'])
    expect(proposal?.proponentStates).toEqual(['FRA'])
    // a co-sponsor does not withdraw the proposal; it withdraws its co-sponsorship
    expect(await withdrawProposal(db(), f.at('zaf'), id)).toMatchObject({ ok: false, error: { type: 'forbidden' } })
    expect((await answerCosponsorship(db(), f.at('zaf'), id, { memberStateIso3: 'ZAF' }, 'withdraw')).ok).toBe(true)
    proposal = await findProposal(db(), id)
    expect(proposal?.memberStates).toEqual(['FRA'])
    expect(proposal?.cosponsorships).toMatchObject([{ memberStateIso3: 'ZAF', status: 'withdrawn' }])
    // the original proponent withdraws it
    expect((await withdrawProposal(db(), f.at('fra'), id)).ok).toBe(true)
  })

  it('lets the State asked decline, and then nothing more', async () => {
    const id = await proposeWith(['FRA', 'USA'])
    expect((await answerCosponsorship(db(), f.at('usa'), id, { memberStateIso3: 'USA' }, 'decline')).ok).toBe(true)
    expect(await answerCosponsorship(db(), f.at('usa'), id, { memberStateIso3: 'USA' }, 'accept')).toMatchObject({
      ok: false,
      error: { type: 'conflict', id: 'cosponsorship_declined' },
    })
    expect((await findProposal(db(), id))?.memberStates).toEqual(['FRA'])
    expect(await answerCosponsorship(db(), f.at('bra1'), id, { memberStateIso3: 'BRA' }, 'accept')).toMatchObject({
      ok: false,
      error: { type: 'not_found', id: 'cosponsorship_not_found' },
    })
  })

  it('refuses unknown codes', async () => {
    const made = await submitProposal(db(), f.at('fra'), {
      processId: f.processId,
      title: 'T',
      text: 'Text.',
      memberStates: ['FRA', 'ZZZ'],
      organizations: [987654],
    })
    expect(made).toMatchObject({
      ok: false,
      error: {
        type: 'invalid',
        issues: [
          { path: 'memberStates.1', code: 'negotiation.unknownCosponsor' },
          { path: 'organizations.0', code: 'negotiation.unknownCosponsor' },
        ],
      },
    })
  })

  it('refuses, in the database, a co-sponsor listed without its consent', async () => {
    const id = await proposeWith(['FRA', 'ZAF'])
    await expect(
      sql`insert into proposals_proposal_proponent (proposal_id, member_state_iso3, role)
        values (${id}, 'ZAF', 'cosponsor')`.execute(db()),
    ).rejects.toThrow(/accepted/)
  })

  it('answers through the proposal page’s forms, for the reader’s own State only', async () => {
    const id = await proposeWith(['FRA', 'ZAF'])
    const page = `/proposals/${id}`
    const html = (await f.clients.zaf.get(page)).html
    expect(html).toContain('value="member_state:ZAF"')
    expect((await f.clients.fra.get(page)).html).not.toContain('value="member_state:ZAF"')
    const posing = await f.clients.fra.submit(
      `${page}/cosponsorship`,
      { party: 'member_state:ZAF', answer: 'accept' },
      page,
    )
    expect(posing.response.status).toBe(403)
    const accepted = await f.clients.zaf.submit(
      `${page}/cosponsorship`,
      { party: 'member_state:ZAF', answer: 'accept' },
      page,
    )
    expect(accepted.response.status).toBe(303)
    expect((await findProposal(db(), id))?.memberStates.sort()).toEqual(['FRA', 'ZAF'])
    const bad = await f.clients.zaf.submit(`${page}/cosponsorship`, { party: 'ZAF', answer: 'maybe' }, page)
    expect(bad.response.status).toBe(400)
  })
})
