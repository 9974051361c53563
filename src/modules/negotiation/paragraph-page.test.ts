// A paragraph's own page and the light document page, on each database: the paragraph page carries
// the amendments (closed ones only when asked), the positions by State and the forms, and every
// form on it returns to it; the document page carries the text, statuses, standing summaries and
// counts, a table of contents, and filters that work as plain query parameters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { type Actor, SYSTEM } from '../../core/auth/actor.ts'
import { activeGrants } from '../../core/auth/grants.ts'
import { createBody, createProcess } from '../processes/index.ts'
import { decideAmendment, tableAmendment } from './commands-amendments.ts'
import { createDocument, issueRevision } from './commands-documents.ts'
import { takePosition } from './commands-positions.ts'
import { paragraphsOf } from './queries.ts'
import { parseUnText } from './rules/parse.ts'

const DRAFT = `Draft outcome

I. Principles

Recalling paragraphs 69 to 71 of the Tunis Agenda,

1. Recommends that all relevant organizations report annually to the Commission;

II. Follow-up

2. Invites Member States to [consider] establishing national focal points;

3. Decides to review progress at its next session.
`

describe.each(DATABASE_KINDS)('the paragraph page on %s', (kind) => {
  let runtime: TestRuntime
  let processId: number
  const actors: Record<string, Actor> = {}
  const clients: Record<string, TestClient> = {}
  const at = (actor: Actor) => ({ actor, now: new Date() })

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    const body = await createBody(runtime.deps.db, at(SYSTEM), { slug: 'wg', name: 'A Working Group', acronym: 'WG' })
    if (!body.ok) throw new Error(JSON.stringify(body.error))
    const process = await createProcess(runtime.deps.db, at(SYSTEM), {
      bodyId: body.value.id,
      slug: 'wg-draft',
      title: 'Drafting',
      mandateSymbol: 'E/RES/2026/1',
    })
    if (!process.ok) throw new Error(JSON.stringify(process.error))
    processId = process.value.id
    for (const [name, role, scope] of [
      ['chair', 'chair', { type: 'body', id: String(body.value.id) }],
      ['bra', 'government_delegate', { type: 'member_state', id: 'BRA' }],
      ['fra', 'government_delegate', { type: 'member_state', id: 'FRA' }],
    ] as const) {
      const a = await accountWithRole(runtime, role, scope, name)
      clients[name] = a.client
      const grants = await activeGrants(runtime.deps.db, a.accountId)
      actors[name] = {
        kind: 'account',
        accountId: a.accountId,
        displayName: name,
        email: a.email,
        grants,
        via: 'session',
      }
    }
  })
  afterAll(() => runtime.close())

  async function newDocument() {
    const created = await createDocument(runtime.deps.db, at(actors.chair as Actor), {
      processId,
      title: 'Draft',
      imported: parseUnText(DRAFT),
    })
    if (!created.ok) throw new Error(JSON.stringify(created.error))
    const paragraphs = await paragraphsOf(runtime.deps.db, created.value.id)
    const byLabel = (l: string) => paragraphs.find((p) => p.label?.replace(/\.$/, '') === l)?.id as number
    return { id: created.value.id, byLabel }
  }

  async function amend(documentId: number, paragraphId: number, state: 'bra' | 'fra', newText: string) {
    const tabled = await tableAmendment(runtime.deps.db, at(actors[state] as Actor), documentId, {
      paragraphId,
      operation: 'insert_text',
      newText,
      speaker: { memberStateIso3: state.toUpperCase() },
    })
    if (!tabled.ok) throw new Error(JSON.stringify(tabled.error))
    return tabled.value.id
  }

  it('shows the text, status, standing, open amendments and positions by State; closed ones only when asked', async () => {
    const doc = await newDocument()
    const p = doc.byLabel('1')
    const db = runtime.deps.db
    const open = await amend(doc.id, p, 'bra', 'and to the General Assembly')
    const rejected = await amend(doc.id, p, 'fra', 'every second year')
    expect((await decideAmendment(db, at(actors.chair as Actor), rejected, 'rejected')).ok).toBe(true)
    await takePosition(db, at(actors.fra as Actor), {
      subjectType: 'paragraph',
      subjectId: p,
      memberStateIso3: 'FRA',
      position: 'objection',
      note: 'too broad',
    })
    const visitor = new TestClient(runtime)
    const page = await visitor.get(`/paragraphs/${p}`)
    expect(page.response.status).toBe(200)
    expect(page.html).toContain('Recommends that all relevant organizations report annually')
    expect(page.html).toContain('Objection by France')
    expect(page.html).toContain('too broad')
    expect(page.html).toContain(`id="amendment-${open}"`)
    expect(page.html).not.toContain(`id="amendment-${rejected}"`)
    expect(page.html).toContain('Show the 1 closed amendment')
    // a visitor gets no forms but the language switcher's
    expect(page.html).not.toContain(`action="/paragraphs/${p}/position"`)
    const withClosed = await visitor.get(`/paragraphs/${p}?closed=1`)
    expect(withClosed.html).toContain(`id="amendment-${rejected}"`)
    expect(withClosed.html).toContain('Rejected')
    // a delegate works here: position, amendment and the open amendment's position forms
    const delegate = (await clients.bra?.get(`/paragraphs/${p}`))?.html ?? ''
    expect(delegate).toContain(`action="/paragraphs/${p}/position"`)
    expect(delegate).toContain(`action="/amendments/${open}/position"`)
    expect(delegate).toContain(`action="/negotiation/${doc.id}/amendments"`)
    expect(delegate).not.toContain(`action="/paragraphs/${p}/declare"`)
    const chair = (await clients.chair?.get(`/paragraphs/${p}`))?.html ?? ''
    expect(chair).toContain(`action="/paragraphs/${p}/declare"`)
    expect(chair).toContain(`action="/amendments/${open}/decide"`)
  })

  it('refuses what is not a paragraph with a 404, never a 500', async () => {
    const visitor = new TestClient(runtime)
    for (const path of ['/paragraphs/999999', '/paragraphs/abc', '/paragraphs/-1', '/paragraphs/1e400'])
      expect((await visitor.get(path)).response.status, path).toBe(404)
  })

  it('returns every form on a paragraph to the paragraph’s page', async () => {
    const doc = await newDocument()
    const p = doc.byLabel('3')
    const here = `/paragraphs/${p}`
    const bra = clients.bra as TestClient
    const position = await bra.submit(`${here}/position`, { memberStateIso3: 'BRA', position: 'support' }, here)
    expect(position.response.status, position.html.slice(0, 2000)).toBe(303)
    expect(position.response.headers.get('location')).toBe(here)
    const tabled = await bra.submit(
      `/negotiation/${doc.id}/amendments`,
      { paragraphId: String(p), operation: 'insert_text', newText: 'by 2030', speaker: 'member_state:BRA' },
      here,
    )
    expect(tabled.response.headers.get('location')).toBe(`${here}#amendments`)
    const amendment = Number(/id="amendment-(\d+)"/.exec((await bra.get(here)).html)?.[1])
    const onAmendment = await bra.submit(
      `/amendments/${amendment}/position`,
      { memberStateIso3: 'BRA', position: 'support' },
      here,
    )
    expect(onAmendment.response.headers.get('location')).toBe(`${here}#amendment-${amendment}`)
    const withdrawn = await bra.submit(`/amendments/${amendment}/withdraw`, {}, here)
    expect(withdrawn.response.headers.get('location')).toBe(`${here}#amendment-${amendment}`)
    // the paragraph is still bracketed, so the Chair records no consensus (agreement would be refused)
    const declared = await (clients.chair as TestClient).submit(
      `${here}/declare`,
      { declaration: 'no_consensus' },
      here,
    )
    expect(
      declared.response.status,
      declared.html
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .slice(0, 1500),
    ).toBe(303)
    expect(declared.response.headers.get('location')).toBe(here)
    // a refusal is still a refusal: France may not speak for Brazil
    const posing = await (clients.fra as TestClient).submit(
      `${here}/position`,
      { memberStateIso3: 'BRA', position: 'objection' },
      here,
    )
    expect(posing.response.status).toBe(403)
  })

  it('keeps the document page to the text, statuses, standings and counts, with links to each paragraph', async () => {
    const doc = await newDocument()
    const p = doc.byLabel('1')
    await amend(doc.id, p, 'bra', 'and to the General Assembly')
    const html = (await (clients.bra as TestClient).get(`/negotiation/${doc.id}`)).html
    expect(html).toContain(`href="/paragraphs/${p}"`)
    expect(html).toContain('1 open amendment')
    expect(html).not.toContain('/position"')
    expect(html).not.toContain(`action="/negotiation/${doc.id}/amendments"`)
    expect(html).not.toContain('id="amendment-')
    // the table of contents, by section and status
    expect(html).toContain('id="toc"')
    expect(html).toMatch(/I\. Principles<\/a>\s*<span class="muted">2 paragraphs: Proposed: 2/)
    expect(html).toMatch(/II\. Follow-up<\/a>\s*<span class="muted">2 paragraphs: Proposed: 1 · Bracketed: 1/)
  })

  it('filters the text without JavaScript: open, bracketed, my State’s objection, changed since a revision', async () => {
    const doc = await newDocument()
    const db = runtime.deps.db
    const chair = at(actors.chair as Actor)
    await takePosition(db, at(actors.fra as Actor), {
      subjectType: 'paragraph',
      subjectId: doc.byLabel('3'),
      memberStateIso3: 'FRA',
      position: 'objection',
    })
    await takePosition(db, at(actors.bra as Actor), {
      subjectType: 'paragraph',
      subjectId: doc.byLabel('1'),
      memberStateIso3: 'BRA',
      position: 'support',
    })
    const { declare } = await import('./commands-consensus.ts')
    expect((await declare(db, chair, doc.byLabel('1'), 'adopted')).ok).toBe(true)
    expect((await issueRevision(db, chair, doc.id, '')).ok).toBe(true)
    const amendment = await amend(doc.id, doc.byLabel('2'), 'bra', 'by 2030')
    expect((await decideAmendment(db, chair, amendment, 'incorporated')).ok).toBe(true)
    const shows = (html: string, label: string) => html.includes(`<span class="num">${label}</span>`)
    const visitor = new TestClient(runtime)
    const open = (await visitor.get(`/negotiation/${doc.id}?open=1`)).html
    expect([shows(open, '1.'), shows(open, '2.'), shows(open, '3.')]).toEqual([false, true, true])
    expect(open).toContain('3 of 4 paragraphs shown')
    const bracketed = (await visitor.get(`/negotiation/${doc.id}?bracketed=1`)).html
    expect([shows(bracketed, '1.'), shows(bracketed, '2.'), shows(bracketed, '3.')]).toEqual([false, true, false])
    const since = (await visitor.get(`/negotiation/${doc.id}?since=1`)).html
    expect([shows(since, '1.'), shows(since, '2.'), shows(since, '3.')]).toEqual([false, true, false])
    // the section heading of what is shown stays; the other section's goes
    expect(since).toContain('II. Follow-up')
    expect(since).not.toContain('<h2 class="text-heading" lang="en">I. Principles')
    const mine = (await (clients.fra as TestClient).get(`/negotiation/${doc.id}?mine=1`)).html
    expect([shows(mine, '1.'), shows(mine, '2.'), shows(mine, '3.')]).toEqual([false, false, true])
    expect((await (clients.bra as TestClient).get(`/negotiation/${doc.id}?mine=1`)).html).not.toContain(
      '<span class="num">3.</span>',
    )
    // nonsense in the query is no filter, and no error
    for (const query of ['since=99', 'since=-1', 'since=x', 'open=yes'])
      expect((await visitor.get(`/negotiation/${doc.id}?${query}`)).response.status, query).toBe(200)
  })
})

describe.each(DATABASE_KINDS)('the negotiation API at scale on %s', (kind) => {
  let runtime: TestRuntime
  let documentId: number
  let paragraphId: number
  const at = (actor: Actor) => ({ actor, now: new Date() })

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    const db = runtime.deps.db
    const body = await createBody(db, at(SYSTEM), { slug: 'wg', name: 'A Working Group', acronym: 'WG' })
    if (!body.ok) throw new Error(JSON.stringify(body.error))
    const process = await createProcess(db, at(SYSTEM), {
      bodyId: body.value.id,
      slug: 'wg-api',
      title: 'Drafting',
      mandateSymbol: 'E/RES/2026/1',
    })
    if (!process.ok) throw new Error(JSON.stringify(process.error))
    const chair: Actor = {
      kind: 'account',
      accountId: 1,
      displayName: 'Chair',
      email: 'chair@example.org',
      grants: [{ id: 0, role: 'chair', scope: { type: 'body', id: String(body.value.id) } }],
      via: 'session',
    }
    const created = await createDocument(db, at(chair), {
      processId: process.value.id,
      title: 'Draft',
      imported: parseUnText(DRAFT),
    })
    if (!created.ok) throw new Error(JSON.stringify(created.error))
    documentId = created.value.id
    paragraphId = (await paragraphsOf(db, documentId)).find((p) => p.label === '1.')?.id as number
    // 120 States speak on the paragraph, each also tabling an amendment; three of them object
    const states = ['BRA', 'FRA', 'ZAF', ...Array.from({ length: 117 }, (_, i) => `X${String(i).padStart(2, '0')}`)]
    for (const [i, iso3] of states.entries()) {
      const delegate: Actor = {
        kind: 'account',
        accountId: 100 + i,
        displayName: iso3,
        email: `${iso3}@example.org`,
        grants: [{ id: 0, role: 'government_delegate', scope: { type: 'member_state', id: iso3 } }],
        via: 'session',
      }
      const position = i < 3 ? 'objection' : 'support'
      const took = await takePosition(db, at(delegate), {
        subjectType: 'paragraph',
        subjectId: paragraphId,
        memberStateIso3: iso3,
        position,
      })
      if (!took.ok) throw new Error(JSON.stringify(took.error))
      if (i < 60) {
        const tabled = await tableAmendment(db, at(delegate), documentId, {
          paragraphId,
          operation: 'insert_text',
          newText: `words of ${iso3}`,
          speaker: { memberStateIso3: iso3 },
        })
        if (!tabled.ok) throw new Error(JSON.stringify(tabled.error))
        if (i % 3 === 0) await decideAmendment(db, at(chair), tabled.value.id, 'rejected')
      }
    }
  })
  afterAll(() => runtime.close())

  it('gives the document with each paragraph’s standing summary, never every State’s position', async () => {
    const api = await new TestClient(runtime).json(`/api/v1/negotiation/${documentId}`)
    expect(api.status).toBe(200)
    const paragraph = api.body.data.paragraphs.find((p: { id: number }) => p.id === paragraphId)
    expect(paragraph.standing).toEqual({
      readiness: 'objected',
      objecting: ['BRA', 'FRA', 'ZAF'],
      counts: { support: 117, no_objection: 0, objection: 3, reservation: 0 },
    })
    expect(paragraph.openAmendments).toBe(40)
    expect(paragraph.positions).toBe(`/api/v1/paragraphs/${paragraphId}/positions`)
    expect(JSON.stringify(api.body)).not.toContain('"memberState"')
    expect(api.body.data.amendments).toBe(`/api/v1/negotiation/${documentId}/amendments`)
  })

  it('pages each State’s position on a paragraph, 100 a page', async () => {
    const client = new TestClient(runtime)
    const first = await client.json(`/api/v1/paragraphs/${paragraphId}/positions`)
    expect(first.body.meta.total).toBe(120)
    expect(first.body.data).toHaveLength(100)
    expect(first.body.data[0]).toMatchObject({ memberState: 'BRA', position: 'objection' })
    const second = await client.json(`/api/v1/paragraphs/${paragraphId}/positions?page=2`)
    expect(second.body.data).toHaveLength(20)
    expect((await client.json(`/api/v1/paragraphs/${paragraphId}/positions?page=3`)).body.data).toEqual([])
    expect((await client.json('/api/v1/paragraphs/999999/positions')).status).toBe(404)
    expect((await client.json(`/api/v1/paragraphs/${paragraphId}/positions?page=0`)).status).toBe(400)
    expect((await client.json(`/api/v1/paragraphs/${paragraphId}/positions?page=x`)).status).toBe(400)
  })

  it('pages a document’s amendments, 50 a page, by status', async () => {
    const client = new TestClient(runtime)
    const all = await client.json(`/api/v1/negotiation/${documentId}/amendments`)
    expect(all.body.meta.total).toBe(60)
    expect(all.body.data).toHaveLength(50)
    const tabled = await client.json(`/api/v1/negotiation/${documentId}/amendments?status=tabled&page=1`)
    expect(tabled.body.meta.total).toBe(40)
    expect(tabled.body.data.every((a: { status: string }) => a.status === 'tabled')).toBe(true)
    expect(tabled.body.data[0].standing).toMatchObject({ readiness: 'open', objecting: [] })
    const rejected = await client.json(`/api/v1/negotiation/${documentId}/amendments?status=rejected&page=1`)
    expect(rejected.body.meta.total).toBe(20)
    const amendment = tabled.body.data[0].id
    const positions = await client.json(`/api/v1/amendments/${amendment}/positions`)
    expect(positions.body).toEqual({ data: [], meta: { total: 0 } })
    expect((await client.json(`/api/v1/negotiation/${documentId}/amendments?status=lost`)).status).toBe(400)
    expect((await client.json('/api/v1/negotiation/999999/amendments')).status).toBe(404)
  })
})

describe.each(DATABASE_KINDS)('a long text in parts on %s', (kind) => {
  let runtime: TestRuntime
  afterAll(() => runtime?.close())

  it('shows a long text in parts of whole sections, which the table of contents links to', {
    timeout: 180_000,
  }, async () => {
    runtime = await createTestRuntime(kind)
    const db = runtime.deps.db
    const body = await createBody(db, { actor: SYSTEM, now: new Date() }, { slug: 'wg', name: 'WG', acronym: 'WG' })
    if (!body.ok) throw new Error(JSON.stringify(body.error))
    const process = await createProcess(
      db,
      { actor: SYSTEM, now: new Date() },
      { bodyId: body.value.id, slug: 'wg-long', title: 'Drafting', mandateSymbol: 'E/RES/2026/1' },
    )
    if (!process.ok) throw new Error(JSON.stringify(process.error))
    const section = (name: string, from: number) =>
      `${name}\n\n${Array.from({ length: 60 }, (_, i) => `${from + i}. Decides to act on matter ${from + i};`).join('\n\n')}`
    const created = await createDocument(
      db,
      { actor: SYSTEM, now: new Date() },
      {
        processId: process.value.id,
        title: 'Long draft',
        imported: parseUnText(`Long draft\n\nI. First\n\n${section('', 1)}\n\nII. Second\n\n${section('', 61)}`),
      },
    )
    if (!created.ok) throw new Error(JSON.stringify(created.error))
    const id = created.value.id
    const second = (await paragraphsOf(db, id)).find((p) => p.text === 'II. Second')?.id
    const visitor = new TestClient(runtime)
    const first = (await visitor.get(`/negotiation/${id}`)).html
    expect(first).toContain('matter 60;')
    expect(first).not.toContain('matter 61;')
    expect(first).toContain(`href="/negotiation/${id}?part=2#para-${second}"`)
    const next = (await visitor.get(`/negotiation/${id}?part=2`)).html
    expect(next).toContain('matter 61;')
    expect(next).not.toContain('matter 60;')
    expect(next).toContain('aria-current="page"')
    // a filter pages its results the same way; nonsense parts are the nearest part
    expect((await visitor.get(`/negotiation/${id}?open=1&part=2`)).html).toContain('matter 120;')
    for (const part of ['0', '-3', '99', '1.5', 'x'])
      expect((await visitor.get(`/negotiation/${id}?part=${part}`)).response.status, part).toBe(200)
  })
})
