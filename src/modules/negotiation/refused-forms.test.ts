// Forms of the negotiation that never lose work, on each database: an amendment whose quoted text
// has a one-character typo, or that lacks its new text, comes back on the paragraph's page with
// everything typed and the reason beside the field; a silence deadline under 72 hours comes back
// on the document's page with the paragraphs still ticked and the deadline as typed; an amendment
// saves drafts as contributions do, found again by its author only, gone once it is tabled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { declare } from './commands-consensus.ts'
import { amendmentsOf } from './queries.ts'
import { type Fixture, negotiationFixture } from './test-fixture.ts'

describe.each(DATABASE_KINDS)('forms that keep what was typed on %s', (kind) => {
  let runtime: TestRuntime
  let fx: Fixture
  let doc: { id: number; byLabel: (l: string) => number }
  const local = (d: Date) => d.toISOString().slice(0, 16)

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    fx = await negotiationFixture(runtime)
    doc = await fx.newDocument()
  })
  afterAll(() => runtime.close())

  const amend = (fields: Record<string, string>) =>
    fx.clients.bra1.submit(
      `/negotiation/${doc.id}/amendments`,
      {
        paragraphId: String(doc.byLabel('1')),
        speaker: 'member_state:BRA',
        operation: 'replace_text',
        quotedOld: 'report anually',
        newText: 'report every year',
        justification: 'Clearer for translators.',
        ...fields,
      },
      `/paragraphs/${doc.byLabel('1')}`,
    )

  it('brings back an amendment whose quoted text is not in the paragraph, with what was typed and the reason beside the field', async () => {
    const before = (await amendmentsOf(runtime.deps.db, doc.id)).length
    const { response, html } = await amend({})
    expect(response.status).toBe(422)
    expect(html).toContain('report anually</textarea>')
    expect(html).toContain('report every year</textarea>')
    expect(html).toContain('Clearer for translators.</textarea>')
    expect(html).toMatch(/<option value="replace_text" selected/)
    expect(html).toMatch(/class="field field-error"><label for="p\d+-am-field-quotedOld"/)
    expect(html).toContain('aria-invalid="true"')
    expect(html).not.toContain('request is not valid')
    expect(await amendmentsOf(runtime.deps.db, doc.id)).toHaveLength(before)
  })

  it('brings back an amendment without its new text, naming the field', async () => {
    const { response, html } = await amend({ quotedOld: 'report annually', newText: '' })
    expect(response.status).toBe(422)
    expect(html).toMatch(/field field-error"><label for="p\d+-am-field-newText"/)
    expect(html).toContain('report annually</textarea>')
  })

  it('brings back an amendment on text agreed ad referendum with the reason at the top, linked to the form', async () => {
    const frozenDoc = await fx.newDocument()
    const paragraphId = frozenDoc.byLabel('1')
    expect((await declare(runtime.deps.db, fx.at('chair'), paragraphId, 'agreed_ad_ref')).ok).toBe(true)
    const { response, html } = await fx.clients.bra1.submit(
      `/negotiation/${frozenDoc.id}/amendments`,
      {
        paragraphId: String(paragraphId),
        speaker: 'member_state:BRA',
        operation: 'replace_text',
        quotedOld: 'report annually',
        newText: 'report every year',
        justification: 'Typed before the Chair declared it.',
      },
      `/paragraphs/${paragraphId}`,
    )
    expect(response.status).toBe(409)
    expect(html).toContain('Typed before the Chair declared it.</textarea>')
    // every link of the error summary leads to something on the page
    const summary = /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? ''
    const targets = [...summary.matchAll(/href="#([^"]+)"/g)].map((m) => m[1])
    expect(targets.length).toBeGreaterThan(0)
    for (const target of targets) expect(html).toContain(`id="${target}"`)
  })

  it('keeps the draft of an amendment for its author alone, and forgets it once the amendment is tabled', async () => {
    const paragraphId = doc.byLabel('2')
    const saved = await fx.clients.zaf.submit(
      `/paragraphs/${paragraphId}/amendment-draft`,
      {
        speaker: 'member_state:ZAF',
        operation: 'delete_text',
        quotedOld: '[consider]',
        newText: '',
        justification: '',
      },
      `/paragraphs/${paragraphId}`,
    )
    expect(saved.response.status).toBe(303)
    const own = (await fx.clients.zaf.get(`/paragraphs/${paragraphId}`)).html
    expect(own).toContain('[consider]</textarea>')
    expect(own).toContain('Draft saved')
    // another delegate, the Chair and a visitor see no trace of it
    for (const other of [fx.clients.bra1, fx.clients.chair, new TestClient(runtime)]) {
      const page = (await other.get(`/paragraphs/${paragraphId}`)).html
      expect(page).not.toContain('[consider]</textarea>')
      expect(page).not.toContain('Draft saved')
    }
    // the script's autosave answers in JSON
    await fx.clients.zaf.get(`/paragraphs/${paragraphId}`)
    const auto = await fx.clients.zaf.request(`/paragraphs/${paragraphId}/amendment-draft`, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'http://localhost',
      },
      body: new URLSearchParams({
        _csrf: fx.clients.zaf.lastCsrf,
        speaker: 'member_state:ZAF',
        operation: 'delete_text',
        quotedOld: '[consider] ',
      }),
    })
    expect(auto.status).toBe(200)
    expect((await auto.json()).message).toContain('Draft saved')
    // a visitor cannot save one
    expect(
      (
        await new TestClient(runtime).submit(
          `/paragraphs/${paragraphId}/amendment-draft`,
          { quotedOld: 'x' },
          `/paragraphs/${paragraphId}`,
        )
      ).response.status,
    ).toBeGreaterThanOrEqual(400)
    const tabled = await fx.clients.zaf.submit(
      `/negotiation/${doc.id}/amendments`,
      {
        paragraphId: String(paragraphId),
        speaker: 'member_state:ZAF',
        operation: 'delete_text',
        quotedOld: '[consider]',
      },
      `/paragraphs/${paragraphId}`,
    )
    expect(tabled.response.status).toBe(303)
    const after = (await fx.clients.zaf.get(`/paragraphs/${paragraphId}`)).html
    expect(after).not.toContain('Draft saved')
    expect(after).toContain('data-keep="amendment:')
  })

  it('brings back a silence procedure under 72 hours with the paragraphs ticked and the deadline as typed', async () => {
    const para = doc.byLabel('3')
    const soon = local(new Date(Date.now() + 24 * 3_600_000))
    const { response, html } = await fx.clients.chair.submit(
      `/negotiation/${doc.id}/silence`,
      { paragraphIds: [String(para)], deadline: soon },
      `/negotiation/${doc.id}`,
    )
    expect(response.status).toBe(422)
    expect(html).toMatch(new RegExp(`id="sil-${para}" value="${para}" checked`))
    expect(html).toContain(`value="${soon}"`)
    expect(html).toMatch(/<p class="error" id="sil-deadline-error">[^<]*72/)
    expect(html).not.toContain('request is not valid')
  })
})
