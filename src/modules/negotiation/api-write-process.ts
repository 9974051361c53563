// The negotiation's JSON API for writing around a process: put a proposal forward with the
// co-sponsors it asks for and their answers, open a negotiating document from a text, the Chair's
// silence procedures and a State's break of one. Each operation parses, then calls the command
// the HTML forms call.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { json, securityFor } from '../../core/http/api.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { apiError } from '../../core/http/errors.tsx'
import { type DomainError, ok, type Result } from '../../core/result.ts'
import { findOrganizationBySlug } from '../actors/index.ts'
import { DocumentSchema, IdParam, negotiatingDocumentJson, ProposalSchema, proposalJson } from './api.ts'
import {
  IDEMPOTENT,
  isRefusal,
  jsonBody,
  SilenceSchema,
  silenceJson,
  speakerOf,
  tags,
  writeRefusals,
} from './api-write-support.ts'
import { answerCosponsorship } from './commands-cosponsors.ts'
import { breakSilence, circulateUnderSilence, createDocument } from './commands-documents.ts'
import { type Speaker, submitProposal } from './commands-proposals.ts'
import { readImport } from './import.ts'
import { findProposal } from './queries.ts'
import {
  BreakSilenceApiInput,
  CosponsorshipApiInput,
  DocumentApiInput,
  ProposalApiInput,
  SilenceApiInput,
} from './schemas.ts'

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

const openDocumentRoute = createRoute({
  method: 'post',
  path: '/processes/{id}/negotiation',
  operationId: 'createNegotiatingDocument',
  security: securityFor('negotiation.manage'),
  tags,
  summary: 'Open a negotiating document from a text (the Chair of the body, or the Secretariat)',
  description: `\`text\` is read as the importer reads pasted text: preambular paragraphs, numbered operative paragraphs, lettered sub-paragraphs, [brackets] kept. The zero draft is issued at once. ${IDEMPOTENT}`,
  request: { params: IdParam, body: jsonBody(DocumentApiInput) },
  responses: {
    201: json(z.object({ data: DocumentSchema }), 'Opened, as GET /negotiation/{id} answers it'),
    ...writeRefusals,
  },
})

const silenceRoute = createRoute({
  method: 'post',
  path: '/negotiation/{id}/silence',
  operationId: 'circulateUnderSilence',
  security: securityFor('consensus.declare'),
  tags,
  summary: 'The Chair circulates paragraphs under a silence procedure until a deadline',
  description: `Unbroken at the deadline, the paragraphs are adopted; the deadline is at least 72 hours ahead. ${IDEMPOTENT}`,
  request: { params: IdParam, body: jsonBody(SilenceApiInput) },
  responses: { 201: json(z.object({ data: SilenceSchema }), 'Circulated'), ...writeRefusals },
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

const BreakAnswer = z.object({
  data: SilenceSchema.extend({
    objectedTo: z
      .array(z.number())
      .openapi({ description: 'The paragraphs this break records the State’s objection on' }),
  }),
})

const breakRoute = createRoute({
  method: 'post',
  path: '/silence/{id}/break',
  operationId: 'breakSilence',
  security: securityFor('position.take'),
  tags,
  summary: 'A State breaks a silence procedure on some or all of the paragraphs circulated',
  description: `The State’s formal objection is recorded on the paragraphs named (default: all circulated) and the break, with its reason, goes on the document’s record; the other paragraphs stay under silence. ${IDEMPOTENT}`,
  request: { params: IdParam, body: jsonBody(BreakSilenceApiInput) },
  responses: { 200: json(BreakAnswer, 'Broken on those paragraphs'), ...writeRefusals },
})

const ISO3 = /^[A-Z]{3}$/

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

export function registerProcessWriteApi(api: OpenAPIHono<AppEnv>): void {
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

  api.openapi(openDocumentRoute, async (c) => {
    const input = c.req.valid('json')
    const imported = await readImport(null, input.text)
    if (!imported.ok) return apiError(c, imported.error as DomainError)
    const result = await createDocument(c.var.db, commandContext(c), {
      processId: c.req.valid('param').id,
      title: input.title,
      symbol: input.symbol,
      language: input.language,
      stakeholdersMayTable: input.stakeholdersMayTable,
      imported: imported.value,
    })
    if (!result.ok) return apiError(c, result.error)
    const data = await negotiatingDocumentJson(c.var.db, result.value.id)
    if (!data) return apiError(c, { type: 'not_found', id: 'negotiating_document_not_found' })
    c.header('Location', `/api/v1/negotiation/${data.id}`)
    return c.json({ data }, 201)
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

  api.openapi(breakRoute, async (c) => {
    const input = c.req.valid('json')
    const silenceId = c.req.valid('param').id
    const ctx = commandContext(c)
    const result = await breakSilence(c.var.db, ctx, silenceId, input.memberState, input.reason, input.paragraphIds)
    if (!result.ok) return apiError(c, result.error)
    const silence = await silenceJson(c.var.db, silenceId)
    if (!silence) return apiError(c, { type: 'not_found', id: 'silence_not_found' })
    return c.json({ data: { ...silence, objectedTo: result.value.paragraphIds } }, 200)
  })

  api.openapi(silenceRoute, async (c) => {
    const result = await circulateUnderSilence(
      c.var.db,
      commandContext(c),
      c.req.valid('param').id,
      c.req.valid('json'),
    )
    if (!result.ok) return apiError(c, result.error)
    const data = await silenceJson(c.var.db, result.value.id)
    if (!data) return apiError(c, { type: 'not_found', id: 'silence_not_found' })
    return c.json({ data }, 201)
  })
}
