// The compilation read by campaign: the page (each campaign once, then the contributions in no
// campaign, a page at a time by keyset) and the same as a Word document.
import type { Hono } from 'hono'
import { contentDisposition } from '../../core/formats/content-disposition.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { respondError } from '../../core/http/errors.tsx'
import { idParam } from '../../core/http/ids.ts'
import type { DomainError } from '../../core/result.ts'
import { contributionTexts } from '../contributions/index.ts'
import { findCall } from '../processes/index.ts'
import { compilationByCampaignDocx } from './compilation-docx.ts'
import { type CampaignKey, campaignsOfCall, loneContributions } from './queries.ts'
import { LONE_PER_PAGE, renderCompilation } from './views/compilation.tsx'

/**
 * Campaigns a page of the compilation shows; a call with more continues on the next page. A
 * campaign with its template and up to 20 distinct additions is about 1.3 KB compressed (the
 * bench's texts): 100 a page came to 60 KB at 1,000,000 contributions, past a page's 30 KB.
 */
export const CAMPAIGNS_PER_PAGE = 10

/** `after`: a contribution id (absent: from the start); anything else is refused. */
function afterParam(value: string | undefined): number | 'invalid' {
  if (value === undefined) return 0
  return /^[1-9][0-9]{0,14}$/.test(value) ? Number(value) : 'invalid'
}

/** `campaignsAfter`: SIZE-ID of the last campaign shown (absent: from the largest); anything else is refused. */
function campaignsAfterParam(value: string | undefined): CampaignKey | undefined | 'invalid' {
  if (value === undefined) return undefined
  const m = /^([0-9]{1,10})-([1-9][0-9]{0,14})$/.exec(value)
  return m ? { size: Number(m[1]), id: Number(m[2]) } : 'invalid'
}

const refused = (path: string): DomainError => ({
  type: 'invalid',
  id: 'invalid_compilation_position',
  issues: [{ path, code: 'validation.format' }],
})

export function registerCompilationRoutes(app: Hono<AppEnv>): void {
  app.get('/calls/:id{[0-9]+}/compilation/campaigns', async (c) => {
    const call = await findCall(c.var.db, idParam(c))
    if (!call) return respondError(c, { type: 'not_found', id: 'call_not_found' })
    const after = afterParam(c.req.query('after'))
    if (after === 'invalid') return respondError(c, refused('after'))
    const campaignsAfter = campaignsAfterParam(c.req.query('campaignsAfter'))
    if (campaignsAfter === 'invalid') return respondError(c, refused('campaignsAfter'))
    // each campaign once, with its most sent distinct additions (a read model: one query), 10 a
    // page by keyset (size, id); then the contributions in no campaign, from the last one shown
    const [list, lone] = await Promise.all([
      campaignsOfCall(c.var.db, call.id, {
        limit: after === 0 ? CAMPAIGNS_PER_PAGE + 1 : 0,
        after: campaignsAfter,
      }),
      loneContributions(c.var.db, call.id, { limit: LONE_PER_PAGE + 1, afterId: after }),
    ])
    const campaigns = list.rows.slice(0, CAMPAIGNS_PER_PAGE)
    const last = campaigns.at(-1)
    const campaignsNext = list.rows.length > CAMPAIGNS_PER_PAGE && last ? `${last.size}-${last.id}` : null
    // the contributions in no campaign begin on the page of the last campaigns
    const shown = campaignsNext === null ? lone.ids.slice(0, LONE_PER_PAGE) : []
    return renderCompilation(c, {
      call,
      campaigns: campaigns.map((campaign) => ({ campaign, additions: campaign.topAdditions })),
      campaignTotal: list.total,
      campaignsContinued: campaignsAfter !== undefined,
      campaignsNext,
      lone: await contributionTexts(c.var.db, shown),
      loneTotal: lone.total,
      after,
      next: campaignsNext === null && lone.ids.length > LONE_PER_PAGE ? (shown.at(-1) ?? null) : null,
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
