// The rules of the record in a real browser: a refused accreditation appealed and decided by
// another member of the Secretariat, and a concluded process reopened by its Chair only with a
// reason; each page passes axe in English and Arabic.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../src/modules/accounts/index.ts'
import { axe, type BrowserApp, CHROMIUM, newContext, signInAs, signUpAs, startBrowserApp } from './browser.ts'

/** The page, in English and in Arabic, passes axe; it is left in English. */
async function expectAccessible(page: Page, what: string) {
  const at = new URL(page.url())
  for (const lang of ['ar', 'en']) {
    at.searchParams.set('lang', lang)
    await page.goto(at.pathname + at.search)
    const violations = await axe(page)
    expect(violations, `${what} (${lang}): ${JSON.stringify(violations, null, 1)}`).toEqual([])
  }
}

describe.skipIf(!CHROMIUM)('the rules of the record in Chromium', () => {
  let app: BrowserApp
  beforeAll(async () => {
    app = await startBrowserApp()
  })
  afterAll(() => app?.close())

  it('takes a refused accreditation through an appeal decided by another member of the Secretariat', {
    timeout: 120_000,
  }, async () => {
    const person = await (await newContext(app)).newPage()
    await person.goto('/?lang=en')
    await signUpAs(person, app, {
      name: 'Amara Okafor',
      email: 'amara.okafor@example.org',
      password: 'a perfectly long passphrase',
    })
    await expect.poll(() => person.url()).toContain('/account')
    await person.goto('/accreditation')
    await person.getByLabel('Government delegate', { exact: true }).check()
    await person.getByLabel(/Member State/).selectOption('NGA')
    await person.getByLabel('Your title or function').fill('Counsellor')
    await person.getByRole('button', { name: 'Send my request' }).click()

    // the demo's Secretariat refuses; the person appeals
    const samir = await (await newContext(app)).newPage()
    await signInAs(samir, 'secretariat@ecp.example', DEMO_PASSWORD)
    await samir.goto('/administration/accreditation')
    const card = samir.locator('article', { hasText: 'Amara Okafor' })
    await card.getByLabel(/Reason for refusing/).fill('The mission has not confirmed the role yet.')
    await card.getByRole('button', { name: 'Refuse' }).click()
    await expect.poll(() => samir.locator('.flash').textContent()).toContain('refused')

    await person.goto('/accreditation')
    await person.getByText('Appeal this decision').click()
    await expectAccessible(person, 'the appeal form')
    await person.getByText('Appeal this decision').click()
    await person.getByLabel('Why the decision should be reconsidered').fill('The mission confirmed it by note verbale.')
    await person.getByRole('button', { name: 'Send my appeal' }).click()
    await expect.poll(() => person.locator('table').textContent()).toContain('Under appeal')

    // who refused may not decide the appeal; the administrator (another staff member) may
    await samir.goto('/administration/accreditation?status=appealed')
    const again = samir.locator('article', { hasText: 'Amara Okafor' })
    expect(await again.textContent()).toContain('another member of the Secretariat decides the appeal')
    expect(await again.getByRole('button').count()).toBe(0)
    const ada = await (await newContext(app)).newPage()
    await signInAs(ada, 'admin@ecp.example', DEMO_PASSWORD)
    await ada.goto('/administration/accreditation?status=appealed')
    await expectAccessible(ada, 'the appeals queue')
    await ada
      .locator('article', { hasText: 'Amara Okafor' })
      .getByRole('button', { name: 'Grant the appeal and approve' })
      .click()
    await expect.poll(() => ada.locator('.flash').textContent()).toContain('approved')
    await person.goto('/accreditation')
    expect(await person.locator('table').textContent()).toContain('The appeal was granted.')
  })

  it('lets the demo Chair reopen the concluded WGEC only with a reason, and shows it in the record', {
    timeout: 60_000,
  }, async () => {
    const chair = await (await newContext(app)).newPage()
    await signInAs(chair, 'chair@ecp.example', DEMO_PASSWORD)
    await chair.goto('/processes/1?lang=en')
    expect(await chair.locator('main').textContent()).toContain('Concluded on')
    await expectAccessible(chair, 'a concluded process, for its Chair')
    await chair.getByLabel('Reason for reopening the process').fill('Resumed session decided by the CSTD.')
    await chair.getByRole('button', { name: 'Reopen the process' }).click()
    await expect
      .poll(() => chair.locator('#state-record + ol').textContent())
      .toContain('Resumed session decided by the CSTD.')
    expect(await chair.locator('#state-record + ol').textContent()).toContain('Benedicto Fonseca Filho')
  })
})
