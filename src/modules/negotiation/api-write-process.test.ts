// The write API around a process: opening a document from text, proposals with co-sponsors, and
// silence procedures; successes and refusals (403, 409, 400) on each database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASE_KINDS } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { changeProcessState } from '../processes/index.ts'
import { DRAFT, type WriteApiWorld, writeApiWorld } from './api-write-fixture.ts'

describe.each(DATABASE_KINDS)('the negotiation write API on a process on %s', (kind) => {
  let world: WriteApiWorld
  beforeAll(async () => {
    world = await writeApiWorld(kind)
  })
  afterAll(() => world.runtime.close())
  const post = (...args: Parameters<WriteApiWorld['post']>) => world.post(...args)
  const openDocument = (...args: Parameters<WriteApiWorld['openDocument']>) => world.openDocument(...args)
  const adopt = (id: number, paragraphId: number) => world.adopt(id, paragraphId)

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
      const read = await world.api.anonymous?.json(`/api/v1/negotiation/${id}`)
      expect(read?.body.data).toEqual(doc)
      const process = await world.api.anonymous?.json(`/api/v1/processes/${world.processId}`)
      expect(process?.body.data.negotiatingDocuments).toContainEqual({ id, title: 'Draft' })
    })

    it('opens it for the Secretariat too', async () => {
      const created = await post('secretariat', `/processes/${world.processId}/negotiation`, {
        title: 'Sec',
        text: DRAFT,
      })
      expect(created.status).toBe(201)
    })

    it('refuses a delegate (403), no credential (401), an empty text (400) and an unknown process (404)', async () => {
      const delegate = await post('BRA', `/processes/${world.processId}/negotiation`, { title: 'Mine', text: DRAFT })
      expect(delegate.status).toBe(403)
      expect(delegate.body).toMatchObject({ id: expect.any(String), error: expect.any(String), issues: [] })
      expect(
        (await post('anonymous', `/processes/${world.processId}/negotiation`, { title: 'X', text: DRAFT })).status,
      ).toBe(401)
      const empty = await post('chair', `/processes/${world.processId}/negotiation`, { title: 'Empty', text: '  ' })
      expect(empty.status).toBe(400)
      expect(empty.body.issues[0].path).toBe('text')
      expect((await post('chair', '/processes/999999/negotiation', { title: 'X', text: DRAFT })).status).toBe(404)
    })
  })

  describe('putting a proposal forward', () => {
    it('submits for the caller’s State with the co-sponsors asked for', async () => {
      const made = await post('BRA', `/processes/${world.processId}/proposals`, {
        title: 'Focal points',
        text: 'Invites Member States to establish national focal points.',
        cosponsors: ['ZAF'],
      })
      expect(made.status).toBe(201)
      expect(made.body.data).toMatchObject({ title: 'Focal points', status: 'submitted' })
      expect(made.body.data.memberStates).toContain('BRA')
      const list = await world.api.anonymous?.json(`/api/v1/processes/${world.processId}/proposals`)
      expect(list?.body.data.map((p: { id: number }) => p.id)).toContain(made.body.data.id)
    })

    it('takes organizations as co-sponsors by their slug, and an organization as the proponent', async () => {
      const withOrganization = await post('BRA', `/processes/${world.processId}/proposals`, {
        title: 'Multistakeholder input',
        text: 'Invites stakeholders to contribute.',
        cosponsors: [world.organization.slug],
      })
      expect(withOrganization.status).toBe(201)
      // asked, not yet shown as co-sponsor: the organization has not consented
      expect(withOrganization.body.data.organizations).toEqual([])
      expect(withOrganization.body.data.cosponsorships).toMatchObject([
        { organization: world.organization.id, status: 'requested' },
      ])
      const byOrganization = await post('apc', `/processes/${world.processId}/proposals`, {
        title: 'Capacity',
        text: 'Encourages capacity building.',
      })
      expect(byOrganization.status).toBe(201)
      expect(byOrganization.body.data).toMatchObject({ memberStates: [], organizations: [world.organization.id] })
    })

    it('refuses an unknown co-sponsor (400), a State the caller does not speak for and a read-only token (403)', async () => {
      const input = { title: 'T', text: 'Text.', cosponsors: ['no-such-organization'] }
      const unknown = await post('BRA', `/processes/${world.processId}/proposals`, input)
      expect(unknown.status).toBe(400)
      expect(unknown.body.issues[0]).toMatchObject({ path: 'cosponsors.0', code: 'negotiation.unknownCosponsor' })
      const forOther = await post('BRA', `/processes/${world.processId}/proposals`, {
        title: 'T',
        text: 'Text.',
        memberState: 'FRA',
      })
      expect(forOther.status).toBe(403)
      expect(
        (await post('braReadOnly', `/processes/${world.processId}/proposals`, { title: 'T', text: 'Text.' })).status,
      ).toBe(403)
      expect(
        (await post('participant', `/processes/${world.processId}/proposals`, { title: 'T', text: 'Text.' })).status,
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

  describe('a concluded process', () => {
    it('takes no write through the API: 409 process_concluded for each operation', async () => {
      const processId = await world.newProcess('concluded-by-api')
      const { id, byLabel } = await openDocument(undefined, {}, processId)
      const adopted = byLabel('1').id
      await adopt(id, adopted)
      const paragraphId = byLabel('3').id
      const deadline = new Date(Date.now() + 4 * 86_400_000).toISOString()
      const silence = await post('chair', `/negotiation/${id}/silence`, { paragraphIds: [paragraphId], deadline })
      const proposal = await post('BRA', `/processes/${processId}/proposals`, {
        title: 'Before the end',
        text: 'In time.',
        cosponsors: ['ZAF'],
      })
      const system = { actor: SYSTEM, now: new Date() }
      expect((await changeProcessState(world.runtime.deps.db, system, processId, { to: 'active' })).ok).toBe(true)
      expect((await changeProcessState(world.runtime.deps.db, system, processId, { to: 'concluded' })).ok).toBe(true)
      const attempts = [
        post('BRA', `/negotiation/${id}/amendments`, { paragraphId, operation: 'delete_paragraph' }),
        post('BRA', `/negotiation/${id}/positions`, { paragraphId, memberState: 'BRA', position: 'support' }),
        post('chair', `/negotiation/${id}/paragraphs/${paragraphId}/adopt`),
        post('chair', `/negotiation/${id}/paragraphs/${adopted}/reopen`, { reason: 'After the end' }),
        post('chair', `/negotiation/${id}/silence`, { paragraphIds: [paragraphId], deadline }),
        post('BRA', `/processes/${processId}/proposals`, { title: 'Late', text: 'Too late.' }),
        post('chair', `/processes/${processId}/negotiation`, { title: 'Late', text: DRAFT }),
        post('ZAF', `/proposals/${proposal.body.data.id}/cosponsorship`, { decision: 'accept' }),
        post('BRA', `/silence/${silence.body.data.id}/break`, { memberState: 'BRA', reason: 'After the end' }),
      ]
      for (const answer of await Promise.all(attempts)) {
        expect(answer.status).toBe(409)
        expect(answer.body).toMatchObject({ id: 'process_concluded', error: expect.any(String), issues: [] })
      }
    })
  })

  describe('co-sponsorship with consent', () => {
    async function propose(cosponsors: string[]) {
      const made = await post('BRA', `/processes/${world.processId}/proposals`, {
        title: 'Focal points',
        text: 'Invites Member States to establish national focal points.',
        cosponsors,
      })
      expect(made.status).toBe(201)
      return made.body.data
    }

    it('asks the co-sponsors, who appear only once they accept, and may later withdraw', async () => {
      const proposal = await propose(['ZAF', world.organization.slug])
      expect(proposal.memberStates).toEqual(['BRA'])
      expect(proposal.proponents).toEqual({ memberStates: ['BRA'], organizations: [] })
      expect(proposal.cosponsorships).toEqual([
        expect.objectContaining({ memberState: 'ZAF', organization: null, status: 'requested', answeredAt: null }),
        expect.objectContaining({ memberState: null, organization: world.organization.id, status: 'requested' }),
      ])
      const path = `/proposals/${proposal.id}/cosponsorship`
      const accepted = await post('ZAF', path, { decision: 'accept' })
      expect(accepted.status).toBe(200)
      expect(accepted.body.data.memberStates).toEqual(expect.arrayContaining(['BRA', 'ZAF']))
      const declined = await post('apc', path, { decision: 'decline' })
      expect(declined.status).toBe(200)
      expect(declined.body.data.organizations).toEqual([])
      const withdrawn = await post('ZAF', path, { decision: 'withdraw', memberState: 'ZAF' })
      expect(withdrawn.status).toBe(200)
      expect(withdrawn.body.data.memberStates).toEqual(['BRA'])
      expect(withdrawn.body.data.cosponsorships[0].status).toBe('withdrawn')
    })

    it('refuses an answer for another State (403), from one not asked (404), twice (409) and bad input (400)', async () => {
      const proposal = await propose(['ZAF'])
      const path = `/proposals/${proposal.id}/cosponsorship`
      expect((await post('FRA', path, { decision: 'accept', memberState: 'ZAF' })).status).toBe(403)
      expect((await post('braReadOnly', path, { decision: 'accept', memberState: 'BRA' })).status).toBe(403)
      expect((await post('FRA', path, { decision: 'accept' })).status).toBe(404)
      expect((await post('ZAF', path, { decision: 'accept' })).status).toBe(200)
      const again = await post('ZAF', path, { decision: 'accept' })
      expect(again.status).toBe(409)
      expect(again.body.id).toBe('cosponsorship_accepted')
      expect((await post('ZAF', path, { decision: 'maybe' })).status).toBe(400)
      expect((await post('ZAF', '/proposals/999999/cosponsorship', { decision: 'accept' })).status).toBe(404)
    })

    it('refuses a co-sponsor code that is no State (400)', async () => {
      const made = await post('BRA', `/processes/${world.processId}/proposals`, {
        title: 'T',
        text: 'Text.',
        cosponsors: ['ZZZ'],
      })
      expect(made.status).toBe(400)
      expect(made.body.issues[0].code).toBe('negotiation.unknownCosponsor')
    })
  })

  describe('breaking a silence procedure', () => {
    const deadline = () => new Date(Date.now() + 4 * 86_400_000).toISOString()

    it('records the objection on the paragraphs named only, and the procedure breaks when all are', async () => {
      const { id, byLabel } = await openDocument()
      const [one, three] = [byLabel('1').id, byLabel('3').id]
      const circulated = await post('chair', `/negotiation/${id}/silence`, {
        paragraphIds: [one, three],
        deadline: deadline(),
      })
      const path = `/silence/${circulated.body.data.id}/break`
      const partial = await post('BRA', path, { memberState: 'BRA', paragraphIds: [one], reason: 'Not on reporting' })
      expect(partial.status).toBe(200)
      expect(partial.body.data).toMatchObject({ objectedTo: [one], status: 'pending', brokenBy: 'BRA' })
      const onOne = await world.api.anonymous?.json(`/api/v1/paragraphs/${one}/positions`)
      expect(JSON.stringify(onOne?.body)).toContain('BRA')
      const rest = await post('ZAF', path, { memberState: 'ZAF', reason: 'Not yet' })
      expect(rest.status).toBe(200)
      expect(rest.body.data).toMatchObject({ objectedTo: [one, three], status: 'broken' })
      const over = await post('FRA', path, { memberState: 'FRA', reason: 'Late' })
      expect(over.status).toBe(409)
      expect(over.body.id).toBe('silence_over')
    })

    it('refuses another State’s break (403), a paragraph not circulated and no reason (400)', async () => {
      const { id, byLabel } = await openDocument()
      const circulated = await post('chair', `/negotiation/${id}/silence`, {
        paragraphIds: [byLabel('1').id],
        deadline: deadline(),
      })
      const path = `/silence/${circulated.body.data.id}/break`
      expect((await post('BRA', path, { memberState: 'FRA', reason: 'For them' })).status).toBe(403)
      expect((await post('braReadOnly', path, { memberState: 'BRA', reason: 'Read only' })).status).toBe(403)
      const notCirculated = await post('BRA', path, {
        memberState: 'BRA',
        paragraphIds: [byLabel('3').id],
        reason: 'X',
      })
      expect(notCirculated.status).toBe(400)
      expect(notCirculated.body.issues[0].path).toBe('paragraphIds')
      expect((await post('BRA', path, { memberState: 'BRA' })).status).toBe(400)
      expect((await post('BRA', '/silence/999999/break', { memberState: 'BRA', reason: 'X' })).status).toBe(404)
    })
  })
})
