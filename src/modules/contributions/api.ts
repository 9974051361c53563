// The contributions' JSON API: a process's contributions (public, filtered like the page) and
// submitting to a call (with an Idempotency-Key, a retried submission is stored once).
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { can } from '../../core/auth/authorize.ts'
import { errorResponses, json, PUBLIC_READ, securityFor } from '../../core/http/api.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { apiError } from '../../core/http/errors.tsx'
import { IdPathParam } from '../../core/http/ids.ts'
import { findProcess } from '../processes/index.ts'
import { submitContribution } from './commands.ts'
import { type Answer, type Attachment, attachmentsOf, type Contribution, currentAnswers } from './queries.ts'
import { listContributions } from './queries-list.ts'
import type { Speaker } from './rules/eligibility.ts'
import { ContributionInput, ContributionQuery, ContributionSchema } from './schemas.ts'

const tags = ['Contributions']

const ContributionListSchema = z.object({
  data: z.array(ContributionSchema),
  meta: z.object({
    total: z.number().int().openapi({ description: 'Items matching the filters' }),
    next: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'The next page’s `after` (the last contribution of this page); null on the last page' }),
  }),
})
const PAGE_SIZE = 50
const IdParam = IdPathParam

export function contributionJson(k: Contribution, answers: Answer[], attachments: Attachment[]) {
  const shown = k.status === 'published' || k.status === 'pending_review'
  return {
    id: k.id,
    call: k.callId,
    process: k.processId,
    speakingFor: k.speakingFor,
    memberState: k.memberStateIso3,
    organization: k.organizationId,
    contributor: k.contributorName,
    stakeholderGroup: k.stakeholderGroup,
    regionalGroup: k.regionalGroup,
    ldc: k.ldc,
    lldc: k.lldc,
    sids: k.sids,
    language: k.language,
    status: k.status,
    revision: k.revisionCount,
    submittedAt: k.createdAt.toISOString(),
    updatedAt: k.updatedAt.toISOString(),
    withdrawalNote: k.withdrawalNote,
    hiddenReason: k.hiddenReason,
    externalId: k.externalId,
    answers: shown ? answers.map((a) => ({ questionId: a.questionId, text: a.body })) : [],
    attachments: shown
      ? attachments.map((a) => ({
          fileName: a.fileName,
          mediaType: a.mediaType,
          sizeBytes: a.sizeBytes,
          url: `/attachments/${a.id}`,
        }))
      : [],
    url: `/contributions/${k.id}`,
  }
}

const listRoute = createRoute({
  method: 'get',
  path: '/processes/{id}/contributions',
  operationId: 'listProcessContributions',
  security: PUBLIC_READ,
  tags,
  summary: 'A process’s contributions, newest first, 50 a page',
  description:
    'Withdrawn and hidden contributions are listed with their public note and without their answers. Filtered by `call` or `question`, `meta.total` counts at most 10,000. Page through with `after` set to the previous page’s `meta.next` (null on the last page): each page then costs the same however deep.',
  request: { params: IdParam, query: ContributionQuery },
  responses: {
    200: json(ContributionListSchema, 'Contributions matching the filters'),
    401: errorResponses[401],
    400: errorResponses[400],
    404: errorResponses[404],
  },
})

const submitRoute = createRoute({
  method: 'post',
  path: '/calls/{id}/contributions',
  operationId: 'submitContribution',
  security: securityFor('contribution.submit'),
  tags,
  summary: 'Answer a call for contributions',
  description:
    'On behalf of a Member State (an accredited delegate), an organization (its representative) or oneself, as the call allows. Send an `Idempotency-Key` header so a retried request is stored once.',
  request: {
    params: IdParam,
    body: { content: { 'application/json': { schema: ContributionInput } }, required: true },
  },
  responses: {
    201: json(z.object({ data: ContributionSchema }), 'Stored'),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: errorResponses[409],
  },
})

function speakerOf(input: ContributionInput): Speaker | null {
  if (input.speakingFor === 'member_state') {
    return input.memberState ? { speakingFor: 'member_state', memberStateIso3: input.memberState } : null
  }
  if (input.speakingFor === 'organization') {
    return input.organization ? { speakingFor: 'organization', organizationId: input.organization } : null
  }
  return { speakingFor: 'self' }
}

export function registerContributionsApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(listRoute, async (c) => {
    const { db } = c.var
    const processId = c.req.valid('param').id
    if (!(await findProcess(db, processId))) return apiError(c, { type: 'not_found', id: 'process_not_found' })
    const q = c.req.valid('query')
    const { rows, total, next } = await listContributions(db, {
      processId,
      callId: q.call,
      questionId: q.question,
      stakeholderGroup: q.stakeholderGroup,
      regionalGroup: q.regionalGroup,
      language: q.language,
      statuses: can(c.var.actor, 'contribution.moderate')
        ? ['published', 'pending_review', 'withdrawn', 'hidden']
        : ['published', 'withdrawn', 'hidden'],
      limit: PAGE_SIZE,
      // `after` (keyset) wins over `page` (an offset, kept for existing clients)
      ...(q.after ? { after: q.after } : { offset: ((q.page ?? 1) - 1) * PAGE_SIZE }),
    })
    const ids = rows.map((r) => r.id)
    const [answers, attachments] = await Promise.all([currentAnswers(db, ids), attachmentsOf(db, ids)])
    return c.json(
      {
        data: rows.map((k) =>
          contributionJson(
            k,
            answers.get(k.id) ?? [],
            attachments.filter((a) => a.contributionId === k.id),
          ),
        ),
        meta: { total, next },
      },
      200,
    )
  })

  api.openapi(submitRoute, async (c) => {
    const input = c.req.valid('json')
    const speaker = speakerOf(input)
    if (!speaker) {
      return apiError(c as Context<AppEnv>, {
        type: 'invalid',
        id: 'invalid_input',
        issues: [
          { path: input.speakingFor === 'member_state' ? 'memberState' : 'organization', code: 'validation.required' },
        ],
      })
    }
    const result = await submitContribution(
      c.var.db,
      {
        actor: c.var.actor,
        requestId: c.var.requestId,
        now: c.var.deps.now(),
        attachmentMaxBytes: c.var.deps.config.attachmentMaxBytes,
      },
      c.req.valid('param').id,
      {
        speaker,
        language: input.language,
        answers: input.answers,
        attachments: (input.attachments ?? []).map((a) => ({
          fileName: a.fileName,
          content: new Uint8Array(Buffer.from(a.contentBase64, 'base64')),
        })),
      },
    )
    if (!result.ok) return apiError(c, result.error)
    const k = result.value
    const [answers, attachments] = await Promise.all([
      currentAnswers(c.var.db, [k.id]),
      attachmentsOf(c.var.db, [k.id]),
    ])
    c.header('Location', `/contributions/${k.id}`)
    return c.json({ data: contributionJson(k, answers.get(k.id) ?? [], attachments) }, 201)
  })
}
