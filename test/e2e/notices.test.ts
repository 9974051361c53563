// A delegate's notices in a real browser: the inbox at /me/notifications (a notice made from the
// audit log, marked read) and the preferences page (a kind switched off, a time zone chosen),
// each passing axe in English and Arabic.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordAudit } from '../../src/core/audit/audit.ts'
import { SYSTEM } from '../../src/core/auth/actor.ts'
import { DEMO_PASSWORD } from '../../src/modules/accounts/index.ts'
import { readAuditLog } from '../../src/modules/notifications/index.ts'
import { axe, type BrowserApp, CHROMIUM, newContext, signInAs, startBrowserApp } from './browser.ts'

async function expectAccessible(page: Page, what: string) {
  const at = new URL(page.url())
  for (const lang of ['ar', 'en']) {
    at.searchParams.set('lang', lang)
    await page.goto(at.pathname + at.search)
    const violations = await axe(page)
    expect(violations, `${what} (${lang}): ${JSON.stringify(violations, null, 1)}`).toEqual([])
  }
}

describe.skipIf(!CHROMIUM)('a delegate’s notices in Chromium', () => {
  let app: BrowserApp
  beforeAll(async () => {
    app = await startBrowserApp()
  })
  afterAll(() => app?.close())

  it('shows the inbox and the preferences, accessible in English and Arabic', { timeout: 120_000 }, async () => {
    const { db } = app.runtime.deps
    await recordAudit(db, {
      actor: SYSTEM,
      action: 'proposal.cosponsorship_requested',
      subjectType: 'proposal',
      subjectId: 1,
      payload: { cosponsorshipId: 1, memberStateIso3: 'BRA', organizationId: null },
    })
    await readAuditLog(db, app.runtime.deps, new Date())

    const page = await (await newContext(app)).newPage()
    await signInAs(page, 'delegate.bra@ecp.example', DEMO_PASSWORD)
    await page.goto('/me/notifications?lang=en')
    expect(await page.locator('h1').textContent()).toBe('Your notices')
    const notice = page.locator('.inbox li', { hasText: 'You are asked to co-sponsor a proposal' })
    expect(await notice.getByRole('link').getAttribute('href')).toBe('/proposals/1')
    await expectAccessible(page, 'the inbox')
    await notice.getByRole('button', { name: /Mark as read/ }).click()
    await expect.poll(() => page.locator('.inbox li.unread', { hasText: 'co-sponsor' }).count()).toBe(0)

    await page.goto('/me/notifications/preferences?lang=en')
    await expectAccessible(page, 'the preferences')
    await page.getByLabel('Your time zone').selectOption('Asia/Riyadh')
    await page.getByRole('group', { name: 'Silence procedure started' }).getByLabel('Daily digest email').check()
    await page.getByRole('button', { name: 'Save' }).click()
    await page.waitForURL(/\/me\/notifications\/preferences$/)
    expect(await page.getByLabel('Your time zone').inputValue()).toBe('Asia/Riyadh')
    expect(
      await page.getByRole('group', { name: 'Silence procedure started' }).getByLabel('Daily digest email').isChecked(),
    ).toBe(true)
  })
})
