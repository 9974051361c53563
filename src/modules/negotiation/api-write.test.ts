// The negotiation's write API as the delegations' own tools use it, on each database: every
// operation succeeds for the role it is for, and refuses the wrong role or scope (403), the
// state that forbids it (409) and bad input (400), in the standard error shape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, apiTokenFor, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { createAccount } from '../../core/auth/accounts.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import type { TokenScope } from '../../core/auth/scopes.ts'
import { createBody, createProcess } from '../processes/index.ts'

const DRAFT = `Draft recommendations

Recalling paragraphs 69 to 71 of the Tunis Agenda,

1. Recommends that all relevant organizations report annually to the Commission;

2. Invites Member States to [consider] establishing national focal points;

3. Decides to review progress at its next session.
`

describe.each(DATABASE_KINDS)('the negotiation write API on %s', (kind) => {
  let runtime: TestRuntime
  let processId: number
  const api: Record<string, TestClient> = {}

  /** A client that sends a token of `accountId` with these scopes, as a delegation's script would. */
  async function tokenClient(accountId: number, scopes: readonly TokenScope[]) {
    const token = await apiTokenFor(runtime, accountId, scopes)
    return new TestClient(runtime, { authorization: `Bearer ${token}` })
  }
  // biome-ignore lint/suspicious/noExplicitAny: request bodies are free-form JSON here
  const post = (who: string, path: string, body?: any) =>
    (api[who] as TestClient).json(`/api/v1${path}`, {
      method: 'POST',
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    })

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    const ctx = { actor: SYSTEM, now: new Date() }
    const body = await createBody(runtime.deps.db, ctx, { slug: 'wg', name: 'A Working Group', acronym: 'WG' })
    if (!body.ok) throw new Error(JSON.stringify(body.error))
    const process = await createProcess(runtime.deps.db, ctx, {
      bodyId: body.value.id,
      slug: 'wg-api',
      title: 'Drafting by API',
      mandateSymbol: 'E/RES/2026/1',
    })
    if (!process.ok) throw new Error(JSON.stringify(process.error))
    processId = process.value.id
    const chair = await accountWithRole(runtime, 'chair', { type: 'body', id: String(body.value.id) }, 'The Chair')
    api.chair = await tokenClient(chair.accountId, ['read', 'chair'])
    api.chairNegotiateOnly = await tokenClient(chair.accountId, ['read', 'negotiate'])
    const secretariat = await accountWithRole(runtime, 'secretariat')
    api.secretariat = await tokenClient(secretariat.accountId, ['read', 'chair'])
    for (const iso3 of ['BRA', 'ZAF', 'FRA']) {
      const a = await accountWithRole(runtime, 'government_delegate', { type: 'member_state', id: iso3 }, iso3)
      api[iso3] = await tokenClient(a.accountId, ['read', 'negotiate'])
      if (iso3 === 'BRA') api.braReadOnly = await tokenClient(a.accountId, ['read'])
    }
    // an account with no role: it may read and contribute, never negotiate
    const participant = await createAccount(runtime.deps.db, {
      email: 'participant@example.org',
      displayName: 'A participant',
      password: 'correct horse battery',
      confirmed: true,
    })
    if (!participant.ok) throw new Error('no account')
    api.participant = await tokenClient(participant.value.id, ['read', 'contribute'])
    api.anonymous = new TestClient(runtime)
  })
  afterAll(() => runtime.close())

  async function openDocument(text = DRAFT) {
    const created = await post('chair', `/processes/${processId}/negotiation`, { title: 'Draft', text })
    expect(created.status).toBe(201)
    const doc = created.body.data
    // biome-ignore lint/suspicious/noExplicitAny: the answer is JSON
    const byLabel = (l: string) => doc.paragraphs.find((p: any) => p.label?.replace(/\.$/, '') === l)
    return { id: doc.id as number, doc, byLabel }
  }

  /** The Chair adopts a paragraph once a State has said it does not object. */
  async function adopt(id: number, paragraphId: number) {
    await post('FRA', `/negotiation/${id}/positions`, { paragraphId, memberState: 'FRA', position: 'no_objection' })
    const adopted = await post('chair', `/negotiation/${id}/paragraphs/${paragraphId}/adopt`)
    expect(adopted.status).toBe(200)
    return adopted
  }

  describe('opening a negotiating document', () => {
    it('opens it from plain text for the Chair, answers it as GET does, and lists it on the process', async () => {
      const { id, doc } = await openDocument()
      expect(doc.paragraphs.map((p: { kind: string }) => p.kind)).toEqual([
        'preambular',
        'operative',
        'operative',
        'operative',
      ])
      expect(doc.revisions[0].label).toBe('Zero draft')
      const read = await api.anonymous?.json(`/api/v1/negotiation/${id}`)
      expect(read?.body.data).toEqual(doc)
      const process = await api.anonymous?.json(`/api/v1/processes/${processId}`)
      expect(process?.body.data.negotiatingDocuments).toContainEqual({ id, title: 'Draft' })
    })

    it('opens it for the Secretariat too', async () => {
      const created = await post('secretariat', `/processes/${processId}/negotiation`, { title: 'Sec', text: DRAFT })
      expect(created.status).toBe(201)
    })

    it('refuses a delegate (403), no credential (401), an empty text (400) and an unknown process (404)', async () => {
      const delegate = await post('BRA', `/processes/${processId}/negotiation`, { title: 'Mine', text: DRAFT })
      expect(delegate.status).toBe(403)
      expect(delegate.body).toMatchObject({ id: expect.any(String), error: expect.any(String), issues: [] })
      expect((await post('anonymous', `/processes/${processId}/negotiation`, { title: 'X', text: DRAFT })).status).toBe(
        401,
      )
      const empty = await post('chair', `/processes/${processId}/negotiation`, { title: 'Empty', text: '  ' })
      expect(empty.status).toBe(400)
      expect(empty.body.issues[0].path).toBe('text')
      expect((await post('chair', '/processes/999999/negotiation', { title: 'X', text: DRAFT })).status).toBe(404)
    })
  })

  describe('tabling an amendment', () => {
    it('tables it for the caller’s State and answers 201 with the amendment', async () => {
      const { id, byLabel } = await openDocument()
      const tabled = await post('BRA', `/negotiation/${id}/amendments`, {
        paragraphId: byLabel('1').id,
        operation: 'replace_text',
        quotedOld: 'annually',
        newText: 'every two years',
        note: 'lighter reporting',
      })
      expect(tabled.status).toBe(201)
      expect(tabled.body.data).toMatchObject({
        paragraph: byLabel('1').id,
        operation: 'replace_text',
        memberState: 'BRA',
        status: 'tabled',
        standing: { readiness: 'open', positions: [] },
      })
      // the document's amendments are a paginated sub-resource, each with its standing summary
      const read = await api.anonymous?.json(`/api/v1/negotiation/${id}/amendments?status=tabled`)
      expect(read?.body.data).toContainEqual(
        expect.objectContaining({ id: tabled.body.data.id, newText: 'every two years', memberState: 'BRA' }),
      )
    })

    it('refuses a read-only token and an account that speaks for no State (403)', async () => {
      const { id, byLabel } = await openDocument()
      const amendment = { paragraphId: byLabel('3').id, operation: 'delete_paragraph', memberState: 'BRA' }
      const readOnly = await post('braReadOnly', `/negotiation/${id}/amendments`, amendment)
      expect(readOnly.status).toBe(403)
      expect((await post('participant', `/negotiation/${id}/amendments`, amendment)).status).toBe(403)
      expect((await post('FRA', `/negotiation/${id}/amendments`, amendment)).status).toBe(403)
    })

    it('refuses a stale quotation, a missing field and a paragraph of another document (400)', async () => {
      const { id, byLabel } = await openDocument()
      const other = await openDocument()
      const stale = await post('BRA', `/negotiation/${id}/amendments`, {
        paragraphId: byLabel('1').id,
        operation: 'replace_text',
        quotedOld: 'words that are not there',
        newText: 'x',
      })
      expect(stale.status).toBe(400)
      expect(stale.body.issues[0]).toMatchObject({ path: 'quotedOld', code: 'negotiation.quotedNotFound' })
      const missing = await post('BRA', `/negotiation/${id}/amendments`, { paragraphId: byLabel('1').id })
      expect(missing.status).toBe(400)
      expect(missing.body.issues.map((i: { path: string }) => i.path)).toContain('operation')
      const elsewhere = await post('BRA', `/negotiation/${id}/amendments`, {
        paragraphId: other.byLabel('1').id,
        operation: 'delete_paragraph',
      })
      expect(elsewhere.status).toBe(400)
      expect((await post('BRA', `/negotiation/${id}/amendments`, 'not an object')).status).toBe(400)
    })

    it('refuses an amendment to an adopted paragraph (409)', async () => {
      const { id, byLabel } = await openDocument()
      await adopt(id, byLabel('3').id)
      const late = await post('BRA', `/negotiation/${id}/amendments`, {
        paragraphId: byLabel('3').id,
        operation: 'delete_paragraph',
      })
      expect(late.status).toBe(409)
    })
  })

  describe('taking a position', () => {
    it('records the State’s position and answers with the standing, one voice per State', async () => {
      const { id, byLabel } = await openDocument()
      const paragraphId = byLabel('1').id
      expect(
        (await post('BRA', `/negotiation/${id}/positions`, { paragraphId, memberState: 'BRA', position: 'objection' }))
          .status,
      ).toBe(200)
      const second = await post('BRA', `/negotiation/${id}/positions`, {
        paragraphId,
        memberState: 'BRA',
        position: 'support',
        note: 'after consultations',
      })
      expect(second.status).toBe(200)
      expect(second.body.data).toMatchObject({ paragraph: paragraphId, amendment: null })
      expect(second.body.data.standing.positions).toHaveLength(1)
      expect(second.body.data.standing.positions[0]).toMatchObject({ memberState: 'BRA', position: 'support' })
      expect(second.body.data.standing.readiness).toBe('ready')
    })

    it('takes a position on an amendment of the document', async () => {
      const { id, byLabel } = await openDocument()
      const tabled = await post('BRA', `/negotiation/${id}/amendments`, {
        paragraphId: byLabel('1').id,
        operation: 'delete_paragraph',
      })
      const amendmentId = tabled.body.data.id
      const taken = await post('ZAF', `/negotiation/${id}/positions`, {
        amendmentId,
        memberState: 'ZAF',
        position: 'objection',
      })
      expect(taken.status).toBe(200)
      expect(taken.body.data.standing).toMatchObject({ readiness: 'objected', objecting: ['ZAF'] })
    })

    it('refuses another State’s position (403) and a read-only token (403)', async () => {
      const { id, byLabel } = await openDocument()
      const input = { paragraphId: byLabel('1').id, memberState: 'FRA', position: 'support' }
      expect((await post('BRA', `/negotiation/${id}/positions`, input)).status).toBe(403)
      expect((await post('braReadOnly', `/negotiation/${id}/positions`, { ...input, memberState: 'BRA' })).status).toBe(
        403,
      )
    })

    it('refuses both or neither subject, an unknown position and another document’s paragraph (400)', async () => {
      const { id, byLabel } = await openDocument()
      const other = await openDocument()
      const both = await post('BRA', `/negotiation/${id}/positions`, {
        paragraphId: byLabel('1').id,
        amendmentId: 1,
        memberState: 'BRA',
        position: 'support',
      })
      expect(both.status).toBe(400)
      expect(both.body.issues[0].code).toBe('negotiation.paragraphOrAmendment')
      expect(
        (await post('BRA', `/negotiation/${id}/positions`, { memberState: 'BRA', position: 'support' })).status,
      ).toBe(400)
      const unknown = { paragraphId: byLabel('1').id, memberState: 'BRA', position: 'maybe' }
      expect((await post('BRA', `/negotiation/${id}/positions`, unknown)).status).toBe(400)
      const elsewhere = { paragraphId: other.byLabel('1').id, memberState: 'BRA', position: 'support' }
      expect((await post('BRA', `/negotiation/${id}/positions`, elsewhere)).status).toBe(400)
    })

    it('refuses a position on an adopted paragraph (409)', async () => {
      const { id, byLabel } = await openDocument()
      await adopt(id, byLabel('1').id)
      const late = await post('BRA', `/negotiation/${id}/positions`, {
        paragraphId: byLabel('1').id,
        memberState: 'BRA',
        position: 'objection',
      })
      expect(late.status).toBe(409)
    })
  })

  describe('adopting a paragraph', () => {
    it('adopts for the Chair and answers with the paragraph', async () => {
      const { id, byLabel } = await openDocument()
      await post('ZAF', `/negotiation/${id}/positions`, {
        paragraphId: byLabel('1').id,
        memberState: 'ZAF',
        position: 'support',
      })
      const adopted = await post('chair', `/negotiation/${id}/paragraphs/${byLabel('1').id}/adopt`, {
        note: 'by consensus',
      })
      expect(adopted.status).toBe(200)
      expect(adopted.body.data).toMatchObject({ id: byLabel('1').id, document: id, status: 'adopted' })
    })

    it('refuses a delegate, a Chair’s token without the chair scope, and the Secretariat (403)', async () => {
      const { id, byLabel } = await openDocument()
      const path = `/negotiation/${id}/paragraphs/${byLabel('1').id}/adopt`
      expect((await post('BRA', path)).status).toBe(403)
      expect((await post('chairNegotiateOnly', path)).status).toBe(403)
      expect((await post('secretariat', path)).status).toBe(403)
    })

    it('refuses while an objection stands (409) and a paragraph of another document (404)', async () => {
      const { id, byLabel } = await openDocument()
      const other = await openDocument()
      await post('ZAF', `/negotiation/${id}/positions`, {
        paragraphId: byLabel('1').id,
        memberState: 'ZAF',
        position: 'objection',
      })
      const objected = await post('chair', `/negotiation/${id}/paragraphs/${byLabel('1').id}/adopt`)
      expect(objected.status).toBe(409)
      expect(objected.body.error).toBeTruthy()
      expect((await post('chair', `/negotiation/${id}/paragraphs/${other.byLabel('1').id}/adopt`)).status).toBe(404)
      expect((await post('chair', `/negotiation/${id}/paragraphs/abc/adopt`)).status).toBe(400)
    })
  })

  describe('putting a proposal forward', () => {
    it('submits for the caller’s State with the co-sponsors asked for', async () => {
      const made = await post('BRA', `/processes/${processId}/proposals`, {
        title: 'Focal points',
        text: 'Invites Member States to establish national focal points.',
        cosponsors: ['ZAF'],
      })
      expect(made.status).toBe(201)
      expect(made.body.data).toMatchObject({ title: 'Focal points', status: 'submitted' })
      expect(made.body.data.memberStates).toContain('BRA')
      const list = await api.anonymous?.json(`/api/v1/processes/${processId}/proposals`)
      expect(list?.body.data.map((p: { id: number }) => p.id)).toContain(made.body.data.id)
    })

    it('refuses an unknown co-sponsor (400), a State the caller does not speak for and a read-only token (403)', async () => {
      const input = { title: 'T', text: 'Text.', cosponsors: ['no-such-organization'] }
      const unknown = await post('BRA', `/processes/${processId}/proposals`, input)
      expect(unknown.status).toBe(400)
      expect(unknown.body.issues[0]).toMatchObject({ path: 'cosponsors.0', code: 'negotiation.unknownCosponsor' })
      const forOther = await post('BRA', `/processes/${processId}/proposals`, {
        title: 'T',
        text: 'Text.',
        memberState: 'FRA',
      })
      expect(forOther.status).toBe(403)
      expect(
        (await post('braReadOnly', `/processes/${processId}/proposals`, { title: 'T', text: 'Text.' })).status,
      ).toBe(403)
      expect(
        (await post('participant', `/processes/${processId}/proposals`, { title: 'T', text: 'Text.' })).status,
      ).toBe(403)
    })
  })

  describe('silence procedures', () => {
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()

    it('circulates paragraphs for the Chair until a deadline', async () => {
      const { id, byLabel } = await openDocument()
      const circulated = await post('chair', `/negotiation/${id}/silence`, {
        paragraphIds: [byLabel('1').id, byLabel('3').id],
        deadline: inDays(4),
      })
      expect(circulated.status).toBe(201)
      expect(circulated.body.data).toMatchObject({ document: id, status: 'pending', brokenBy: null })
      expect(circulated.body.data.paragraphIds).toEqual([byLabel('1').id, byLabel('3').id])
    })

    it('refuses a delegate (403), a deadline under 72 hours and a bad date (400), an adopted paragraph', async () => {
      const { id, byLabel } = await openDocument()
      const paragraphIds = [byLabel('1').id]
      expect((await post('BRA', `/negotiation/${id}/silence`, { paragraphIds, deadline: inDays(4) })).status).toBe(403)
      expect((await post('chair', `/negotiation/${id}/silence`, { paragraphIds, deadline: inDays(1) })).status).toBe(
        400,
      )
      expect((await post('chair', `/negotiation/${id}/silence`, { paragraphIds, deadline: 'Friday' })).status).toBe(400)
      await adopt(id, byLabel('1').id)
      const settled = await post('chair', `/negotiation/${id}/silence`, { paragraphIds, deadline: inDays(4) })
      expect([400, 409]).toContain(settled.status)
    })
  })
})
