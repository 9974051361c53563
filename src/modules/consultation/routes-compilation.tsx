// The compilation read by campaign: the page (each campaign once, then the contributions in no
// campaign, a page at a time by keyset) and the same as a Word document.
import type { Hono } from 'hono'
import { contentDisposition } from '../../core/formats/content-disposition.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { respondError } from '../../core/http/errors.tsx'
import { idParam } from '../../core/http/ids.ts'
import { contributionTexts } from '../contributions/index.ts'
import { findCall } from '../processes/index.ts'
import { compilationByCampaignDocx } from './compilation-docx.ts'
import { campaignsOfCall, loneContributions } from './queries.ts'
import { LONE_PER_PAGE, renderCompilation } from './views/compilation.tsx'

/** `after` as a contribution id (0: from the start); anything else reads as the start. */
function afterParam(value: string | undefined): number {
  return value && /^[0-9]{1,15}$/.test(value) ? Number(value) : 0
}

export function registerCompilationRoutes(app: Hono<AppEnv>): void {
  app.get('/calls/:id{[0-9]+}/compilation/campaigns', async (c) => {
    const call = await findCall(c.var.db, idParam(c))
    if (!call) return respondError(c, { type: 'not_found', id: 'call_not_found' })
    const after = afterParam(c.req.query('after'))
    // each campaign once, with its most sent distinct additions (a read model: one query), on
    // the first page; the contributions in no campaign continue from the last one shown
    const [list, lone] = await Promise.all([
      campaignsOfCall(c.var.db, call.id, { limit: after === 0 ? 100 : 0, offset: 0 }),
      loneContributions(c.var.db, call.id, { limit: LONE_PER_PAGE + 1, afterId: after }),
    ])
    const shown = lone.ids.slice(0, LONE_PER_PAGE)
    return renderCompilation(c, {
      call,
      campaigns: list.rows.map((campaign) => ({ campaign, additions: campaign.topAdditions })),
      campaignTotal: list.total,
      lone: await contributionTexts(c.var.db, shown),
      loneTotal: lone.total,
      after,
      next: lone.ids.length > LONE_PER_PAGE ? (shown.at(-1) ?? null) : null,
    })
  })

  app.get('/calls/:id{[0-9]+}/compilation/campaigns.docx', async (c) => {
    const call = await findCall(c.var.db, idParam(c))
    if (!call) return respondError(c, { type: 'not_found', id: 'call_not_found' })
    const file = await compilationByCampaignDocx(c.var.db, call, c.var.i18n)
    return c.body(new Uint8Array(file), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'content-disposition': contentDisposition(`compilation-by-campaign-call-${call.id}.docx`),
    })
  })
}
