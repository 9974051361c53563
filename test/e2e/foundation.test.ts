// The foundation in a real browser: every page passes axe in English and in Arabic, and a new
// person's path (sign up, ask for accreditation, approval, new role) works with and without
// JavaScript.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../src/modules/accounts/index.ts'
import {
  FOUNDATION_PUBLIC_PAGES as PUBLIC_PAGES,
  FOUNDATION_SIGNED_IN_PAGES as SIGNED_IN_PAGES,
  FOUNDATION_STAFF_PAGES as STAFF_PAGES,
} from './axe-pages.ts'
import { axe, type BrowserApp, CHROMIUM, newContext, signInAs, signUpAs, startBrowserApp } from './browser.ts'

async function expectAccessible(page: Page, path: string) {
  const violations = await axe(page)
  expect(violations, `${path}: ${JSON.stringify(violations, null, 1)}`).toEqual([])
}

describe.skipIf(!CHROMIUM)('the foundation in Chromium', () => {
  let app: BrowserApp
  beforeAll(async () => {
    app = await startBrowserApp()
  })
  afterAll(() => app?.close())

  it('has an axe check that does find problems (an image without alternative text)', async () => {
    const page = await (await newContext(app)).newPage()
    await page.setContent('<!DOCTYPE html><html lang="en"><body><main><img src="x.png"></main></body></html>')
    expect((await axe(page)).map((v) => v.id)).toContain('image-alt')
  })

  for (const lang of ['en', 'ar'] as const) {
    it(`has no axe violations on any page, in ${lang === 'en' ? 'English' : 'Arabic'}`, {
      timeout: 120_000,
    }, async () => {
      const context = await newContext(app)
      const page = await context.newPage()
      await page.goto(`/?lang=${lang}`)
      for (const path of PUBLIC_PAGES) {
        await page.goto(path)
        expect(await page.getAttribute('html', 'lang')).toBe(lang)
        if (lang === 'ar') expect(await page.getAttribute('html', 'dir')).toBe('rtl')
        await expectAccessible(page, path)
      }
      // a form sent back with errors is accessible too
      await page.goto('/sign-up')
      await page.locator('form[action="/sign-up"] button[type=submit]').click()
      await page.waitForLoadState('domcontentloaded')
      await expectAccessible(page, '/sign-up (with errors)')
      // the sign-in form is labelled in the page language; English makes the helper simple
      await page.goto('/sign-in?lang=en')
      await signInAs(page, 'admin@ecp.example', DEMO_PASSWORD)
      await page.goto(`/account?lang=${lang}`)
      for (const path of [...SIGNED_IN_PAGES, ...STAFF_PAGES]) {
        const response = await page.goto(path)
        expect(response?.status(), path).toBe(200)
        await expectAccessible(page, path)
      }
      await context.close()
    })
  }

  for (const javaScript of [true, false]) {
    it(`takes a new person from sign-up to an accredited delegate (JavaScript ${javaScript ? 'on' : 'off'})`, {
      timeout: 60_000,
    }, async () => {
      const email = `new-delegate-${javaScript ? 'js' : 'nojs'}@example.org`
      const person = await (await newContext(app, { javaScript })).newPage()
      await signUpAs(person, app, {
        name: `Nadia ${javaScript ? 'Karimi' : 'Haddad'}`,
        email,
        password: 'a perfectly long passphrase',
      })
      await expect.poll(() => person.url()).toContain('/account')
      await expect.poll(() => person.locator('.flash').textContent()).toContain('Welcome')

      await person.getByRole('link', { name: /accredited/i }).click()
      await person.getByLabel('Government delegate', { exact: true }).check()
      await person.getByLabel(/Member State/).selectOption('KEN')
      await person.getByLabel('Your title or function').fill('First Secretary')
      await person.getByRole('button', { name: 'Send my request' }).click()
      await expect.poll(() => person.locator('table').textContent()).toContain('Pending')

      const secretariat = await (await newContext(app, { javaScript })).newPage()
      await signInAs(secretariat, 'secretariat@ecp.example', DEMO_PASSWORD)
      await secretariat.goto('/administration/accreditation')
      const card = secretariat.locator('article', { hasText: `Nadia ${javaScript ? 'Karimi' : 'Haddad'}` })
      await card.getByRole('button', { name: 'Approve' }).click()
      await expect.poll(() => secretariat.locator('.flash').textContent()).toContain('approved')

      await person.goto('/account')
      expect(await person.locator('#roles-title + ul').textContent()).toContain('Government delegate of Kenya')
      await person.goto('/member-states/KEN')
      expect(await person.locator('main').textContent()).toContain(`Nadia ${javaScript ? 'Karimi' : 'Haddad'}`)
    })
  }
})
