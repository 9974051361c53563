// A report made ready to issue, on each database, through the pages as the Secretariat and others
// use them: the symbol, distribution and date set (and refused from anyone else, or when the
// symbol is not one, with what was typed kept), the document and revision chosen, the Word file
// read back (symbol block, numbered recommendations, italic preambular style, annexes), divergent
// views attributed, paragraphs not considered listed, explanations of position in their annex,
// Akoma Ntoso still valid, the transmission received by the parent's process, and follow-up.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, type TestClient } from '../../../test/support/client.ts'
import { docxPart, docxToText, soffice } from '../../../test/support/docx.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { el, validateXsd, xpath } from '../../../test/support/xml.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { createDocument, declare, paragraphsOf, parseUnText, recordStatement } from '../negotiation/index.ts'
import { createBody, createProcess } from '../processes/index.ts'

const SCHEMA = join(import.meta.dirname, '..', '..', '..', 'reference', 'akn', 'akomantoso30.xsd')

const TEXT = `Draft recommendations

Recalling paragraphs 69 to 71 of the Tunis Agenda,

1. Recommends that all relevant organizations report annually to the Commission;

2. Recommends establishing a new intergovernmental body;

3. Invites Member States to designate national focal points;

4. Encourages [capacity building] in developing countries;
`

describe.each(DATABASE_KINDS)('issuing a report on %s', (kind) => {
  let runtime: TestRuntime
  let processId: number
  let cstdBodyId: number
  let cstdProcessId: number
  let documentId: number
  let secretariat: TestClient
  let chair: TestClient
  const ids: Record<string, number> = {}
  const system = () => ({ actor: SYSTEM, now: new Date('2026-05-10T09:00:00Z') })
  const page = () => `/processes/${processId}/report/issue`
  const issue = (fields: Record<string, string> = {}) => ({
    documentId: String(documentId),
    revision: '',
    symbol: 'E/CN.16/2018/CRP.3',
    distribution: 'general',
    issuedOn: '2018-05-14',
    originalLanguage: 'en',
    agendaItem: 'Item 3 of the provisional agenda',
    session: 'Twenty-first session',
    ...fields,
  })
  // issued by the page's one form (it issues once, then corrects), so a test needing the issued
  // report does not depend on another having run first
  const issued = async () => expect((await secretariat.submit(page(), issue())).response.status).toBe(303)

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    const db = runtime.deps.db
    const cstd = await createBody(db, system(), {
      slug: 'cstd',
      name: 'Commission on Science and Technology for Development',
      acronym: 'CSTD',
    })
    if (!cstd.ok) throw new Error('cstd')
    cstdBodyId = cstd.value.id
    const wg = await createBody(db, system(), {
      slug: 'wgec',
      name: 'Working Group on Enhanced Cooperation',
      acronym: 'WGEC',
      parentBodyId: cstdBodyId,
    })
    if (!wg.ok) throw new Error('wg')
    const p = await createProcess(db, system(), {
      bodyId: wg.value.id,
      slug: 'wgec-2',
      title: 'WGEC 2016-2018',
      mandateSymbol: 'A/RES/70/125',
    })
    const q = await createProcess(db, system(), {
      bodyId: cstdBodyId,
      slug: 'cstd-21',
      title: 'CSTD 21st session',
      mandateSymbol: 'E/RES/2006/46',
    })
    if (!p.ok || !q.ok) throw new Error('process')
    processId = p.value.id
    cstdProcessId = q.value.id
    const created = await createDocument(db, system(), {
      processId,
      title: 'Draft recommendations',
      imported: parseUnText(TEXT),
    })
    if (!created.ok) throw new Error(JSON.stringify(created.error))
    documentId = created.value.id
    for (const para of await paragraphsOf(db, documentId)) ids[para.label?.replace(/\.$/, '') ?? 'preamble'] = para.id
    const settle = async (label: string, outcome: 'adopted' | 'no_consensus') => {
      if (outcome === 'adopted') {
        const adRef = await declare(db, system(), ids[label] as number, 'agreed_ad_ref')
        if (!adRef.ok) throw new Error(JSON.stringify(adRef.error))
      }
      const done = await declare(db, system(), ids[label] as number, outcome)
      if (!done.ok) throw new Error(JSON.stringify(done.error))
    }
    await settle('preamble', 'adopted')
    await settle('1', 'adopted')
    await settle('2', 'no_consensus')
    await settle('3', 'adopted')
    // 4 stays bracketed: never declared
    const explained = await recordStatement(db, system(), documentId, {
      kind: 'explanation',
      memberStateIso3: 'BRA',
      paragraphId: ids['1'],
      text: 'Brazil joins the consensus on the understanding that reporting is voluntary.',
    })
    if (!explained.ok) throw new Error(JSON.stringify(explained.error))
    secretariat = (await accountWithRole(runtime, 'secretariat', null, 'Secretariat officer')).client
    chair = (await accountWithRole(runtime, 'chair', { type: 'body', id: String(wg.value.id) }, 'Chair')).client
  })
  afterAll(() => runtime.close())

  it('refuses the report’s issue page and its forms to the Chair: the symbol is the Secretariat’s', async () => {
    expect((await chair.get(page())).response.status).toBe(403)
    const before = (await chair.json(`/processes/${processId}/report.json`)).body.data.issue
    const { response } = await chair.submit(
      `/processes/${processId}/report/issue`,
      issue(),
      `/processes/${processId}/report`,
    )
    expect(response.status).toBe(403)
    // whatever was issued before (tests run in any order), the Chair's attempt changed nothing
    const json = await chair.json(`/processes/${processId}/report.json`)
    expect(json.body.data.issue).toEqual(before)
  })

  it('refuses a symbol that is not one, keeping what was typed with the reason beside the field', async () => {
    const { response, html } = await secretariat.submit(page(), issue({ symbol: 'report of the group' }))
    expect(response.status).toBe(422)
    expect(html).toContain('value="report of the group"')
    expect(html).toContain('This is not a UN document symbol')
    expect(html).toContain('aria-invalid="true"')
  })

  it('sets the symbol, distribution and date, and the Word file carries them in the UN layout with numbered recommendations', async () => {
    const { response } = await secretariat.submit(page(), issue())
    expect(response.status).toBe(303)
    const docx = await secretariat.request(`/processes/${processId}/report.docx`)
    expect(docx.status).toBe(200)
    const bytes = new Uint8Array(await docx.arrayBuffer())
    const xml = docxPart(bytes, 'word/document.xml') as Uint8Array
    const text = xpath(xml, 'string(/)')
    expect(text).toContain('E/CN.16/2018/CRP.3')
    expect(text).toContain('Distr.: General')
    expect(text).toContain('14 May 2018')
    expect(text).toContain('Item 3 of the provisional agenda')
    const numbered = (words: string) =>
      xpath(xml, `string((//${el('p')}[contains(string(.), '${words}')]//${el('t')})[1])`)
    // recommendations 1 and 3 of the negotiation are 1 and 2 of the report; 2 did not reach consensus
    expect(numbered('report annually')).toBe('1.')
    expect(numbered('national focal points')).toBe('2.')
    expect(numbered('new intergovernmental body')).toBe('1 bis')
    const style = (words: string) =>
      xpath(
        xml,
        `string(//${el('p')}[contains(string(.), '${words}')]/${el('pPr')}/${el('pStyle')}/@*[local-name()='val'])`,
      )
    expect(style('Recalling paragraphs 69')).toBe('Preambular')
    expect(style('report annually')).toBe('SingleTxt')
    // attributed as the body decided: unattributed by default, to named States once the attribution test ran
    expect(text).toMatch(/(Some participants|Brazil and Egypt) held the following view:/)
    // the paragraph never declared is listed, not dropped
    expect(text).toContain('Paragraphs not considered')
    expect(text).toContain('Encourages [capacity building]')
    // the explanation of position in its annex, with its State
    expect(text).toContain('Brazil: Explanation of position on paragraph 1.')
    const lo = soffice()
    if (lo) {
      const seen = docxToText(bytes, lo)
      expect(seen).toContain('E/CN.16/2018/CRP.3')
      expect(seen).toContain('Distr.: General')
      expect(seen).toMatch(/1\.\s+Recommends that all relevant organizations/)
    }
  })

  it('attributes a divergent view to the States that asked, and refuses an attribution to States without naming one', async () => {
    await issued()
    const refused = await secretariat.submit(
      `/processes/${processId}/report/attribution`,
      { paragraphId: String(ids['2']), attribution: 'states', memberStates: '' },
      page(),
    )
    expect(refused.response.status).toBe(422)
    expect(refused.html).toContain('Name the States that asked to be named.')
    const unknown = await secretariat.submit(
      `/processes/${processId}/report/attribution`,
      { paragraphId: String(ids['2']), attribution: 'states', memberStates: 'XYZ' },
      page(),
    )
    expect(unknown.response.status).toBe(422)
    expect(unknown.html).toContain('value="XYZ"')
    const done = await secretariat.submit(
      `/processes/${processId}/report/attribution`,
      { paragraphId: String(ids['2']), attribution: 'states', memberStates: 'BRA EGY' },
      page(),
    )
    expect(done.response.status).toBe(303)
    const { html } = await secretariat.get(`/processes/${processId}/report`)
    expect(html).toContain('Brazil and Egypt held the following view:')
  })

  it('still emits Akoma Ntoso that validates, numbered after the symbol, with the paragraphs not considered marked', async () => {
    await issued()
    const xml = await (await secretariat.request(`/processes/${processId}/report.xml`)).text()
    expect(validateXsd(xml, SCHEMA)).toMatchObject({ ok: true })
    expect(xml).toContain('E-CN.16-2018-CRP.3')
    expect(xpath(xml, `count(//*[@refersTo='#notConsidered'])`)).toBe('1')
  })

  it('records the transmission to the CSTD from the Secretariat only, and the CSTD’s process lists the report among its documents', async () => {
    await issued()
    const fields = {
      toBodyId: String(cstdBodyId),
      toProcessId: String(cstdProcessId),
      symbol: 'E/CN.16/2018/CRP.3',
      transmittedOn: '2018-05-14',
    }
    expect(
      (await chair.submit(`/processes/${processId}/report/transmission`, fields, `/processes/${processId}/report`))
        .response.status,
    ).toBe(403)
    const wrong = await secretariat.submit(
      `/processes/${processId}/report/transmission`,
      { ...fields, toProcessId: String(processId) },
      page(),
    )
    expect(wrong.response.status).toBe(422)
    const done = await secretariat.submit(`/processes/${processId}/report/transmission`, fields, page())
    expect(done.response.status).toBe(303)
    const { html } = await secretariat.get(`/processes/${cstdProcessId}`)
    expect(html).toContain('E/CN.16/2018/CRP.3')
  })

  it('records a follow-up a year later, shown beside the recommendation, and refuses one on a paragraph that is not a recommendation', async () => {
    await issued()
    const notOne = await secretariat.submit(
      `/processes/${processId}/report/follow-up`,
      {
        paragraphId: String(ids['2']),
        year: '2019',
        status: 'under_way',
        sourceKind: 'resolution',
        sourceReference: 'E/RES/2019/24',
      },
      page(),
    )
    expect(notOne.response.status).toBe(422)
    expect(notOne.html).toContain('value="E/RES/2019/24"')
    const done = await secretariat.submit(
      `/processes/${processId}/report/follow-up`,
      {
        paragraphId: String(ids['1']),
        year: '2019',
        status: 'implemented',
        sourceKind: 'resolution',
        sourceReference: 'E/RES/2019/24',
      },
      page(),
    )
    expect(done.response.status).toBe(303)
    const { html } = await secretariat.get(`/processes/${processId}/report`)
    expect(html).toMatch(/2019: Implemented \(Resolution: E\/RES\/2019\/24\)/)
  })

  it('takes a State’s own explanation of position from its delegation, not from another State’s, and puts it in the annex', async () => {
    const egypt = (
      await accountWithRole(runtime, 'government_delegate', { type: 'member_state', id: 'EGY' }, 'Egypt delegate')
    ).client
    const kenya = (
      await accountWithRole(runtime, 'government_delegate', { type: 'member_state', id: 'KEN' }, 'Kenya delegate')
    ).client
    const fields = {
      kind: 'reservation',
      memberStateIso3: 'EGY',
      paragraphId: String(ids['3']),
      text: 'Egypt reserves its position on focal points.',
    }
    const refused = await kenya.submit(`/negotiation/${documentId}/statements`, fields, `/negotiation/${documentId}`)
    expect(refused.response.status).toBe(403)
    const page = await egypt.get(`/negotiation/${documentId}`)
    expect(page.html).toContain('id="own-text"')
    const filed = await egypt.submit(`/negotiation/${documentId}/statements`, fields, `/negotiation/${documentId}`)
    expect(filed.response.status).toBe(303)
    const { html } = await egypt.get(`/processes/${processId}/report`)
    expect(html).toContain('Egypt: Reservation on paragraph 2.')
    expect(html).toContain('Egypt reserves its position on focal points.')
  })
})
