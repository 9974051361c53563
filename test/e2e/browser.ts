// Shared browser-test support: a running ecp (PGlite in memory, demo loaded) on a loopback port,
// Debian's Chromium through playwright-core, and an axe-core check of the current page.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { testConfig } from '../../src/config.ts'
import { createLogger } from '../../src/core/log.ts'
import { loadDemo } from '../../src/demo.ts'
import { openRuntime, type Runtime } from '../../src/runtime.ts'
import { type RunningServer, startServer } from '../../src/server.ts'
import { confirmationLink } from '../support/client.ts'
import { chromiumPath } from '../support/tiers.ts'

export const CHROMIUM = chromiumPath()

export interface BrowserApp {
  runtime: Runtime
  server: RunningServer
  baseUrl: string
  browser: Browser
  close(): Promise<void>
}

export async function startBrowserApp(options: { demo?: boolean } = {}): Promise<BrowserApp> {
  const runtime = await openRuntime(testConfig(), {
    target: { kind: 'pglite', dataDir: 'memory' },
    log: createLogger('error'),
  })
  if (options.demo !== false) await loadDemo(runtime)
  const server = await startServer(runtime, { port: 0, host: '127.0.0.1', worker: false })
  const browser = await chromium.launch({
    executablePath: CHROMIUM ?? undefined,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
  return {
    runtime,
    server,
    baseUrl: `http://127.0.0.1:${server.port}`,
    browser,
    async close() {
      await browser.close()
      await server.close()
      await runtime.close()
    },
  }
}

/** A fresh browser context (own cookies), JavaScript on or off, in a language. */
export async function newContext(
  app: BrowserApp,
  options: { javaScript?: boolean; locale?: string; viewport?: { width: number; height: number } } = {},
): Promise<BrowserContext> {
  return app.browser.newContext({
    baseURL: app.baseUrl,
    javaScriptEnabled: options.javaScript ?? true,
    locale: options.locale ?? 'en-GB',
    ...(options.viewport ? { viewport: options.viewport } : {}),
    // axe is injected with evaluate(); the site's own CSP stays in force for everything else
    bypassCSP: true,
  })
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: string[]
}

/** Runs axe-core (WCAG 2.0-2.2 A and AA rules) on the page; returns the violations. */
export async function axe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource)
  const result = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global
    const r = await (window as any).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    })
    // biome-ignore lint/suspicious/noExplicitAny: axe result objects
    return r.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      // biome-ignore lint/suspicious/noExplicitAny: axe nodes
      nodes: v.nodes.map((n: any) => n.target.join(' ')),
    }))
  })
  return result as AxeViolation[]
}

/**
 * Signs a new person up through the forms, as a person would: the sign-up form, then the link
 * mailed to them (read from the outbox), then their password again to confirm.
 */
export async function signUpAs(
  page: Page,
  app: BrowserApp,
  person: { name: string; email: string; password: string },
): Promise<void> {
  await page.goto('/sign-up')
  await page.getByLabel('Your name').fill(person.name)
  await page.getByLabel('Email address').fill(person.email)
  await page.getByLabel('Password').fill(person.password)
  await page.getByRole('button', { name: 'Create my account' }).click()
  await page.waitForURL(/\/sign-up\/sent$/)
  const link = await confirmationLink(app.runtime, person.email)
  if (!link) throw new Error(`no confirmation mail for ${person.email}`)
  await page.goto(link)
  await page.getByLabel('Password').fill(person.password)
  await page.getByRole('button', { name: 'Confirm and sign in' }).click()
  await page.waitForURL(/\/account$/)
}

/** Signs in through the form, as a person would. */
export async function signInAs(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in')
  await page.getByLabel(/email/i).fill(email)
  await page.getByLabel(/password/i).fill(password)
  await page.getByRole('button', { name: /sign in/i }).click()
  await page.waitForLoadState('domcontentloaded')
}
