// The reporting cycle on each database: the Secretariat opens it and invites (a notice, mailed), a
// representative saves drafts and submits, which publishes and locks the report; a resubmission
// is a new recorded version; the board shows who is late; reminders go once a week; the
// synthesis counts the year per issue against the year before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { createOrganization } from '../actors/index.ts'
import { createBody } from '../bodies/index.ts'
import { createDocument, declare, paragraphsOf, parseUnText } from '../negotiation/index.ts'
import { readAuditLog } from '../notifications/index.ts'
import { createProcess } from '../processes/index.ts'
import { openCycle, saveDraft, sendReminders, submitReport } from './commands.ts'
import { versionsOf } from './queries.ts'

describe.each(DATABASE_KINDS)('annual reports on %s', (kind) => {
  let runtime: TestRuntime
  let orgA: number
  let orgB: number
  let rep: Awaited<ReturnType<typeof accountWithRole>>

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    const make = async (acronym: string) => {
      const created = await createOrganization(
        runtime.deps.db,
        { actor: SYSTEM, now: new Date() },
        { acronym, name: { en: `${acronym} Union` }, stakeholderGroup: 'intergovernmental_organization' },
      )
      if (!created.ok) throw new Error(JSON.stringify(created.error))
      return created.value.id
    }
    orgA = await make('AAU')
    orgB = await make('BBU')
    rep = await accountWithRole(
      runtime,
      'stakeholder_representative',
      { type: 'organization', id: String(orgA) },
      'Rep of A',
    )
    // the year the draft test writes in; every other test opens its own year
    await openCycle(
      runtime.deps.db,
      { actor: SYSTEM, now: new Date() },
      { year: 2025, deadline: '2026-03-31', organizationIds: [orgA, orgB] },
    )
  })
  afterAll(() => runtime.close())

  // invitations and reminders reach people as notices: the notices job reads the audit log, then mails
  const outbox = async (now = new Date()) => {
    await readAuditLog(runtime.deps.db, runtime.deps, now)
    return runtime.deps.db
      .selectFrom('coreMailOutbox')
      .select(['toAddress', 'subject'])
      .where('kind', '=', 'notice')
      .execute()
  }

  it('opens a cycle only for the Secretariat, and invites the organizations’ representatives by mail', async () => {
    const { client: secretariat } = await accountWithRole(runtime, 'secretariat')
    // an organization nobody represents yet: invited, but nobody to mail
    const unrepresented = await createOrganization(
      runtime.deps.db,
      { actor: SYSTEM, now: new Date() },
      { acronym: 'CCU', name: { en: 'CCU Union' }, stakeholderGroup: 'intergovernmental_organization' },
    )
    if (!unrepresented.ok) throw new Error(JSON.stringify(unrepresented.error))
    const refused = await rep.client.submit(
      '/annual-reports',
      { year: '2026', deadline: '2027-03-31', organizationIds: [String(orgA)] },
      '/annual-reports',
    )
    expect(refused.response.status).toBe(403)
    const opened = await secretariat.submit(
      '/annual-reports',
      { year: '2026', deadline: '2027-03-31', organizationIds: [String(orgA), String(unrepresented.value.id)] },
      '/annual-reports/new',
    )
    expect(opened.response.status).toBe(303)
    const again = await secretariat.submit(
      '/annual-reports',
      { year: '2026', deadline: '2027-03-31', organizationIds: [String(orgA)] },
      '/annual-reports/new',
    )
    expect(again.response.status).toBe(409)
    const invitations = (await outbox()).filter((m) => m.subject.includes('2026 annual report'))
    expect(invitations.map((m) => m.toAddress)).toEqual([rep.email])
  })

  it('records the recommendations an organization’s report says it implements as their follow-up, shown on the report and in the synthesis', async () => {
    const db = runtime.deps.db
    const system = { actor: SYSTEM, now: new Date() }
    const body = await createBody(db, system, { slug: 'wg-follow', name: 'Working Group on Follow-up' })
    if (!body.ok) throw new Error('body')
    const process = await createProcess(db, system, {
      bodyId: body.value.id,
      slug: 'wg-follow-p',
      title: 'Follow-up',
      mandateSymbol: 'A/RES/70/125',
    })
    if (!process.ok) throw new Error('process')
    const doc = await createDocument(db, system, {
      processId: process.value.id,
      title: 'Draft',
      imported: parseUnText('Draft\n\n1. Recommends that all relevant organizations report annually;\n'),
    })
    if (!doc.ok) throw new Error('document')
    const [paragraph] = await paragraphsOf(db, doc.value.id)
    if (!paragraph) throw new Error('paragraph')
    await declare(db, system, paragraph.id, 'agreed_ad_ref')
    await declare(db, system, paragraph.id, 'adopted')
    const { client: secretariat } = await accountWithRole(runtime, 'secretariat', null, 'Secretariat officer')
    const issued = await secretariat.submit(`/processes/${process.value.id}/report/issue`, {
      documentId: String(doc.value.id),
      symbol: 'E/CN.16/2018/CRP.9',
      distribution: 'general',
      issuedOn: '2018-05-14',
      originalLanguage: 'en',
    })
    expect(issued.response.status).toBe(303)
    await openCycle(db, system, { year: 2035, deadline: '2036-03-31', organizationIds: [orgA] })
    const page = `/annual-reports/2035/report?organization=${orgA}`
    expect((await rep.client.get(page)).html).toContain('E/CN.16/2018/CRP.9, 1.')
    const submitted = await rep.client.submit(
      `/annual-reports/2035/report/submit?organization=${orgA}`,
      { actions: 'We report annually.', issues: ['spam'], implements: [String(paragraph.id)] },
      page,
    )
    expect(submitted.response.status).toBe(303)
    const report = await new TestClient(runtime).get(`/processes/${process.value.id}/report`)
    expect(report.html).toContain('2035: Under way (Annual report: AAU Union 2035)')
    const synthesis = await new TestClient(runtime).get('/annual-reports/2035/synthesis')
    expect(synthesis.html).toContain('Follow-up of recommendations in 2035')
    expect(synthesis.html).toMatch(/E\/CN\.16\/2018\/CRP\.9, 1\.<\/span>: Under way/)
  })

  it('lets the Secretariat key in an organization’s report, recorded as such on the published report', async () => {
    await openCycle(
      runtime.deps.db,
      { actor: SYSTEM, now: new Date() },
      { year: 2033, deadline: '2034-03-31', organizationIds: [orgA, orgB] },
    )
    const { client: secretariat } = await accountWithRole(runtime, 'secretariat', null, 'Secretariat officer')
    // the board offers the Secretariat every invited organization's form
    expect((await secretariat.get('/annual-reports/2033')).html).toContain(
      `/annual-reports/2033/report?organization=${orgB}`,
    )
    const page = `/annual-reports/2033/report?organization=${orgB}`
    const keyed = await secretariat.submit(
      `/annual-reports/2033/report/submit?organization=${orgB}`,
      { actions: 'Workshops, as in the PDF the organization sent.', issues: ['spam'] },
      page,
    )
    expect(keyed.response.status).toBe(303)
    const published = await new TestClient(runtime).get(keyed.response.headers.get('location') as string)
    expect(published.html).toContain('Keyed in by the Secretariat on the organization')
    const [version] = await versionsOf(
      runtime.deps.db,
      Number(keyed.response.headers.get('location')?.split('/').at(-1)),
    )
    expect(version?.keyedInBySecretariat).toBe(true)
    // the organization's own representative submits without the note
    const own = await rep.client.submit(
      `/annual-reports/2033/report/submit?organization=${orgA}`,
      { actions: 'Our own account.', issues: ['spam'] },
      `/annual-reports/2033/report?organization=${orgA}`,
    )
    expect(own.response.status).toBe(303)
    const ownPage = await new TestClient(runtime).get(own.response.headers.get('location') as string)
    expect(ownPage.html).not.toContain('Keyed in by the Secretariat')
  })

  it('keeps the draft as written and publishes only on submission, then locks it to new versions', async () => {
    const page = `/annual-reports/2025/report?organization=${orgA}`
    const saved = await rep.client.submit(
      `/annual-reports/2025/report/draft?organization=${orgA}`,
      {
        actions: 'We convened two open consultations.',
        'characteristics.transparency': 'Meetings webcast',
        // a characteristic whose name has an underscore: once lost on reading the draft back
        'characteristics.collaborative_approach': 'Joint drafting with the regional commissions',
      },
      page,
    )
    expect(saved.response.status).toBe(303)
    const reread = (await rep.client.get(page)).html
    expect(reread).toContain('We convened two open consultations.')
    expect(reread).toContain('Meetings webcast')
    expect(reread).toContain('Joint drafting with the regional commissions')
    expect((await new TestClient(runtime).json('/api/v1/annual-reports?year=2025')).body.data).toHaveLength(0)
    // the autosave script posts the same form and reads JSON back
    const json = await rep.client.request(`/annual-reports/2025/report/draft?organization=${orgA}`, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: rep.client.lastCsrf, actions: 'We convened three open consultations.' }),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'http://localhost',
        accept: 'application/json',
      },
    })
    expect(json.status).toBe(200)
    expect((await json.json()).message).toContain('Draft saved')
    const incomplete = await rep.client.submit(
      `/annual-reports/2025/report/submit?organization=${orgA}`,
      { actions: 'We convened three open consultations.' },
      page,
    )
    expect(incomplete.response.status).toBe(422)
    expect(incomplete.html).toContain('Choose at least one issue')
    expect(incomplete.html).toContain('We convened three open consultations.')
    const submitted = await rep.client.submit(
      `/annual-reports/2025/report/submit?organization=${orgA}`,
      { actions: 'We convened three open consultations.', issues: ['cybercrime', 'spam'] },
      page,
    )
    expect(submitted.response.status).toBe(303)
    const published = await new TestClient(runtime).json('/api/v1/annual-reports?year=2025')
    expect(published.body.data).toHaveLength(1)
    expect(published.body.data[0].content.issues).toEqual(['cybercrime', 'spam'])
    // a later draft does not change what is published; resubmitting records version 2
    await saveDraft(runtime.deps.db, { actor: SYSTEM, now: new Date() }, 2025, orgA, {
      actions: 'Corrected.',
      issues: ['cybercrime'],
    })
    expect((await new TestClient(runtime).json('/api/v1/annual-reports?year=2025')).body.data[0].content.actions).toBe(
      'We convened three open consultations.',
    )
    const second = await submitReport(runtime.deps.db, { actor: SYSTEM, now: new Date() }, 2025, orgA)
    expect(second.ok && second.value.version).toBe(2)
    const id = published.body.data[0].id
    expect((await versionsOf(runtime.deps.db, id)).map((v) => v.number)).toEqual([1, 2])
    // another organization's representative may not write this report
    const other = await rep.client.submit(
      `/annual-reports/2025/report/draft?organization=${orgB}`,
      { actions: 'x' },
      '/annual-reports/2025',
    )
    expect(other.response.status).toBe(403)
  })

  it('shows who is late on the board and reminds them at most once a week', async () => {
    const ctx = { actor: SYSTEM, now: new Date() }
    await openCycle(runtime.deps.db, ctx, { year: 2029, deadline: '2030-03-31', organizationIds: [orgA, orgB] })
    await saveDraft(runtime.deps.db, ctx, 2029, orgA, { actions: 'Consultations held', issues: ['spam'] })
    await submitReport(runtime.deps.db, ctx, 2029, orgA)
    const board = (await new TestClient(runtime).get('/annual-reports/2029')).html
    expect(board).toContain('Submitted and published')
    expect(board).toContain('Invited')
    const rep2 = await accountWithRole(
      runtime,
      'stakeholder_representative',
      { type: 'organization', id: String(orgB) },
      'Rep of B',
    )
    // two days of the same week after the deadline: one reminder, to the late organization only
    await sendReminders(runtime.deps.db, new Date('2030-04-02T08:00:00Z'))
    await sendReminders(runtime.deps.db, new Date('2030-04-03T08:00:00Z'))
    const reminders = (await outbox()).filter((m) => m.subject.startsWith('Reminder') && m.subject.includes('2029'))
    expect(reminders.map((m) => m.toAddress)).toEqual([rep2.email])
  })

  it('compiles the synthesis per issue against the previous year, in HTML, Word and JSON', async () => {
    const ctx = { actor: SYSTEM, now: new Date() }
    await openCycle(runtime.deps.db, ctx, { year: 2027, deadline: '2028-03-31', organizationIds: [orgB] })
    await saveDraft(runtime.deps.db, ctx, 2027, orgB, { actions: 'Earlier work', issues: ['cybercrime'] })
    await submitReport(runtime.deps.db, ctx, 2027, orgB)
    await openCycle(runtime.deps.db, ctx, { year: 2028, deadline: '2029-03-31', organizationIds: [orgA] })
    await saveDraft(runtime.deps.db, ctx, 2028, orgA, { actions: 'This year', issues: ['cybercrime', 'spam'] })
    await submitReport(runtime.deps.db, ctx, 2028, orgA)
    const synthesis = await new TestClient(runtime).json('/annual-reports/2028/synthesis.json')
    const cyber = synthesis.body.data.issues.find((i: { issue: string }) => i.issue === 'cybercrime')
    expect(cyber).toEqual({ issue: 'cybercrime', organizations: [orgA], previous: 1 })
    const spam = synthesis.body.data.issues.find((i: { issue: string }) => i.issue === 'spam')
    expect(spam).toEqual({ issue: 'spam', organizations: [orgA], previous: 0 })
    expect(synthesis.body.data.previousYear).toBe(2027)
    const page = (await new TestClient(runtime).get('/annual-reports/2028/synthesis')).html
    expect(page).toContain('AAU Union')
    const docx = await new TestClient(runtime).request('/annual-reports/2028/synthesis.docx')
    expect(docx.headers.get('content-type')).toContain('wordprocessingml')
  })

  it('refuses an over-long answer beside its field, keeping what was typed, and keeps the draft as it was', async () => {
    const opened = await openCycle(
      runtime.deps.db,
      { actor: SYSTEM, now: new Date() },
      { year: 2031, deadline: '2032-03-31', organizationIds: [orgA] },
    )
    expect(opened.ok).toBe(true)
    const page = `/annual-reports/2031/report?organization=${orgA}`
    const draft = `/annual-reports/2031/report/draft?organization=${orgA}`
    await rep.client.submit(draft, { actions: 'A first, short account.' }, page)
    const long = `A long account. ${'x'.repeat(20_000)}`
    const refused = await rep.client.submit(draft, { actions: long, 'characteristics.transparency': 'Webcast' }, page)
    expect(refused.response.status).toBe(422)
    expect(refused.html).toMatch(/id="field-actions-error"[^>]*>\s*Enter at most 20,000 characters/)
    expect(refused.html).toContain(long)
    expect(refused.html).toContain('Webcast')
    const tooLongCharacteristic = await rep.client.submit(
      `/annual-reports/2031/report/submit?organization=${orgA}`,
      { actions: 'Short.', issues: ['spam'], 'characteristics.transparency': 't'.repeat(10_001) },
      page,
    )
    expect(tooLongCharacteristic.response.status).toBe(422)
    expect(tooLongCharacteristic.html).toContain('id="field-characteristics-transparency-error"')
    const reread = (await rep.client.get(page)).html
    expect(reread).toContain('A first, short account.')
    expect(reread).not.toContain('A long account.')
    expect((await new TestClient(runtime).json('/api/v1/annual-reports?year=2031')).body.data).toHaveLength(0)
    const json = await rep.client.request(draft, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: rep.client.lastCsrf, actions: long }),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'http://localhost',
        accept: 'application/json',
      },
    })
    // the autosave script says the save failed; nothing is saved
    expect(json.status).toBe(400)
    expect((await rep.client.get(page)).html).toContain('A first, short account.')
  })
})
