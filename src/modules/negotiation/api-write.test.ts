// The negotiation's write API on a document, as the delegations' own tools use it, on each
// database: each operation succeeds for the role it is for, and refuses the wrong role or scope
// (403), the state that forbids it (409) and bad input (400), in the standard error shape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASE_KINDS } from '../../../test/support/runtime.ts'
import { type WriteApiWorld, writeApiWorld } from './api-write-fixture.ts'

describe.each(DATABASE_KINDS)('the negotiation write API on a document on %s', (kind) => {
  let world: WriteApiWorld
  beforeAll(async () => {
    world = await writeApiWorld(kind)
  })
  afterAll(() => world.runtime.close())
  const post = (...args: Parameters<WriteApiWorld['post']>) => world.post(...args)
  const openDocument = (...args: Parameters<WriteApiWorld['openDocument']>) => world.openDocument(...args)
  const adopt = (id: number, paragraphId: number) => world.adopt(id, paragraphId)

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
      const read = await world.api.anonymous?.json(`/api/v1/negotiation/${id}/amendments?status=tabled`)
      expect(read?.body.data).toContainEqual(
        expect.objectContaining({ id: tabled.body.data.id, newText: 'every two years', memberState: 'BRA' }),
      )
    })

    it('stores a retried amendment once when it carries an Idempotency-Key', async () => {
      const { id, byLabel } = await openDocument()
      const send = () =>
        world.api.BRA?.request(`/api/v1/negotiation/${id}/amendments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': `retry-${id}` },
          body: JSON.stringify({ paragraphId: byLabel('1').id, operation: 'delete_paragraph' }),
        })
      const first = await send()
      const again = await send()
      expect(first?.status).toBe(201)
      expect(again?.status).toBe(201)
      expect(again?.headers.get('idempotent-replayed')).toBe('true')
      expect(await again?.json()).toEqual(await first?.json())
      const read = await world.api.anonymous?.json(`/api/v1/negotiation/${id}/amendments`)
      expect(read?.body.data).toHaveLength(1)
    })

    it('tables for an organization, named by its slug or by default, where stakeholders may table', async () => {
      const open = await openDocument(undefined, { stakeholdersMayTable: true })
      const amendment = { paragraphId: open.byLabel('3').id, operation: 'delete_paragraph' }
      const byDefault = await post('apc', `/negotiation/${open.id}/amendments`, amendment)
      expect(byDefault.status).toBe(201)
      expect(byDefault.body.data).toMatchObject({ memberState: null, organization: world.organization.id })
      const bySlug = await post('apc', `/negotiation/${open.id}/amendments`, {
        ...amendment,
        organization: world.organization.slug,
      })
      expect(bySlug.status).toBe(201)
      const unknown = await post('apc', `/negotiation/${open.id}/amendments`, { ...amendment, organization: 'nobody' })
      expect(unknown.status).toBe(400)
      expect(unknown.body.issues[0].path).toBe('organization')
      // where only States table, an organization's representative is refused
      const closed = await openDocument()
      const refused = await post('apc', `/negotiation/${closed.id}/amendments`, {
        paragraphId: closed.byLabel('3').id,
        operation: 'delete_paragraph',
      })
      expect(refused.status).toBe(403)
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

    it('refuses while an objection stands (409), and a paragraph of another document or no id (404)', async () => {
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
      // a path id that is no id names nothing (core/http/ids.ts)
      expect((await post('chair', `/negotiation/${id}/paragraphs/abc/adopt`)).status).toBe(404)
    })
  })

  describe('reopening a paragraph', () => {
    it('reopens an adopted paragraph for the Chair, with the reason on the record; it takes amendments again', async () => {
      const { id, byLabel } = await openDocument()
      const paragraphId = byLabel('1').id
      await adopt(id, paragraphId)
      const reopened = await post('chair', `/negotiation/${id}/paragraphs/${paragraphId}/reopen`, {
        reason: 'A delegation asked to revisit the reporting cycle',
      })
      expect(reopened.status).toBe(200)
      expect(reopened.body.data).toMatchObject({ id: paragraphId, status: 'proposed' })
      const tabled = await post('BRA', `/negotiation/${id}/amendments`, { paragraphId, operation: 'delete_paragraph' })
      expect(tabled.status).toBe(201)
    })

    it('refuses a delegate and a token without the chair scope (403), no reason (400), a paragraph not adopted (409)', async () => {
      const { id, byLabel } = await openDocument()
      const path = `/negotiation/${id}/paragraphs/${byLabel('1').id}/reopen`
      await adopt(id, byLabel('1').id)
      expect((await post('BRA', path, { reason: 'We want to' })).status).toBe(403)
      expect((await post('chairNegotiateOnly', path, { reason: 'We want to' })).status).toBe(403)
      const silent = await post('chair', path, {})
      expect(silent.status).toBe(400)
      expect(silent.body.issues[0].path).toBe('reason')
      expect((await post('chair', path, { reason: '   ' })).status).toBe(400)
      expect((await post('chair', path)).status).toBe(400)
      const open = await post('chair', `/negotiation/${id}/paragraphs/${byLabel('3').id}/reopen`, { reason: 'Why not' })
      expect(open.status).toBe(409)
      expect(open.body.id).toBe('paragraph_not_settled')
      const other = await openDocument()
      const elsewhere = `/negotiation/${id}/paragraphs/${other.byLabel('1').id}/reopen`
      expect((await post('chair', elsewhere, { reason: 'Wrong document' })).status).toBe(404)
    })
  })
})
