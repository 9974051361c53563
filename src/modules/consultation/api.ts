// The consultation's JSON API: a call's campaigns and a campaign's members (public reads), and
// the Secretariat's bulk intake (`POST /calls/{id}/contributions/bulk`, an NDJSON body; the same
// body sent again adds nothing twice).
import { Readable } from 'node:stream'
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { authorize } from '../../core/auth/authorize.ts'
import { errorResponses, json, PUBLIC_READ, securityFor } from '../../core/http/api.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { apiError } from '../../core/http/errors.tsx'
import { IdPathParam } from '../../core/http/ids.ts'
import { contributionTexts } from '../contributions/index.ts'
import { findCall } from '../processes/index.ts'
import { afterImport } from './jobs.ts'
import {
  campaignMembers,
  campaignsOfCall,
  findCampaign,
  type findImport,
  rejectsOf,
  thresholdAndAnalysed,
} from './queries.ts'
import { runImport, sha256Of, startImport } from './queries-intake.ts'
import { DEFAULT_METHOD } from './rules/minhash.ts'
import {
  CampaignListSchema,
  CampaignMemberSchema,
  ImportSchema,
  MembersQuery,
  PAGE_SIZE,
  PageQuery,
} from './schemas.ts'

const tags = ['Consultations']

const campaignsRoute = createRoute({
  method: 'get',
  path: '/calls/{id}/campaigns',
  operationId: 'listCallCampaigns',
  security: PUBLIC_READ,
  tags,
  summary: 'A call’s campaigns of near-identical contributions, largest first, 50 a page',
  description:
    'A reading aid, never an exclusion: every contribution stays on the record. Near-duplicates are found by MinHash over word shingles with LSH banding (`meta.method`).',
  request: { params: IdPathParam, query: PageQuery },
  responses: { 200: json(CampaignListSchema, 'Campaigns'), 400: errorResponses[400], 404: errorResponses[404] },
})

const membersRoute = createRoute({
  method: 'get',
  path: '/campaigns/{id}/contributions',
  operationId: 'listCampaignContributions',
  security: PUBLIC_READ,
  tags,
  summary: 'A campaign’s contributions with their personal additions, 50 a page',
  description:
    'In contribution-id order. Page through with `after` set to the previous page’s `meta.next` (null on the last page): each page then costs the same however deep; `page` still works.',
  request: { params: IdPathParam, query: MembersQuery },
  responses: {
    200: json(
      z.object({
        data: z.array(CampaignMemberSchema),
        meta: z.object({
          total: z.number().int(),
          next: z.number().int().nullable().openapi({
            description: 'The next page’s `after` (the last contribution of this page); null on the last page',
          }),
        }),
      }),
      'Members',
    ),
    400: errorResponses[400],
    404: errorResponses[404],
  },
})

const bulkRoute = createRoute({
  method: 'post',
  path: '/calls/{id}/contributions/bulk',
  operationId: 'importContributions',
  security: securityFor('contribution.import'),
  tags,
  summary: 'Import contributions to a call (the Secretariat): one JSON object a line',
  description:
    'Fields as the CSV columns: `external_id`, `submitted_at`, `speaker_kind`, `speaker_name`, `organization`, `country`, `language`, `question`, `text`. Each body is an import; the same body sent again adds nothing twice (external ids are unique per call). Records refused come back with their line and reason. Bodies are limited to the server’s body limit: send a large file in pieces.',
  request: {
    params: IdPathParam,
    body: { content: { 'application/x-ndjson': { schema: z.string() } }, required: true },
  },
  responses: {
    200: json(z.object({ data: ImportSchema }), 'Imported'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: errorResponses[409],
    413: errorResponses[413],
  },
})

export function importJson(
  row: NonNullable<Awaited<ReturnType<typeof findImport>>>,
  rejects: Awaited<ReturnType<typeof rejectsOf>>,
) {
  return {
    id: row.id,
    call: row.callId,
    fileName: row.fileName,
    format: row.format,
    status: row.status,
    records: row.records,
    accepted: row.accepted,
    alreadyThere: row.alreadyThere,
    rejected: row.rejected,
    rejects: rejects.slice(0, 1000).map((r) => ({ line: r.line, externalId: r.externalId, reason: r.reason })),
  }
}

export function registerConsultationApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(campaignsRoute, async (c) => {
    const { db } = c.var
    const callId = c.req.valid('param').id
    if (!(await findCall(db, callId))) return apiError(c, { type: 'not_found', id: 'call_not_found' })
    const page = c.req.valid('query').page ?? 1
    const [list, { analysed: contributions, threshold }] = await Promise.all([
      campaignsOfCall(db, callId, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
      thresholdAndAnalysed(db, callId),
    ])
    const { shingle, permutations, bands } = DEFAULT_METHOD
    return c.json(
      {
        data: list.rows.map((r) => ({
          id: r.id,
          size: r.size,
          template: r.template,
          exactGroups: r.exactGroups,
          firstAt: r.firstAt.toISOString(),
          lastAt: r.lastAt.toISOString(),
        })),
        meta: { total: list.total, contributions, method: { shingle, threshold, permutations, bands } },
      },
      200,
    )
  })

  api.openapi(membersRoute, async (c) => {
    const { db } = c.var
    const campaign = await findCampaign(db, c.req.valid('param').id)
    if (!campaign) return apiError(c, { type: 'not_found', id: 'campaign_not_found' })
    const q = c.req.valid('query')
    // `after` (keyset) wins over `page` (an offset over up to the campaign's every member)
    const { rows: members, next } = await campaignMembers(db, campaign.id, {
      limit: PAGE_SIZE,
      ...(q.after ? { afterId: q.after } : { offset: ((q.page ?? 1) - 1) * PAGE_SIZE }),
    })
    const texts = new Map(
      (
        await contributionTexts(
          db,
          members.map((m) => m.contributionId),
        )
      ).map((t) => [t.id, t]),
    )
    return c.json(
      {
        data: members.map((m) => ({
          id: m.contributionId,
          externalId: texts.get(m.contributionId)?.externalId ?? null,
          personalAdditions: m.additions,
          submittedAt: m.submittedAt.toISOString(),
          url: `/contributions/${m.contributionId}`,
        })),
        meta: { total: campaign.size, next },
      },
      200,
    )
  })

  api.openapi(bulkRoute, async (c) => {
    const { db } = c.var
    const ctx = commandContext(c)
    const allowed = authorize(ctx.actor, 'contribution.import')
    if (!allowed.ok) return apiError(c, allowed.error)
    if (ctx.actor.kind !== 'account') return apiError(c, { type: 'unauthenticated', id: 'sign_in_required' })
    const callId = c.req.valid('param').id
    const body = await c.req.text()
    const started = await startImport(db, ctx, {
      callId,
      accountId: ctx.actor.accountId,
      fileName: `api-${ctx.now.toISOString()}.ndjson`,
      format: 'jsonl',
      sha256: sha256Of(body),
    })
    if (!started.ok) return apiError(c, started.error)
    const run = await runImport(db, ctx, started.value.id, Readable.from([body]))
    if (!run.ok) return apiError(c, run.error)
    await afterImport(db, callId, run.value.added)
    return c.json({ data: importJson(run.value.import, await rejectsOf(db, started.value.id)) }, 200)
  })
}
