// Negotiating to consensus on each database: one voice per Member State, the Chair's declarations
// against standing objections, amendments (stale ones refused), revisions and their comparison,
// silence procedures ended by a job, proposals' lineage, the report in Akoma Ntoso validated
// against the official schema, and every step in a hash chain that verifies.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { verifyAuditLog } from '../../core/audit/audit.ts'
import { type Actor, SYSTEM } from '../../core/auth/actor.ts'
import { activeGrants } from '../../core/auth/grants.ts'
import { runDueJobs } from '../../core/jobs/queue.ts'
import type { Result } from '../../core/result.ts'
import { jobRegistry } from '../../runtime.ts'
import { createBody, createProcess } from '../processes/index.ts'
import { answerCosponsorship, findProposal, mergeProposals, submitProposal } from '../proposals/index.ts'
import { decideAmendment, tableAmendment } from './commands-amendments.ts'
import { declare } from './commands-consensus.ts'
import { createDocument, issueRevision } from './commands-documents.ts'
import { takePosition } from './commands-positions.ts'
import { breakSilence, circulateUnderSilence } from './commands-silence.ts'
import { findParagraph, findSilence, paragraphsOf } from './queries.ts'
import { parseUnText } from './rules/parse.ts'

const SCHEMA = join(import.meta.dirname, '..', '..', '..', 'reference', 'akn', 'akomantoso30.xsd')

const DRAFT = `Draft recommendations

Recalling paragraphs 69 to 71 of the Tunis Agenda,

1. Recommends that all relevant organizations report annually to the Commission;

2. Invites Member States to [consider] establishing national focal points;

3. Decides to review progress at its next session.
`

/** The file validates against the official Akoma Ntoso 3.0 schema (xmllint, Debian libxml2-utils). */
function expectValidAkn(xml: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'ecp-akn-')), 'report.xml')
  writeFileSync(file, xml)
  const lint = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8' })
  expect(lint.error, 'xmllint (Debian libxml2-utils) must be installed').toBeUndefined()
  expect(lint.stderr).toContain('validates')
  expect(lint.status).toBe(0)
}

describe.each(DATABASE_KINDS)('negotiation on %s', (kind) => {
  let runtime: TestRuntime
  let processId: number
  let bodyId: number
  let chair: Awaited<ReturnType<typeof accountWithRole>>
  const actors: Record<string, Actor> = {}
  const clients: Record<string, TestClient> = {}

  async function actorOf(accountId: number): Promise<Actor> {
    return {
      kind: 'account',
      accountId,
      displayName: 'x',
      email: 'x',
      grants: await activeGrants(runtime.deps.db, accountId),
      via: 'session',
    }
  }
  const at = (actor: Actor, now = new Date()) => ({ actor, now })

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    const ctx = at(SYSTEM)
    const body = await createBody(runtime.deps.db, ctx, { slug: 'wg', name: 'A Working Group', acronym: 'WG' })
    if (!body.ok) throw new Error(JSON.stringify(body.error))
    bodyId = body.value.id
    const process = await createProcess(runtime.deps.db, ctx, {
      bodyId,
      slug: 'wg-draft',
      title: 'Drafting',
      mandateSymbol: 'E/RES/2026/1',
    })
    if (!process.ok) throw new Error(JSON.stringify(process.error))
    processId = process.value.id
    chair = await accountWithRole(runtime, 'chair', { type: 'body', id: String(bodyId) }, 'The Chair')
    actors.chair = await actorOf(chair.accountId)
    clients.chair = chair.client
    for (const [name, iso3] of [
      ['bra1', 'BRA'],
      ['bra2', 'BRA'],
      ['zaf', 'ZAF'],
      ['fra', 'FRA'],
    ] as const) {
      const a = await accountWithRole(runtime, 'government_delegate', { type: 'member_state', id: iso3 }, name)
      actors[name] = await actorOf(a.accountId)
      clients[name] = a.client
    }
    const secretariat = await accountWithRole(runtime, 'secretariat')
    actors.secretariat = await actorOf(secretariat.accountId)
  })
  afterAll(() => runtime.close())

  async function newDocument(text = DRAFT) {
    const created = await createDocument(runtime.deps.db, at(actors.chair as Actor), {
      processId,
      title: 'Draft',
      imported: parseUnText(text),
    })
    if (!created.ok) throw new Error(JSON.stringify(created.error))
    const paragraphs = await paragraphsOf(runtime.deps.db, created.value.id)
    const byLabel = (l: string) =>
      paragraphs.find((p) => p.label?.replace(/\.$/, '') === l) as (typeof paragraphs)[number]
    return { id: created.value.id, paragraphs, byLabel }
  }

  /** What a report needs, made by the test that reads it: three proposals taken into a document,
   * and one of its paragraphs declared without consensus over France's objection. */
  async function proposalsWithDivergence() {
    const db = runtime.deps.db
    const ids: number[] = []
    for (const [who, iso3, title] of [
      ['bra1', 'BRA', 'Focal points'],
      ['fra', 'FRA', 'Reporting'],
      ['zaf', 'ZAF', 'Review'],
    ] as const) {
      const submitted = await submitProposal(db, at(actors[who] as Actor), {
        processId,
        title,
        text: `${title}: the Commission acts on it.`,
        memberStates: [iso3],
        organizations: [],
      })
      if (!submitted.ok) throw new Error(JSON.stringify(submitted.error))
      ids.push(submitted.value.id)
    }
    const document = await createDocument(db, at(actors.chair as Actor), {
      processId,
      title: 'From three proposals',
      proposalIds: ids,
    })
    if (!document.ok) throw new Error(JSON.stringify(document.error))
    const [first] = await paragraphsOf(db, document.value.id)
    const objected = await takePosition(db, at(actors.fra as Actor), {
      subjectType: 'paragraph',
      subjectId: first?.id as number,
      memberStateIso3: 'FRA',
      position: 'objection',
    })
    const declared = await declare(db, at(actors.chair as Actor), first?.id as number, 'no_consensus')
    if (!objected.ok || !declared.ok) throw new Error('no consensus')
  }

  /** One of each step the audit chain must hold, made by the test that checks the chain. */
  async function oneOfEachStep() {
    const db = runtime.deps.db
    const chair = at(actors.chair as Actor)
    const doc = await newDocument()
    const amendment = await tableAmendment(db, at(actors.fra as Actor), doc.id, {
      paragraphId: doc.byLabel('1').id,
      operation: 'replace_text',
      quotedOld: 'annually',
      newText: 'every year',
      speaker: { memberStateIso3: 'FRA' },
    })
    if (!amendment.ok) throw new Error(JSON.stringify(amendment.error))
    const steps: Result<unknown>[] = [
      await decideAmendment(db, chair, amendment.value.id, 'incorporated'),
      await takePosition(db, at(actors.zaf as Actor), {
        subjectType: 'paragraph',
        subjectId: doc.byLabel('3').id,
        memberStateIso3: 'ZAF',
        position: 'support',
      }),
      await declare(db, chair, doc.byLabel('3').id, 'adopted'),
      await issueRevision(db, chair, doc.id, 'Rev.1'),
    ]
    const silence = await circulateUnderSilence(db, chair, doc.id, {
      paragraphIds: [doc.byLabel('1').id],
      deadline: new Date(Date.now() + 4 * 86_400_000),
    })
    if (!silence.ok) throw new Error(JSON.stringify(silence.error))
    steps.push(await breakSilence(db, at(actors.zaf as Actor), silence.value.id, 'ZAF', 'Not yet'))
    const proposals = []
    for (const [who, iso3] of [
      ['bra1', 'BRA'],
      ['fra', 'FRA'],
    ] as const) {
      const submitted = await submitProposal(db, at(actors[who] as Actor), {
        processId,
        title: `By ${iso3}`,
        text: `Text of ${iso3}`,
        memberStates: [iso3],
        organizations: [],
      })
      if (!submitted.ok) throw new Error(JSON.stringify(submitted.error))
      proposals.push(submitted.value.id)
    }
    steps.push(await mergeProposals(db, chair, { ids: proposals, title: 'Both', text: 'Both texts' }))
    const refused = steps.find((step) => !step.ok)
    if (refused) throw new Error(JSON.stringify(refused))
  }

  it('imports the text word for word, brackets included, and issues the zero draft', async () => {
    const doc = await newDocument()
    expect(doc.byLabel('1').kind).toBe('operative')
    expect(doc.byLabel('2').status).toBe('bracketed')
    expect(doc.paragraphs.find((p) => p.kind === 'preambular')?.text).toContain('Recalling paragraphs 69 to 71')
    const page = (await new TestClient(runtime).get(`/negotiation/${doc.id}/revisions`)).html
    expect(page).toContain('Zero draft')
    // named in the reader's language; "Rev.N" is the same in all six
    const french = (await new TestClient(runtime).get(`/negotiation/${doc.id}/revisions?lang=fr`)).html
    expect(french).toContain('Avant-projet')
  })

  it('a State’s second delegate replaces its position: one voice per State', async () => {
    const doc = await newDocument()
    const p = doc.byLabel('1')
    const bra1 = await TestClientFor('bra1')
    const bra2 = await TestClientFor('bra2')
    const pagePath = `/negotiation/${doc.id}`
    const first = await bra1.submit(
      `/paragraphs/${p.id}/position`,
      { memberStateIso3: 'BRA', position: 'objection' },
      pagePath,
    )
    expect(first.response.status).toBe(303)
    await bra2.submit(`/paragraphs/${p.id}/position`, { memberStateIso3: 'BRA', position: 'support' }, pagePath)
    const api = await new TestClient(runtime).json(`/api/v1/negotiation/${doc.id}`)
    const standing = api.body.data.paragraphs.find((x: { id: number }) => x.id === p.id).standing
    expect(standing.counts).toMatchObject({ support: 1, objection: 0 })
    expect(standing.readiness).toBe('ready')
    const positions = await new TestClient(runtime).json(`/api/v1/paragraphs/${p.id}/positions`)
    expect(positions.body.data).toHaveLength(1)
    expect(positions.body.data[0]).toMatchObject({ memberState: 'BRA', position: 'support' })
    // a delegate cannot speak for another State
    const posing = await bra1.submit(
      `/paragraphs/${p.id}/position`,
      { memberStateIso3: 'FRA', position: 'objection' },
      pagePath,
    )
    expect(posing.response.status).toBe(403)
  })

  /** the signed-in browser of one of the accounts made in beforeAll */
  const TestClientFor = async (name: string) => clients[name] as TestClient

  it('lets only the Chair declare, and not over a standing objection', async () => {
    const doc = await newDocument()
    const p = doc.byLabel('3')
    const db = runtime.deps.db
    await takePosition(db, at(actors.fra as Actor), {
      subjectType: 'paragraph',
      subjectId: p.id,
      memberStateIso3: 'FRA',
      position: 'objection',
    })
    await takePosition(db, at(actors.zaf as Actor), {
      subjectType: 'paragraph',
      subjectId: p.id,
      memberStateIso3: 'ZAF',
      position: 'support',
    })
    const blocked = await declare(db, at(actors.chair as Actor), p.id, 'adopted')
    expect(blocked.ok).toBe(false)
    if (!blocked.ok) expect(blocked.error).toMatchObject({ type: 'conflict', id: 'standing_objection' })
    const bySecretariat = await declare(db, at(actors.secretariat as Actor), p.id, 'no_consensus')
    expect(bySecretariat.ok).toBe(false)
    // France lifts its objection; a reservation stays on the record without blocking
    await takePosition(db, at(actors.fra as Actor), {
      subjectType: 'paragraph',
      subjectId: p.id,
      memberStateIso3: 'FRA',
      position: 'reservation',
    })
    expect((await declare(db, at(actors.chair as Actor), p.id, 'adopted')).ok).toBe(true)
    expect((await findParagraph(db, p.id))?.status).toBe('adopted')
    const changed = await takePosition(db, at(actors.fra as Actor), {
      subjectType: 'paragraph',
      subjectId: p.id,
      memberStateIso3: 'FRA',
      position: 'objection',
    })
    expect(changed.ok).toBe(false)
  })

  it('refuses a stale amendment, and incorporating one changes the text while the record keeps both', async () => {
    const doc = await newDocument()
    const db = runtime.deps.db
    const p = doc.byLabel('1')
    const stale = await tableAmendment(db, at(actors.fra as Actor), doc.id, {
      paragraphId: p.id,
      operation: 'replace_text',
      quotedOld: 'biennially',
      newText: 'every year',
      speaker: { memberStateIso3: 'FRA' },
    })
    expect(stale.ok).toBe(false)
    const notMine = await tableAmendment(db, at(actors.fra as Actor), doc.id, {
      paragraphId: p.id,
      operation: 'delete_paragraph',
      speaker: { memberStateIso3: 'BRA' },
    })
    expect(notMine.ok).toBe(false)
    const amendment = await tableAmendment(db, at(actors.fra as Actor), doc.id, {
      paragraphId: p.id,
      operation: 'replace_text',
      quotedOld: 'annually',
      newText: '[every two years]',
      speaker: { memberStateIso3: 'FRA' },
    })
    if (!amendment.ok) throw new Error(JSON.stringify(amendment.error))
    const chairClient = await TestClientFor('chair')
    const decided = await chairClient.submit(
      `/amendments/${amendment.value.id}/decide`,
      { decision: 'incorporated' },
      `/negotiation/${doc.id}`,
    )
    expect(decided.response.status).toBe(303)
    const after = await findParagraph(db, p.id)
    expect(after?.text).toBe('Recommends that all relevant organizations report [every two years] to the Commission;')
    expect(after?.status).toBe('bracketed')
    const insert = await tableAmendment(db, at(actors.zaf as Actor), doc.id, {
      paragraphId: p.id,
      operation: 'insert_paragraph',
      newText: 'Encourages regional organizations to do the same;',
      speaker: { memberStateIso3: 'ZAF' },
    })
    if (!insert.ok) throw new Error(JSON.stringify(insert.error))
    await chairClient.submit(
      `/amendments/${insert.value.id}/decide`,
      { decision: 'incorporated' },
      `/negotiation/${doc.id}`,
    )
    const labels = (await paragraphsOf(db, doc.id)).map((x) => x.label?.replace(/\.$/, ''))
    expect(labels.indexOf('1 bis')).toBe(labels.indexOf('1') + 1)
    // an alternative wording stands beside the paragraph as Alt. 2, under the same number
    const alternative = await tableAmendment(db, at(actors.zaf as Actor), doc.id, {
      paragraphId: doc.byLabel('3').id,
      operation: 'propose_alternative',
      newText: 'Decides to review progress every two years.',
      speaker: { memberStateIso3: 'ZAF' },
    })
    if (!alternative.ok) throw new Error(JSON.stringify(alternative.error))
    await chairClient.submit(
      `/amendments/${alternative.value.id}/decide`,
      { decision: 'incorporated' },
      `/negotiation/${doc.id}`,
    )
    const alts = (await paragraphsOf(db, doc.id)).filter((x) => x.alternativeGroup)
    expect(alts.map((x) => [x.label?.replace(/\.$/, ''), x.alternativeLabel])).toEqual([
      ['3', 'Alt. 1'],
      ['3', 'Alt. 2'],
    ])
    expect((await new TestClient(runtime).get(`/negotiation/${doc.id}`)).html).toContain('Alt. 2')
  })

  it('keeps revisions immutable and compares them with insertions and deletions, in HTML and Word', async () => {
    const doc = await newDocument()
    const db = runtime.deps.db
    const p = doc.byLabel('2')
    const amendment = await tableAmendment(db, at(actors.bra1 as Actor), doc.id, {
      paragraphId: p.id,
      operation: 'replace_text',
      quotedOld: 'national focal points',
      newText: 'national and regional focal points',
      speaker: { memberStateIso3: 'BRA' },
    })
    if (!amendment.ok) throw new Error('amendment')
    const { decideAmendment } = await import('./commands-amendments.ts')
    await decideAmendment(db, at(actors.chair as Actor), amendment.value.id, 'incorporated')
    const issued = await issueRevision(db, at(actors.chair as Actor), doc.id, 'First reading')
    expect(issued.ok && issued.value.number).toBe(1)
    const anonymous = new TestClient(runtime)
    const html = (await anonymous.get(`/negotiation/${doc.id}/compare?from=0&to=1`)).html
    expect(html).toContain('<ins>')
    expect(html).toMatch(/<ins>[^<]*and regional/)
    expect(html).toContain('<span class="bracket">[consider]</span>')
    const rev0 = (await anonymous.get(`/negotiation/${doc.id}/revisions/0`)).html
    expect(rev0).toContain('national focal points')
    expect(rev0).not.toContain('regional focal points')
    const docx = await anonymous.request(`/negotiation/${doc.id}/compare.docx?from=0&to=1`)
    const xml = strFromU8(unzipSync(new Uint8Array(await docx.arrayBuffer()))['word/document.xml'] as Uint8Array)
    // the Word comparison carries the insertion as a tracked change by the delegation that proposed it
    expect(xml).toMatch(/<w:ins [^>]*w:author="Brazil"[^>]*>(?:(?!<\/w:ins>).)*and regional/)
    expect(xml).not.toContain('<w:u ')
  })

  it('adopts text under silence when the deadline passes, by a job; one objection breaks it', async () => {
    const doc = await newDocument()
    const db = runtime.deps.db
    const ctx = { db, deps: runtime.deps, log: runtime.deps.log }
    const registry = jobRegistry(runtime.deps.modules)
    const fourDaysAgo = new Date(Date.now() - 4 * 86_400_000)
    const tooShort = await circulateUnderSilence(db, at(actors.chair as Actor), doc.id, {
      paragraphIds: [doc.byLabel('1').id],
      deadline: new Date(Date.now() + 3_600_000),
    })
    expect(tooShort.ok).toBe(false)
    const quiet = await circulateUnderSilence(db, at(actors.chair as Actor, fourDaysAgo), doc.id, {
      paragraphIds: [doc.byLabel('1').id],
      deadline: new Date(Date.now() - 60_000),
    })
    const broken = await circulateUnderSilence(db, at(actors.chair as Actor), doc.id, {
      paragraphIds: [doc.byLabel('3').id],
      deadline: new Date(Date.now() + 4 * 86_400_000),
    })
    if (!quiet.ok || !broken.ok) throw new Error('silence')
    const zaf = await TestClientFor('zaf')
    const objection = await zaf.submit(
      `/silences/${broken.value.id}/break`,
      { memberStateIso3: 'ZAF', note: 'Needs more time' },
      `/negotiation/${doc.id}`,
    )
    expect(objection.response.status).toBe(303)
    // the objection itself ends that procedure, broken by South Africa, before any deadline: a
    // silence nobody objected to would still be pending here, its deadline four days away
    expect(await findSilence(db, broken.value.id)).toMatchObject({ status: 'broken', brokenBy: 'ZAF' })
    await runDueJobs(registry, ctx)
    expect(await findSilence(db, quiet.value.id)).toMatchObject({ status: 'adopted' })
    expect((await findParagraph(db, doc.byLabel('1').id))?.status).toBe('adopted')
    expect((await findParagraph(db, doc.byLabel('3').id))?.status).toBe('proposed')
    const page = (await new TestClient(runtime).get(`/negotiation/${doc.id}`)).html
    expect(page).toContain('the silence procedure having ended without objection')
  })

  it('merges proposals keeping the lineage both ways, and a proposal’s fate follows its paragraph', async () => {
    const db = runtime.deps.db
    const a = await submitProposal(db, at(actors.bra1 as Actor), {
      processId,
      title: 'A',
      text: 'Text A',
      memberStates: ['BRA', 'ZAF'],
      organizations: [],
    })
    const b = await submitProposal(db, at(actors.fra as Actor), {
      processId,
      title: 'B',
      text: 'Text B',
      memberStates: ['FRA'],
      organizations: [],
    })
    const posing = await submitProposal(db, at(actors.fra as Actor), {
      processId,
      title: 'C',
      text: 'C',
      memberStates: ['BRA'],
      organizations: [],
    })
    expect(posing.ok).toBe(false)
    if (!a.ok || !b.ok) throw new Error('proposals')
    // South Africa is asked to co-sponsor A, and accepts
    const accepted = await answerCosponsorship(
      db,
      at(actors.zaf as Actor),
      a.value.id,
      { memberStateIso3: 'ZAF' },
      'accept',
    )
    expect(accepted.ok).toBe(true)
    const merged = await mergeProposals(db, at(actors.chair as Actor), {
      ids: [a.value.id, b.value.id],
      title: 'A+B',
      text: 'Text A and B',
    })
    if (!merged.ok) throw new Error(JSON.stringify(merged.error))
    expect((await findProposal(db, a.value.id))?.mergedIntoId).toBe(merged.value.id)
    const whole = await findProposal(db, merged.value.id)
    expect(whole?.mergedFrom.sort()).toEqual([a.value.id, b.value.id].sort())
    expect(whole?.memberStates.sort()).toEqual(['BRA', 'FRA', 'ZAF'])
    expect((await new TestClient(runtime).get(`/proposals/${a.value.id}`)).html).toContain('A+B')
    const fromProposals = await createDocument(db, at(actors.chair as Actor), {
      processId,
      title: 'From proposals',
      proposalIds: [merged.value.id],
    })
    if (!fromProposals.ok) throw new Error('document')
    const [paragraph] = await paragraphsOf(db, fromProposals.value.id)
    await takePosition(db, at(actors.fra as Actor), {
      subjectType: 'paragraph',
      subjectId: paragraph?.id as number,
      memberStateIso3: 'FRA',
      position: 'objection',
    })
    expect((await declare(db, at(actors.chair as Actor), paragraph?.id as number, 'no_consensus')).ok).toBe(true)
    expect((await findProposal(db, merged.value.id))?.status).toBe('no_consensus')
  })

  it('writes the report in Akoma Ntoso that validates against the official schema', async () => {
    await proposalsWithDivergence()
    const response = await new TestClient(runtime).request(`/processes/${processId}/report.xml`)
    const xml = await response.text()
    expect(xml).toContain('name="report"')
    expect(xml).toContain('docProponent')
    expectValidAkn(xml)
    const json = await new TestClient(runtime).json(`/processes/${processId}/report.json`)
    expect(json.body.data.proposals.length).toBeGreaterThanOrEqual(3)
    expect(json.body.data.divergentViews.length).toBeGreaterThanOrEqual(1)
  })

  it('marks each text with its own language: English reads left to right in the Arabic interface, a French proposal is French', async () => {
    const doc = await newDocument()
    const arabic = (await new TestClient(runtime).get(`/negotiation/${doc.id}?lang=ar`)).html
    expect(arabic).toContain('<html lang="ar" dir="rtl"')
    expect(arabic).toContain('<h1 lang="en" dir="ltr">Draft</h1>')
    expect(arabic).toMatch(/<p lang="en" dir="ltr"><span class="num">1\.<\/span> Recommends/)

    const french = await submitProposal(runtime.deps.db, at(actors.fra as Actor), {
      processId,
      title: 'Points focaux nationaux',
      text: 'Invite les États Membres à établir des points focaux nationaux.',
      language: 'fr',
      memberStates: ['FRA'],
      organizations: [],
    })
    if (!french.ok) throw new Error(JSON.stringify(french.error))
    const page = (await new TestClient(runtime).get(`/proposals/${french.value.id}?lang=ar`)).html
    expect(page).toContain('<h1 lang="fr" dir="ltr">Points focaux nationaux</h1>')
    const api = await new TestClient(runtime).json(`/api/v1/processes/${processId}/proposals`)
    expect(api.body.data.find((x: { id: number }) => x.id === french.value.id)?.language).toBe('fr')
    const document = await new TestClient(runtime).json(`/api/v1/negotiation/${doc.id}`)
    expect(document.body.data.language).toBe('en')
    const xml = await (await new TestClient(runtime).request(`/processes/${processId}/report.xml`)).text()
    expect(xml).toContain('<FRBRlanguage language="fra"/>')
    expect(xml).toContain('<FRBRlanguage language="eng"/>')
    expectValidAkn(xml)
  })

  it('puts every amendment, position, declaration and revision in a hash chain that verifies', async () => {
    await oneOfEachStep()
    const actions = await runtime.deps.db.selectFrom('auditEntry').select('action').execute()
    const seen = new Set(actions.map((a) => a.action))
    for (const action of [
      'amendment.tabled',
      'amendment.incorporated',
      'position.taken',
      'negotiation.paragraph_adopted',
      'negotiation.revision_issued',
      'negotiation.silence_broken',
      'proposal.merged',
    ])
      expect(seen, action).toContain(action)
    const verdict = await verifyAuditLog(runtime.deps.db)
    expect(verdict.problem).toBeNull()
    expect(verdict.count).toBeGreaterThan(20)
  })
})
