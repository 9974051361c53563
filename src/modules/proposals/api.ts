// The proposals' JSON API: a process's proposals with their lineage (a public read), putting one
// forward with the co-sponsors it asks for, and a co-sponsor's answer. Each write parses, then
// calls the command the HTML forms call.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { errorResponses, json, PUBLIC_READ, securityFor } from '../../core/http/api.ts'
import { IDEMPOTENT, IdParam, isRefusal, jsonBody, writeRefusals } from '../../core/http/api-write.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { apiError, respondError } from '../../core/http/errors.tsx'
import { LOCALES } from '../../core/i18n/locales.ts'
import { ok, type Result } from '../../core/result.ts'
import { findOrganizationBySlug } from '../actors/index.ts'
import { findProcess } from '../processes/index.ts'
import { type Speaker, submitProposal } from './commands.ts'
import { answerCosponsorship } from './commands-cosponsors.ts'
import { findProposal, type ProposalDetail, proposalsOf } from './queries.ts'
import { CosponsorshipApiInput, ProposalApiInput } from './schemas.ts'
import { speakerOf } from './speaker.ts'
import { COSPONSORSHIP_STATUSES, PROPOSAL_STATUSES } from './tables.ts'

// the proposals stay under the Negotiation tag of the OpenAPI document, where clients found them
const tags = ['Negotiation']
const ISO3 = /^[A-Z]{3}$/
export const ProposalSchema = z
  .object({
    id: z.number(),
    title: z.string(),
    language: z.enum(LOCALES).openapi({ description: 'the language the proposal is written in' }),
    status: z.enum(PROPOSAL_STATUSES),
    memberStates: z
      .array(z.string())
      .openapi({ description: 'The States it speaks for: its proponents and the co-sponsors that accepted' }),
    organizations: z.array(z.number()).openapi({ description: 'Likewise, the organizations (ids)' }),
    proponents: z
      .object({ memberStates: z.array(z.string()), organizations: z.array(z.number()) })
      .openapi({ description: 'Who put it forward (they alone revise or withdraw it)' }),
    cosponsorships: z
      .array(
        z.object({
          memberState: z.string().nullable(),
          organization: z.number().nullable(),
          status: z.enum(COSPONSORSHIP_STATUSES),
          requestedAt: z.string(),
          answeredAt: z.string().nullable(),
        }),
      )
      .openapi({ description: 'Every request to co-sponsor it, with the answer of the State or organization asked' }),
    mergedInto: z.number().nullable(),
    mergedFrom: z.array(z.number()),
    contributions: z.array(z.number()),
    versions: z.array(z.object({ number: z.number(), text: z.string(), rationale: z.string(), createdAt: z.string() })),
  })
  .openapi('Proposal')

/** A proposal as the API shows it: every version, its proponents and its lineage. */
export const proposalJson = (p: ProposalDetail) => ({
  id: p.id,
  title: p.title,
  language: p.language,
  status: p.status,
  memberStates: p.memberStates,
  organizations: p.organizations,
  proponents: { memberStates: p.proponentStates, organizations: p.proponentOrganizations },
  cosponsorships: p.cosponsorships.map((c) => ({
    memberState: c.memberStateIso3,
    organization: c.organizationId,
    status: c.status,
    requestedAt: c.requestedAt.toISOString(),
    answeredAt: c.answeredAt?.toISOString() ?? null,
  })),
  mergedInto: p.mergedIntoId,
  mergedFrom: p.mergedFrom,
  contributions: p.contributions,
  versions: p.versions.map((v) => ({
    number: v.number,
    text: v.text,
    rationale: v.rationale,
    createdAt: v.createdAt.toISOString(),
  })),
})

const proposeRoute = createRoute({
  method: 'post',
  path: '/processes/{id}/proposals',
  operationId: 'submitProposal',
  security: securityFor('proposal.submit'),
  tags,
  summary: 'Put a proposal forward for a State or an organization, with the co-sponsors it asks for',
  description: `\`cosponsors\` lists States (ISO alpha-3) and organizations (slugs). ${IDEMPOTENT}`,
  request: { params: IdParam, body: jsonBody(ProposalApiInput) },
  responses: { 201: json(z.object({ data: ProposalSchema }), 'Submitted'), ...writeRefusals },
})

const cosponsorshipRoute = createRoute({
  method: 'post',
  path: '/proposals/{id}/cosponsorship',
  operationId: 'answerCosponsorship',
  security: securityFor('proposal.cosponsor'),
  tags,
  summary: 'A State or organization asked to co-sponsor a proposal accepts, declines or later withdraws',
  description: `Only its own delegates or representatives answer for it (\`memberState\` or \`organization\`, by default the caller’s own); it is shown as co-sponsor only once it accepts. ${IDEMPOTENT}`,
  request: { params: IdParam, body: jsonBody(CosponsorshipApiInput) },
  responses: {
    200: json(z.object({ data: ProposalSchema }), 'Answered; the proposal as it now stands'),
    ...writeRefusals,
  },
})

/** Co-sponsors as the command takes them: States by code, organizations by id (slugs looked up). */
async function cosponsorsOf(
  c: Context<AppEnv>,
  codes: readonly string[],
): Promise<Result<{ memberStates: string[]; organizations: number[] }>> {
  const memberStates: string[] = []
  const organizations: number[] = []
  const issues: { path: string; code: string }[] = []
  for (const [i, code] of codes.entries()) {
    if (ISO3.test(code)) memberStates.push(code)
    else {
      const organization = await findOrganizationBySlug(c.var.db, code)
      if (organization) organizations.push(organization.id)
      else issues.push({ path: `cosponsors.${i}`, code: 'negotiation.unknownCosponsor' })
    }
  }
  if (issues.length) return { ok: false, error: { type: 'invalid', id: 'invalid_input', issues } }
  return ok({ memberStates, organizations })
}

const with_ = (speaker: Speaker) =>
  'memberStateIso3' in speaker
    ? { memberStates: [speaker.memberStateIso3], organizations: [] }
    : { memberStates: [], organizations: [speaker.organizationId] }

export function registerProposalApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/processes/{id}/proposals',
      operationId: 'listProcessProposals',
      security: PUBLIC_READ,
      tags,
      summary: 'A process’s proposals with every version and their lineage',
      request: { params: IdParam },
      responses: {
        200: json(z.object({ data: z.array(ProposalSchema) }), 'The proposals'),
        401: errorResponses[401],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const processId = c.req.valid('param').id
      if (!(await findProcess(c.var.db, processId)))
        return respondError(c, { type: 'not_found', id: 'process_not_found' }) as never
      const proposals = await proposalsOf(c.var.db, processId)
      return c.json(
        {
          data: proposals.map(proposalJson),
        },
        200,
      )
    },
  )
  api.openapi(proposeRoute, async (c) => {
    const input = c.req.valid('json')
    const speaker = await speakerOf(c, input)
    if (isRefusal(speaker)) return apiError(c, speaker)
    const cosponsors = await cosponsorsOf(c, input.cosponsors)
    if (!cosponsors.ok) return apiError(c, cosponsors.error)
    const proponent = with_(speaker)
    const result = await submitProposal(c.var.db, commandContext(c), {
      processId: c.req.valid('param').id,
      title: input.title,
      text: input.text,
      rationale: input.rationale,
      language: input.language,
      // the proponent first: the command takes the one it speaks for as the proponent
      memberStates: [...proponent.memberStates, ...cosponsors.value.memberStates],
      organizations: [...proponent.organizations, ...cosponsors.value.organizations],
    })
    if (!result.ok) return apiError(c, result.error)
    const proposal = await findProposal(c.var.db, result.value.id)
    if (!proposal) return apiError(c, { type: 'not_found', id: 'proposal_not_found' })
    c.header('Location', `/proposals/${proposal.id}`)
    return c.json({ data: proposalJson(proposal) }, 201)
  })

  api.openapi(cosponsorshipRoute, async (c) => {
    const input = c.req.valid('json')
    const party = await speakerOf(c, input)
    if (isRefusal(party)) return apiError(c, party)
    const proposalId = c.req.valid('param').id
    const result = await answerCosponsorship(c.var.db, commandContext(c), proposalId, party, input.decision)
    if (!result.ok) return apiError(c, result.error)
    const proposal = await findProposal(c.var.db, proposalId)
    if (!proposal) return apiError(c, { type: 'not_found', id: 'proposal_not_found' })
    return c.json({ data: proposalJson(proposal) }, 200)
  })
}
