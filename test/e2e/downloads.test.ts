// Downloads as a browser names them: Chromium's own reading of Content-Disposition (RFC 6266,
// filename* of RFC 8187) gives the file the name ecp meant, in Arabic and Chinese too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM } from '../../src/core/auth/actor.ts'
import { createDocument, issueRevision, parseUnText } from '../../src/modules/negotiation/index.ts'
import { listProcesses } from '../../src/modules/processes/index.ts'
import { type BrowserApp, CHROMIUM, newContext, startBrowserApp } from './browser.ts'

describe.skipIf(!CHROMIUM)('downloads in Chromium', () => {
  let app: BrowserApp
  const documents: Record<string, number> = {}

  beforeAll(async () => {
    app = await startBrowserApp()
    const ctx = { actor: SYSTEM, now: new Date() }
    // a concluded process takes no new negotiating document: use one still open
    const [open] = await listProcesses(app.runtime.deps.db, { state: 'active' })
    if (!open) throw new Error('the demo has an active process')
    for (const [key, title, language] of [
      ['arabic', 'مشروع التوصيات', 'ar'],
      ['chinese', '关于加强合作的建议草案', 'zh'],
    ] as const) {
      const created = await createDocument(app.runtime.deps.db, ctx, {
        processId: open.id,
        title,
        language,
        imported: parseUnText(`${title}\n\n1. ${title}.\n`),
      })
      if (!created.ok) throw new Error(JSON.stringify(created.error))
      await issueRevision(app.runtime.deps.db, ctx, created.value.id, 'Rev.1')
      documents[key] = created.value.id
    }
  }, 120_000)
  afterAll(() => app?.close())

  async function suggestedName(path: string, locale = 'en-GB'): Promise<string> {
    const context = await newContext(app, { locale })
    const page = await context.newPage()
    try {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        // navigating to an attachment starts a download instead of a page
        page.goto(path).catch(() => undefined),
      ])
      return download.suggestedFilename()
    } finally {
      await context.close()
    }
  }

  it('saves the comparison of an Arabic and a Chinese document under their titles', async () => {
    expect(await suggestedName(`/negotiation/${documents.arabic}/compare.docx?from=0&to=1&lang=ar`)).toBe(
      'مشروع التوصيات (المسودة الصفرية - Rev.1).docx',
    )
    expect(await suggestedName(`/negotiation/${documents.chinese}/compare.docx?from=0&to=1&lang=zh`)).toBe(
      '关于加强合作的建议草案 (零草案 - Rev.1).docx',
    )
  })

  it('saves an English comparison, whose name has spaces, under its full name', async () => {
    expect(await suggestedName('/negotiation/1/compare.docx?from=0&to=1')).toMatch(/^.+ \(Zero draft - Rev\.1\)\.docx$/)
  })

  it('saves a calendar, the open data and a CSV under the names given', async () => {
    expect(await suggestedName('/api/v1/meetings/1.ics')).toBe('meeting-1.ics')
    expect(await suggestedName('/open-data.zip')).toMatch(/^ecp-open-data-\d{4}-\d{2}-\d{2}\.zip$/)
    expect(await suggestedName('/map/gaps.csv')).toBe('gaps.csv')
  })
})
