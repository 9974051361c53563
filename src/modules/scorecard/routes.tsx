// The scorecard's pages and Word files: the platform's (with the list of processes) and each
// process's. Public reads.
import type { Context, Hono } from 'hono'
import { contentDisposition } from '../../core/formats/content-disposition.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { respondError } from '../../core/http/errors.tsx'
import { idParam } from '../../core/http/ids.ts'
import { platformScorecard, processesForScorecard, processScorecard, type ScorecardOf } from './scorecard.ts'
import { scorecardDocx } from './scorecard-docx.ts'
import { renderScorecard } from './views/scorecard.tsx'

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

async function docx(c: Context<AppEnv>, card: ScorecardOf, name: string) {
  return c.body(new Uint8Array(await scorecardDocx(card, c.var.i18n)), 200, {
    'Content-Type': DOCX,
    'Content-Disposition': contentDisposition(name),
  })
}

export function registerScorecardRoutes(app: Hono<AppEnv>): void {
  app.get('/scorecard', async (c) => {
    const [card, processes] = await Promise.all([platformScorecard(c.var.db), processesForScorecard(c.var.db)])
    return renderScorecard(c, { ...card, processes })
  })

  app.get('/scorecard/scorecard.docx', async (c) => docx(c, await platformScorecard(c.var.db), 'scorecard.docx'))

  app.get('/scorecard/processes/:id', async (c) => {
    const card = await processScorecard(c.var.db, idParam(c))
    if (!card) return respondError(c, { type: 'not_found', id: 'process_not_found' })
    return renderScorecard(c, { ...card, processes: [] })
  })

  app.get('/scorecard/processes/:id/scorecard.docx', async (c) => {
    const card = await processScorecard(c.var.db, idParam(c))
    if (!card) return respondError(c, { type: 'not_found', id: 'process_not_found' })
    return docx(c, card, `scorecard-process-${card.process?.id}.docx`)
  })
}
