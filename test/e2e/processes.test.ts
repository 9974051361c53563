// Policy processes in a real browser: the new pages pass axe in English and Arabic, and a
// civil-society representative goes from sign-up to an answered and revised contribution that
// the Secretariat then finds in the Word compilation.
import mammoth from 'mammoth'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../src/modules/accounts/index.ts'
import {
  CHAIR_PAGES,
  PROCESS_PUBLIC_PAGES as PUBLIC_PAGES,
  PROCESS_REPRESENTATIVE_PAGES as REPRESENTATIVE_PAGES,
  PROCESS_STAFF_PAGES as STAFF_PAGES,
} from './axe-pages.ts'
import { axe, type BrowserApp, CHROMIUM, newContext, signInAs, signUpAs, startBrowserApp } from './browser.ts'

async function expectAccessible(page: Page, path: string) {
  const violations = await axe(page)
  expect(violations, `${path}: ${JSON.stringify(violations, null, 1)}`).toEqual([])
}

describe.skipIf(!CHROMIUM)('policy processes in Chromium', () => {
  let app: BrowserApp
  beforeAll(async () => {
    app = await startBrowserApp()
  })
  afterAll(() => app?.close())

  for (const lang of ['en', 'ar'] as const) {
    it(`has no axe violations on the processes' pages, in ${lang === 'en' ? 'English' : 'Arabic'}`, {
      timeout: 600_000,
    }, async () => {
      const context = await newContext(app)
      const page = await context.newPage()
      await page.goto(`/?lang=${lang}`)
      for (const path of PUBLIC_PAGES) {
        const response = await page.goto(path)
        expect(response?.status(), path).toBe(200)
        if (lang === 'ar') expect(await page.getAttribute('html', 'dir')).toBe('rtl')
        await expectAccessible(page, path)
      }
      // APC's representative may revise APC's contribution; the Secretariat's pages need staff
      await page.goto('/sign-in?lang=en')
      await signInAs(page, 'apc@ecp.example', DEMO_PASSWORD)
      await page.goto(`/account?lang=${lang}`)
      for (const path of REPRESENTATIVE_PAGES) {
        const response = await page.goto(path)
        expect(response?.status(), path).toBe(200)
        await expectAccessible(page, path)
      }
      await context.close()
      const staff = await (await newContext(app)).newPage()
      await staff.goto('/sign-in?lang=en')
      await signInAs(staff, 'secretariat@ecp.example', DEMO_PASSWORD)
      await staff.goto(`/account?lang=${lang}`)
      for (const path of STAFF_PAGES) {
        const response = await staff.goto(path)
        expect(response?.status(), path).toBe(200)
        await expectAccessible(staff, path)
      }
      // the Chair: the paragraph of a text opened from a proposal shows which wordings of the
      // proposal's deliberation bridge the groups
      const chair = await (await newContext(app)).newPage()
      await chair.goto('/sign-in?lang=en')
      await signInAs(chair, 'chair@ecp.example', DEMO_PASSWORD)
      await chair.goto(`/account?lang=${lang}`)
      for (const path of CHAIR_PAGES) {
        const response = await chair.goto(path)
        expect(response?.status(), path).toBe(200)
        await expectAccessible(chair, path)
      }
      await chair.goto(CHAIR_PAGES[0] as string)
      const paragraph = (await chair.locator('a[href^="/paragraphs/"]').first().getAttribute('href')) as string
      expect((await chair.goto(paragraph))?.status(), paragraph).toBe(200)
      expect(await chair.locator('#bridging-wordings').count(), `${paragraph}: wordings that bridge`).toBe(1)
      await expectAccessible(chair, paragraph)
      await chair.context().close()
      // a contribution form sent back with errors is accessible too
      await staff.goto('/calls/2/contribute')
      await staff.locator('form[action="/calls/2/contribute/draft"] button[formaction="/calls/2/contribute"]').click()
      await staff.waitForLoadState('domcontentloaded')
      await expectAccessible(staff, '/calls/2/contribute (with errors)')
      // so are the forms of a new mechanism and of a library item's curation, refused
      await staff.goto('/mechanisms/new')
      await staff.locator('form[action="/mechanisms/new"] button[type=submit]').click()
      await staff.waitForLoadState('domcontentloaded')
      expect(await staff.locator('.error-summary').count(), '/mechanisms/new refused').toBe(1)
      await expectAccessible(staff, '/mechanisms/new (with errors)')
      await staff.goto('/library/1/edit')
      await staff.locator('form[action="/library/1/edit"] [name=title]').fill('')
      await staff.locator('form[action="/library/1/edit"] button[type=submit]').click()
      await staff.waitForLoadState('domcontentloaded')
      expect(await staff.locator('.error-summary').count(), '/library/1/edit refused').toBe(1)
      await expectAccessible(staff, '/library/1/edit (with errors)')
    })
  }

  it('fits every page on a 360-pixel phone screen, in English, Arabic and Russian: wide tables scroll on their own', {
    timeout: 120_000,
  }, async () => {
    const page = await (await newContext(app, { viewport: { width: 360, height: 800 } })).newPage()
    // the foundation's widest: long formal names, the API reference's tables, the audit log's fingerprints
    const paths = [
      ...PUBLIC_PAGES,
      '/member-states/BOL',
      '/member-states/COD',
      '/organizations/auc',
      '/api',
      '/audit-log',
    ]
    const overflowing: string[] = []
    for (const lang of ['en', 'ar', 'ru']) {
      for (const path of paths) {
        await page.goto(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`)
        const over = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        )
        if (over > 0) overflowing.push(`${path} (${lang}): ${over}px`)
      }
    }
    expect(overflowing).toEqual([])
  })

  it('takes a civil-society representative from sign-up to a revised contribution found in the compilation', {
    timeout: 90_000,
  }, async () => {
    const rep = await (await newContext(app)).newPage()
    await signUpAs(rep, app, {
      name: 'Amara Diallo',
      email: 'amara@example.org',
      password: 'a perfectly long passphrase',
    })
    await expect.poll(() => rep.url()).toContain('/account')
    await rep.goto('/accreditation')
    await rep.getByLabel('Stakeholder representative', { exact: true }).check()
    await rep.getByLabel(/^Organization/).selectOption({ label: 'Internet Society' })
    await rep.getByLabel('Your title or function').fill('Policy adviser')
    await rep.getByRole('button', { name: 'Send my request' }).click()

    const secretariat = await (await newContext(app)).newPage()
    await signInAs(secretariat, 'secretariat@ecp.example', DEMO_PASSWORD)
    await secretariat.goto('/administration/accreditation')
    await secretariat.locator('article', { hasText: 'Amara Diallo' }).getByRole('button', { name: 'Approve' }).click()
    await expect.poll(() => secretariat.locator('.flash').textContent()).toContain('approved')

    await rep.goto('/processes/2')
    await rep.getByRole('link', { name: 'Contribute' }).first().click()
    await rep.getByLabel('Internet Society').check()
    const answers = rep.locator('textarea[name^="answers."]')
    await answers.nth(0).fill('ISOC convened open consultations with its chapters in 120 countries.')
    await answers.nth(1).fill('The Commission should take up the resilience of the Internet’s infrastructure.')
    await rep.getByRole('button', { name: 'Submit the contribution' }).click()
    await expect.poll(() => rep.locator('.flash').textContent()).toContain('submitted')
    const contributionUrl = rep.url()

    await rep.getByRole('link', { name: 'Revise' }).click()
    await rep
      .locator('textarea[name^="answers."]')
      .nth(1)
      .fill('The Commission should take up the resilience and openness of the Internet’s infrastructure.')
    await rep.getByRole('button', { name: 'Save the revision' }).click()
    await expect.poll(() => rep.locator('.flash').textContent()).toContain('revision')
    expect(rep.url()).toBe(contributionUrl)
    expect(await rep.locator('main').textContent()).toContain('Revision 1 of')

    const docx = await secretariat.request.get('/processes/2/compilation.docx')
    expect(docx.status()).toBe(200)
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await docx.body()) })).value
    expect(text).toContain('resilience and openness of the Internet’s infrastructure')
    expect(text).toContain('Internet Society')
    expect(text).not.toContain('The Commission should take up the resilience of the Internet’s infrastructure.')
  })

  it('takes an organization’s representative from a saved draft to a report counted in the synthesis', {
    timeout: 90_000,
  }, async () => {
    const year = new Date().getUTCFullYear()
    const rep = await (await newContext(app)).newPage()
    await signInAs(rep, 'apc@ecp.example', DEMO_PASSWORD)
    await rep.goto(`/annual-reports/${year}`)
    await rep.getByRole('link', { name: /Write the report of/ }).click()
    await rep
      .getByLabel('Actions taken to enable enhanced cooperation')
      .fill('APC trained 40 civil-society advocates on Internet public policy.')
    await rep.getByLabel('Transparency').fill('All our submissions are public.')
    // the draft saves itself as it is written
    await expect.poll(() => rep.locator('#draft-status').textContent(), { timeout: 10_000 }).toContain('Draft saved')
    await rep.reload()
    expect(await rep.getByLabel('Actions taken to enable enhanced cooperation').inputValue()).toContain(
      'trained 40 civil-society advocates',
    )
    expect(await rep.getByLabel('Transparency').inputValue()).toBe('All our submissions are public.')
    await rep.locator('summary', { hasText: 'Development' }).click()
    await rep.getByLabel('Capacity development').check()
    rep.once('dialog', (dialog) => dialog.accept())
    await rep.getByRole('button', { name: 'Submit and publish' }).click()
    await expect.poll(() => rep.locator('.flash').textContent()).toContain('published')
    expect(await rep.locator('main').textContent()).toContain('trained 40 civil-society advocates')
    const synthesis = await (await newContext(app)).newPage()
    await synthesis.goto(`/annual-reports/${year}/synthesis`)
    const row = synthesis.locator('tr', { hasText: 'Capacity development' })
    expect(await row.textContent()).toContain('Association for Progressive Communications')
  })
})
