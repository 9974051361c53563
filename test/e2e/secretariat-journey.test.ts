// The Secretariat runs a whole session in Chromium from an empty installation (issue 12, "Done
// when"): the operator makes the first administrator (`ecp role grant`), who makes a Secretariat
// officer and a Chair; the officer creates the CSTD and the Working Group with its composition,
// a member and its Chair, opens the process and its call, schedules two meetings with documents
// uploaded in two languages, records attendance; the negotiation goes to a revision and a
// silence procedure; the officer issues the report with its symbol, downloads its Word file and
// reads it, records its transmission to the CSTD and a follow-up a year later. A Kenyan delegate,
// accredited on the way, finds notices on /me/notifications and in the mail outbox.
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLogger } from '../../src/core/log.ts'
import { roleCommand } from '../../src/modules/accounts/index.ts'
import { readAuditLog } from '../../src/modules/notifications/index.ts'
import { docxPart } from '../support/docx.ts'
import { type BrowserApp, CHROMIUM, newContext, signUpAs, startBrowserApp } from './browser.ts'

const PASSWORD = 'correct horse battery staple'
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n')
const TEXT = `Draft recommendations of the Working Group on Enhanced Cooperation

Recalling paragraphs 69 to 71 of the Tunis Agenda,

1. Recommends that all relevant organizations report annually to the Commission;

2. Invites Member States to establish national focal points;

3. Decides to review progress at its next session.
`

type Value = string | string[] | { name: string; mimeType: string; buffer: Buffer }

/**
 * Fills the form posting to `action` (by field name, as a person picks each field) and sends it;
 * fails with the page's error summary when the form comes back refused.
 */
async function send(page: Page, action: string, fields: Record<string, Value>, button?: string) {
  const form = page.locator(`form[action="${action}"]`).first()
  // a form folded in <details> is opened, as a person clicks its summary
  for (const summary of await page.locator('details:not([open])', { has: form }).locator('> summary').all()) {
    await summary.click()
  }
  for (const [name, value] of Object.entries(fields)) {
    const field = form.locator(`[name="${name}"], [name="${name}[]"]`)
    const kind = await field.first().evaluate((e) => `${e.tagName.toLowerCase()}:${e.getAttribute('type') ?? ''}`)
    if (kind.startsWith('select')) await field.first().selectOption(value as string)
    else if (kind.endsWith(':radio') || kind.endsWith(':checkbox')) {
      if (value === '*') for (const box of await field.all()) await box.check()
      else for (const v of [value].flat() as string[]) await field.and(page.locator(`[value="${v}"]`)).check()
    } else if (kind.endsWith(':file'))
      await field.first().setInputFiles(value as { name: string; mimeType: string; buffer: Buffer })
    else await field.first().fill(value as string)
  }
  const submit = button ? form.getByRole('button', { name: button }) : form.locator('button[type="submit"]').first()
  const [response] = await Promise.all([page.waitForNavigation(), submit.click()])
  const summary = page.locator('.error-summary')
  if ((await summary.count()) > 0) {
    throw new Error(
      `${action} refused: ${(await page.locator('.error-summary li, .field-error').allInnerTexts()).join(' | ')}`,
    )
  }
  expect(response?.status(), `${action} answered ${response?.status()} at ${page.url()}`).toBeLessThan(400)
  return page.url()
}

/** The text of what `locator` finds, its white space as one space. */
const textOf = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ')

const idIn = (url: string, after: string) => Number(new URL(url).pathname.split(`/${after}/`)[1]?.split('/')[0])

describe.skipIf(!CHROMIUM)('the Secretariat runs a session in Chromium, from an empty installation', () => {
  let app: BrowserApp
  beforeAll(async () => {
    app = await startBrowserApp({ demo: false })
  }, 120_000)
  afterAll(() => app?.close())

  async function person(name: string, email: string) {
    const page = await (await newContext(app)).newPage()
    await signUpAs(page, app, { name, email, password: PASSWORD })
    return page
  }
  /** What the notices job makes of the audit log (the test server runs no worker). */
  const noticesRun = () => readAuditLog(app.runtime.deps.db, app.runtime.deps, new Date())
  async function noticesOf(page: Page) {
    await noticesRun()
    await page.goto('/me/notifications?lang=en')
    // names arrive isolated (U+2066..U+2069) so a title in another script keeps its order
    return (await textOf(page.locator('main'))).replace(/[\u2066-\u2069]/g, '')
  }
  async function outboxTo(staff: Page, email: string) {
    await staff.goto('/administration/outbox?lang=en')
    return (await staff.locator('article.card', { hasText: email }).allInnerTexts()).join('\n')
  }

  it('runs the journey', { timeout: 900_000 }, async () => {
    const today = new Date().toISOString().slice(0, 10)
    const year = new Date().getUTCFullYear()

    // the operator makes the first administrator of the empty installation
    const admin = await person('Ada Operator', 'admin@unctad.example')
    const ctx = { deps: app.runtime.deps, log: createLogger('error'), out: () => {} }
    expect(await roleCommand.run(['grant', 'admin@unctad.example', 'administrator'], ctx)).toBe(0)
    const officer = await person('Sofia Officer', 'officer@unctad.example')
    const chair = await person('Peter Chair', 'chair@wgec.example')
    await admin.goto('/administration/roles?lang=en')
    await send(admin, '/administration/roles', { email: 'officer@unctad.example', role: 'secretariat' })

    // the officer creates the CSTD and the Working Group: composition, a member, its Chair
    await officer.goto('/bodies/new?lang=en')
    await send(officer, '/bodies/new', {
      name: 'Commission on Science and Technology for Development',
      acronym: 'CSTD',
      slug: 'cstd',
    })
    await officer.goto('/bodies/new')
    const cstdId = await officer
      .locator('[name="parentBodyId"] option', { hasText: 'Commission on Science' })
      .getAttribute('value')
    await send(officer, '/bodies/new', {
      name: 'Working Group on Enhanced Cooperation',
      acronym: 'WGEC',
      slug: 'wgec',
      parentBodyId: cstdId as string,
      memberStateSeats: '22',
      'stakeholderSeats.civil_society': '5',
      'stakeholderSeats.private_sector': '4',
    })
    await officer.goto('/bodies/wgec/members/new')
    await send(officer, '/bodies/wgec/members/new', { standing: 'member', memberStateIso3: 'KEN' })
    await officer.goto('/bodies/wgec/officers/new')
    await send(officer, '/bodies/wgec/officers/new', {
      office: 'chair',
      name: 'Peter Chair',
      memberStateIso3: 'HUN',
      selection: 'elected',
      since: today,
    })
    const body = await textOf(officer.locator('main'))
    expect(body).toContain('Peter Chair')
    expect(body).toContain('Kenya')
    await admin.goto('/administration/roles')
    const wgecId = await admin.locator('[name="bodyId"] option', { hasText: 'Working Group' }).getAttribute('value')
    await send(admin, '/administration/roles', { email: 'chair@wgec.example', role: 'chair', bodyId: wgecId as string })

    // a Kenyan delegate asks to be accredited; the officer approves
    const delegate = await person('Wanjiru Delegate', 'delegate@kenya.example')
    await delegate.goto('/accreditation?lang=en')
    await send(delegate, '/accreditation', {
      kind: 'government_delegate',
      memberState: 'KEN',
      title: 'First Secretary',
      justification: 'Permanent Mission of Kenya in Geneva',
    })
    await officer.goto('/administration/accreditation?lang=en')
    const approve = await officer.locator('form[action$="/approve"]').first().getAttribute('action')
    await send(officer, approve as string, {})
    expect(await noticesOf(delegate)).toContain('Your accreditation request was approved')

    // the process, started, and its call
    await officer.goto('/processes/new?lang=en')
    const processUrl = await send(officer, '/processes/new', {
      bodyId: wgecId as string,
      title: 'Enhanced cooperation 2026-2027',
      slug: 'wgec-2026',
      mandateSymbol: 'A/RES/70/125',
      questions: 'What are the high-level characteristics of enhanced cooperation?',
    })
    const processId = idIn(processUrl, 'processes')
    await send(officer, `/processes/${processId}/state`, {})
    // the delegate follows the process (a call's notices go to its followers)
    await delegate.goto(`/processes/${processId}`)
    await send(delegate, '/follows', {})
    await officer.goto(`/processes/${processId}/calls/new`)
    const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 16)
    await send(officer, `/processes/${processId}/calls/new`, {
      title: 'Call for contributions',
      opensAt: inDays(-1),
      closesAt: inDays(30),
      questionIds: '*',
      eligibility: 'everyone',
      languages: ['en', 'fr'],
      moderation: 'immediate',
    })

    // two meetings, each with a document in two languages, and the attendance
    const meetings: number[] = []
    for (const [n, language] of [
      [1, 'fr'],
      [2, 'es'],
    ] as const) {
      await officer.goto(`/processes/${processId}/meetings/new`)
      const meetingUrl = await send(officer, `/processes/${processId}/meetings/new`, {
        number: String(n),
        title: `Meeting ${n} of the Working Group`,
        startsAt: `${inDays(10 * n).slice(0, 10)}T10:00`,
        endsAt: `${inDays(10 * n).slice(0, 10)}T18:00`,
        venue: 'Palais des Nations, Geneva',
        agenda: 'Adoption of the agenda\nEnhanced cooperation',
      })
      const meetingId = idIn(meetingUrl, 'meetings')
      meetings.push(meetingId)
      await officer.goto(`/meetings/${meetingId}/documents/new`)
      const agendaItem = await officer
        .locator('[name="agendaItemId"] option', { hasText: 'Enhanced cooperation' })
        .getAttribute('value')
      const documentUrl = await send(officer, `/meetings/${meetingId}/documents`, {
        symbol: `E/CN.16/${year}/CRP.${n}`,
        title: `Note by the Secretariat ${n}`,
        agendaItemId: agendaItem as string,
        issuedOn: today,
        language: 'en',
        file: { name: `note-${n}.pdf`, mimeType: 'application/pdf', buffer: PDF },
      })
      const documentId = idIn(documentUrl, 'documents')
      await send(officer, `/documents/${documentId}/versions`, {
        language,
        file: { name: `note-${n}-${language}.pdf`, mimeType: 'application/pdf', buffer: PDF },
      })
      await officer.goto(`/meetings/${meetingId}`)
      expect(await officer.locator(`a[href="/documents/${documentId}/files/${language}"]`).count()).toBe(1)
      await officer.goto(`/meetings/${meetingId}/attendance`)
      await send(officer, `/meetings/${meetingId}/attendance`, {
        'entry.KEN.mode': 'in_person',
        'entry.KEN.inPerson': 'Wanjiru Delegate, First Secretary',
      })
      await officer.goto(`/meetings/${meetingId}/participants`)
      expect(await textOf(officer.locator('main'))).toContain('Wanjiru Delegate')
    }
    expect(await noticesOf(delegate)).toContain('Call for contributions “Call for contributions” opened')

    // the negotiation: the text, Kenya's support, the Chair's declarations, Rev.1, a silence
    await officer.goto(`/negotiation/new?process=${processId}`)
    const documentUrl = await send(officer, '/negotiation', {
      title: 'Draft recommendations',
      source: 'text',
      text: TEXT,
    })
    const negotiationId = idIn(documentUrl, 'negotiation')
    const paragraphIds = (
      await officer
        .locator('a[href^="/paragraphs/"]')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href') as string))
    )
      .map((h) => Number(h.split('/')[2]?.split(/[?#]/)[0]))
      .filter((id, i, all) => id > 0 && all.indexOf(id) === i)
    expect(paragraphIds.length).toBeGreaterThanOrEqual(3)
    for (const id of paragraphIds) {
      await delegate.goto(`/paragraphs/${id}`)
      await send(delegate, `/paragraphs/${id}/position`, { position: 'support' })
    }
    for (const id of paragraphIds.slice(0, -1)) {
      await chair.goto(`/paragraphs/${id}`)
      await send(chair, `/paragraphs/${id}/declare`, { declaration: 'adopted' })
    }
    await chair.goto(`/negotiation/${negotiationId}`)
    await send(chair, `/negotiation/${negotiationId}/revisions`, { changeNote: 'After the first meeting' })
    await chair.goto(`/negotiation/${negotiationId}`)
    await send(chair, `/negotiation/${negotiationId}/silence`, {
      paragraphIds: [String(paragraphIds.at(-1))],
      deadline: inDays(4),
    })
    const notices = await noticesOf(delegate)
    expect(notices).toMatch(/of “Draft recommendations” issued/)
    expect(notices).toMatch(
      /1 paragraph of “Draft recommendations” \(Enhanced cooperation 2026-2027\) circulated under silence until/,
    )
    expect(await outboxTo(admin, 'delegate@kenya.example')).toMatch(/silence/i)
    await officer.goto(`/meetings/${meetings[1]}?lang=en`)
    expect(await officer.locator('#in-force').count()).toBe(1)

    // the report, issued with its symbol, read back from Word; its transmission and follow-up
    await officer.goto(`/processes/${processId}/report/issue?lang=en`)
    await send(officer, `/processes/${processId}/report/issue`, {
      symbol: `E/CN.16/${year}/CRP.3`,
      distribution: 'general',
      issuedOn: today,
      originalLanguage: 'en',
    })
    const download = await officer.request.get(`/processes/${processId}/report.docx`)
    expect(download.status()).toBe(200)
    const xml = new TextDecoder().decode(docxPart(await download.body(), 'word/document.xml'))
    const words = xml.replace(/<[^>]+>/g, '')
    expect(words).toContain(`E/CN.16/${year}/CRP.3`)
    expect(words).toMatch(/General/)
    expect(xml).toMatch(/<w:numPr>|>1\.</)
    // the CSTD's session is a process of its own, which receives the report as a document
    await officer.goto('/processes/new?lang=en')
    const cstdProcessUrl = await send(officer, '/processes/new', {
      bodyId: cstdId as string,
      title: `CSTD session ${year + 1}`,
      slug: `cstd-${year + 1}`,
      mandateSymbol: 'E/RES/2006/46',
    })
    const cstdProcessId = idIn(cstdProcessUrl, 'processes')
    await officer.goto(`/processes/${processId}/report/issue?lang=en`)
    await send(officer, `/processes/${processId}/report/transmission`, {
      toBodyId: cstdId as string,
      toProcessId: String(cstdProcessId),
      symbol: `E/CN.16/${year}/CRP.3`,
      transmittedOn: today,
    })
    await officer.goto(`/processes/${processId}/report/issue?lang=en`)
    await send(officer, `/processes/${processId}/report/follow-up`, {
      year: String(year + 1),
      status: 'under_way',
      sourceKind: 'resolution',
      sourceReference: `E/RES/${year + 1}/12`,
    })
    await officer.goto(`/processes/${processId}/report?lang=en`)
    expect(await textOf(officer.locator('main'))).toMatch(/under way/i)
    await officer.goto(`/processes/${cstdProcessId}?lang=en`)
    expect(await textOf(officer.locator('#documents').locator('xpath=..'))).toContain(`E/CN.16/${year}/CRP.3`)
  })
})
