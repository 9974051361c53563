// The report in the reader's language, on each database: Annex I built from the processes
// module's list of participants (members who attended, those who did not, an observer not counted
// as a member), the body named in the reader's language, and dates in the UN style ("14 May 2018";
// "14 mai 2018" in French) on the page and in the Word file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestClient } from '../../../test/support/client.ts'
import { docxPart } from '../../../test/support/docx.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { xpath } from '../../../test/support/xml.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { addBodyMember } from '../bodies/index.ts'
import { createDocument, parseUnText } from '../negotiation/index.ts'
import { createBody, createProcess, recordAttendance, scheduleMeeting } from '../processes/index.ts'
import { issueReport } from './commands.ts'
import { unDate } from './rules/un-date.ts'

describe.each(DATABASE_KINDS)('the report’s annex, names and dates on %s', (kind) => {
  let runtime: TestRuntime
  let processId: number
  const system = () => ({ actor: SYSTEM, now: new Date('2018-05-10T09:00:00Z') })
  const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
    if (!r.ok) throw new Error(JSON.stringify(r.error))
    return r.value
  }

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    const db = runtime.deps.db
    const body = must(
      await createBody(db, system(), {
        slug: 'wgec-annex',
        name: 'Working Group on Enhanced Cooperation',
        names: { fr: 'Groupe de travail sur le renforcement de la coopération' },
        acronym: 'WGEC',
        memberStateSeats: 22,
      }),
    )
    for (const iso3 of ['BRA', 'EGY', 'KEN'])
      must(await addBodyMember(db, system(), body.id, { standing: 'member', memberStateIso3: iso3 }))
    processId = must(
      await createProcess(db, system(), {
        bodyId: body.id,
        slug: 'wgec-annex-p',
        title: 'WGEC',
        mandateSymbol: 'A/RES/70/125',
      }),
    ).id
    const meeting = must(
      await scheduleMeeting(db, system(), processId, {
        number: 1,
        title: 'First meeting',
        startsAt: new Date('2018-01-29T08:00:00Z'),
        endsAt: new Date('2018-01-31T17:00:00Z'),
        venue: 'Geneva',
        agenda: [{ title: 'Opening' }],
      }),
    )
    must(
      await recordAttendance(db, system(), meeting.id, {
        entries: [
          { memberStateIso3: 'BRA', mode: 'in_person', representatives: [{ name: 'Ana Souza', mode: 'in_person' }] },
          { memberStateIso3: 'EGY', mode: 'remote' },
          // not a member: attends as an observer
          { memberStateIso3: 'CHE', mode: 'in_person' },
        ],
      }),
    )
    const doc = must(
      await createDocument(db, system(), {
        processId,
        title: 'Draft',
        imported: parseUnText('1. Recommends a thing;'),
      }),
    )
    must(
      await issueReport(db, system(), processId, {
        documentId: doc.id,
        symbol: 'E/CN.16/2018/CRP.3',
        distribution: 'general',
        issuedOn: '2018-05-14',
        originalLanguage: 'en',
      }),
    )
  })
  afterAll(() => runtime.close())

  it('lists who of the members attended from the list of participants, not counting an observer', async () => {
    const json = (await new TestClient(runtime).json(`/processes/${processId}/report.json`)).body.data
    expect(json.members.memberStates).toEqual(['Brazil', 'Egypt', 'Kenya'])
    expect(json.members.attendance).toEqual({ recorded: true, attended: ['Brazil', 'Egypt'] })
    const { html } = await new TestClient(runtime).get(`/processes/${processId}/report`)
    expect(html).toContain('2 members attended at least one meeting.')
    expect(html).toMatch(/Kenya.*did not attend/s)
  })

  it('names the body and the States in the reader’s language and dates the report in the UN style', async () => {
    const en = (await new TestClient(runtime).get(`/processes/${processId}/report`)).html
    expect(en).toContain('<dd>14 May 2018</dd>')
    expect(en).toContain('from 29 January 2018 to 31 January 2018')
    const fr = (await new TestClient(runtime).get(`/processes/${processId}/report?lang=fr`)).html
    expect(fr).toContain('Groupe de travail sur le renforcement de la coopération')
    expect(fr).toContain('<dd>14 mai 2018</dd>')
    expect(fr).toContain('Brésil')
    const docx = await new TestClient(runtime).request(`/processes/${processId}/report.docx`)
    const text = xpath(
      docxPart(new Uint8Array(await docx.arrayBuffer()), 'word/document.xml') as Uint8Array,
      'string(/)',
    )
    expect(text).toContain('14 May 2018')
    expect(text).not.toContain('May 14, 2018')
  })

  it('writes each language’s date as the UN does', () => {
    expect(unDate('en', '2026-12-06')).toBe('6 December 2026')
    expect(unDate('fr', '2026-12-06')).toBe('6 décembre 2026')
    expect(unDate('es', '2026-12-06')).toBe('6 de diciembre de 2026')
    expect(unDate('ru', '2026-12-06')).toBe('6 декабря 2026 г.')
    expect(unDate('zh', '2026-12-06')).toBe('2026年12月6日')
    expect(unDate('ar', '2026-12-06')).toContain('2026')
    // a calendar date is that day wherever the reader is
    expect(unDate('en', new Date('2026-12-06T23:30:00Z'))).toBe('6 December 2026')
  })
})
