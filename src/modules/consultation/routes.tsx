// The consultation's pages: a call's campaigns (and the Secretariat's threshold), a campaign, a contribution's way to its campaign,
// the compilation read by campaign (routes-compilation.tsx), and the Secretariat's imports (upload, progress, rejects).
import type { Context, Hono } from 'hono'
import { z } from 'zod'
import { can } from '../../core/auth/authorize.ts'
import { contentDisposition } from '../../core/formats/content-disposition.ts'
import { toCsv } from '../../core/formats/csv.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { commandContext } from '../../core/http/context.ts'
import { respondError } from '../../core/http/errors.tsx'
import { requireAccount } from '../../core/http/guards.ts'
import { idParam } from '../../core/http/ids.ts'
import { enqueueJob } from '../../core/jobs/queue.ts'
import { pageParam } from '../../core/ui/components.tsx'
import { renderPage } from '../../core/ui/layout.tsx'
import { type Call, findCall } from '../processes/index.ts'
import {
  campaignOfContribution,
  campaignsOfCall,
  findCampaign,
  findImport,
  importsOfCall,
  rejectsOf,
  thresholdAndAnalysed,
  thresholdOf,
} from './queries.ts'
import { sha256Of, startImport } from './queries-intake.ts'
import { setThreshold } from './queries-settings.ts'
import { registerCompilationRoutes } from './routes-compilation.tsx'
import { DEFAULT_METHOD, type Method } from './rules/minhash.ts'
import { rejectsCsvRows } from './rules/rejects.ts'
import { formatOf } from './sources/records.ts'
import { CAMPAIGNS_PER_PAGE, renderCampaign, renderCampaigns, type ThresholdForm } from './views/campaigns.tsx'
import { renderImport, renderImports } from './views/imports.tsx'

// below 0.5 the LSH bands (16 of 4 rows) would miss most pairs: the page does not offer it
const THRESHOLD = z.coerce.number().min(0.5).max(1)

async function methodOf(c: Context<AppEnv>, callId: number): Promise<Method> {
  return { ...DEFAULT_METHOD, threshold: await thresholdOf(c.var.db, callId) }
}

export function registerConsultationRoutes(app: Hono<AppEnv>): void {
  registerCompilationRoutes(app)
  const campaignsPage = async (c: Context<AppEnv>, call: Call, typed?: ThresholdForm) => {
    const page = pageParam(c.req.query('page'))
    const [list, setting] = await Promise.all([
      campaignsOfCall(c.var.db, call.id, { limit: CAMPAIGNS_PER_PAGE, offset: (page - 1) * CAMPAIGNS_PER_PAGE }),
      thresholdAndAnalysed(c.var.db, call.id),
    ])
    const method: Method = { ...DEFAULT_METHOD, threshold: setting.threshold }
    const assigned = setting.analysed
    const threshold = can(c.var.actor, 'campaign.rebuild') ? (typed ?? { value: String(method.threshold) }) : undefined
    return renderCampaigns(c, {
      call,
      method,
      rows: list.rows,
      total: list.total,
      members: list.members,
      assigned,
      page,
      ...(threshold ? { threshold } : {}),
    })
  }

  app.get('/calls/:id{[0-9]+}/campaigns', async (c) => {
    const call = await findCall(c.var.db, idParam(c))
    if (!call) return respondError(c, { type: 'not_found', id: 'call_not_found' })
    return campaignsPage(c, call)
  })

  // the Secretariat sets the call's threshold (audited); the campaigns are rebuilt by a job
  app.post('/calls/:id{[0-9]+}/campaigns/threshold', async (c) => {
    const actor = await requireAccount(c, 'campaign.rebuild')
    if (actor instanceof Response) return actor
    const call = await findCall(c.var.db, idParam(c))
    if (!call) return respondError(c, { type: 'not_found', id: 'call_not_found' })
    const typed = String((await c.req.parseBody()).threshold ?? '').trim()
    const parsed = THRESHOLD.safeParse(typed.replace(',', '.'))
    if (!parsed.success) return campaignsPage(c, call, { value: typed, error: 'consultation.threshold.invalid' })
    const set = await setThreshold(c.var.db, commandContext(c), call.id, parsed.data)
    if (!set.ok) return respondError(c, set.error)
    await enqueueJob(
      c.var.db,
      'consultation.rebuild',
      { callId: call.id },
      { uniqueKey: `consultation.rebuild:${call.id}` },
    )
    return c.redirect(`/calls/${call.id}/campaigns`, 303)
  })

  app.get('/campaigns/:id{[0-9]+}', async (c) => {
    const campaign = await findCampaign(c.var.db, idParam(c))
    const call = campaign ? await findCall(c.var.db, campaign.callId) : undefined
    if (!campaign || !call) return respondError(c, { type: 'not_found', id: 'campaign_not_found' })
    // the most sent distinct additions are kept on the campaign (a read model): grouping every
    // text of a large campaign on each view read tens of thousands of rows
    const method = await methodOf(c, call.id)
    return renderCampaign(c, { campaign, call, method, additions: campaign.topAdditions })
  })

  app.get('/contributions/:id{[0-9]+}/campaign', async (c) => {
    const id = idParam(c)
    const campaignId = await campaignOfContribution(c.var.db, id)
    if (campaignId !== null) return c.redirect(`/campaigns/${campaignId}`, 303)
    const t = c.var.i18n.t
    return renderPage(
      c,
      { title: t('consultation.contribution.none') },
      <>
        <h1>{t('consultation.contribution.none')}</h1>
        <p>
          <a href={`/contributions/${id}`}>{t('consultation.contribution.back')}</a>
        </p>
      </>,
    )
  })

  app.get('/calls/:id{[0-9]+}/imports', async (c) => {
    const actor = await requireAccount(c, 'contribution.import')
    if (actor instanceof Response) return actor
    const call = await findCall(c.var.db, idParam(c))
    if (!call) return respondError(c, { type: 'not_found', id: 'call_not_found' })
    return renderImports(c, { call, imports: await importsOfCall(c.var.db, call.id) })
  })

  app.post('/calls/:id{[0-9]+}/imports', async (c) => {
    const actor = await requireAccount(c, 'contribution.import')
    if (actor instanceof Response) return actor
    const call = await findCall(c.var.db, idParam(c))
    if (!call) return respondError(c, { type: 'not_found', id: 'call_not_found' })
    const body = await c.req.parseBody()
    const file = body.file
    const format = file instanceof File ? formatOf(file.name) : null
    const language = typeof body.language === 'string' && call.languages.includes(body.language) ? body.language : null
    if (!(file instanceof File) || file.size === 0 || !format)
      return renderImports(c, {
        call,
        imports: await importsOfCall(c.var.db, call.id),
        error: 'consultation.imports.fileRequired',
      })
    const content = new Uint8Array(await file.arrayBuffer())
    const started = await startImport(c.var.db, commandContext(c), {
      callId: call.id,
      accountId: actor.accountId,
      fileName: file.name.slice(0, 200),
      format,
      sha256: sha256Of(content),
      content,
    })
    if (!started.ok) return respondError(c, started.error)
    if (started.value.status !== 'done')
      await enqueueJob(
        c.var.db,
        'consultation.import',
        { importId: started.value.id, language },
        { uniqueKey: `consultation.import:${started.value.id}` },
      )
    return c.redirect(`/imports/${started.value.id}`, 303)
  })

  app.get('/imports/:id{[0-9]+}', async (c) => {
    const actor = await requireAccount(c, 'contribution.import')
    if (actor instanceof Response) return actor
    const row = await findImport(c.var.db, idParam(c))
    const call = row ? await findCall(c.var.db, row.callId) : undefined
    if (!row || !call) return respondError(c, { type: 'not_found', id: 'import_not_found' })
    return renderImport(c, { call, row })
  })

  app.get('/imports/:id{[0-9]+}/rejects.csv', async (c) => {
    const actor = await requireAccount(c, 'contribution.import')
    if (actor instanceof Response) return actor
    const row = await findImport(c.var.db, idParam(c))
    if (!row) return respondError(c, { type: 'not_found', id: 'import_not_found' })
    const rows = rejectsCsvRows(await rejectsOf(c.var.db, row.id))
    return c.body(toCsv(rows, ['line', 'reason', ...new Set(rows.flatMap((r) => Object.keys(r).slice(2)))]), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': contentDisposition(`${row.fileName}.rejects.csv`),
    })
  })
}
