// Proposals' pages and forms: the list for a process, one proposal with its lineage, putting one
// forward on behalf of one's State or organization with co-sponsors, revising, withdrawing and
// the Chair's merge.
import type { Context, Hono } from 'hono'
import { delegationsOf, organizationsOf } from '../../core/auth/actor.ts'
import { can } from '../../core/auth/authorize.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { flash } from '../../core/http/cookies.ts'
import { respondError } from '../../core/http/errors.tsx'
import { type FormValues, fieldValue, fieldValues, forSchema, readForm } from '../../core/http/forms.ts'
import { denied } from '../../core/http/guards.ts'
import { idOrZero, idParam } from '../../core/http/ids.ts'
import { parseWith } from '../../core/http/validation.ts'
import type { Issue, Result } from '../../core/result.ts'
import { sectionsFor } from '../../core/ui/sections.ts'
import { findProcess, type Process } from '../processes/index.ts'
import { mergeProposals, reviseProposal, submitProposal, withdrawProposal } from './commands.ts'
import { answerCosponsorship } from './commands-cosponsors.ts'
import { namesFor } from './names.ts'
import { findProposal, proposalsOf } from './queries.ts'
import { CosponsorshipInput, MergeInput, ProposalInput, ProposalRevisionInput } from './schemas.ts'
import { renderProposal, renderProposalForm, renderProposals } from './views/proposals.tsx'

async function speakerChoices(c: Context<AppEnv>) {
  const names = await namesFor(c, organizationsOf(c.var.actor))
  return {
    names,
    speakers: [
      ...delegationsOf(c.var.actor).map((iso3) => ({ value: `member_state:${iso3}`, label: names.stateName(iso3) })),
      ...organizationsOf(c.var.actor).map((id) => ({
        value: `organization:${id}`,
        label: names.orgName(id),
        name: true,
      })),
    ],
  }
}

/** The form's speakers, co-sponsors and contributions as the command's lists. */
function proposalFields(values: FormValues) {
  const speakers = fieldValues(values, 'speakers')
  const cosponsors = fieldValue(values, 'cosponsors')
    .toUpperCase()
    .split(/[\s,;]+/)
    .filter(Boolean)
  return {
    ...forSchema(values),
    memberStates: [...speakers.filter((s) => s.startsWith('member_state:')).map((s) => s.slice(13)), ...cosponsors],
    organizations: speakers.filter((s) => s.startsWith('organization:')).map((s) => Number(s.slice(13))),
    contributionIds: fieldValue(values, 'contributions')
      .split(/[\s,;#]+/)
      .filter(Boolean),
  }
}

async function processOr404(c: Context<AppEnv>, id: number): Promise<Process | Response> {
  const process = await findProcess(c.var.db, id)
  return process ?? respondError(c, { type: 'not_found', id: 'process_not_found' })
}

/** A command's outcome as a redirect back with a message, or the error page. */
function outcome(c: Context<AppEnv>, result: Result<unknown>, back: string, message = 'flash.saved') {
  if (!result.ok) return respondError(c, result.error)
  flash(c, message)
  return c.redirect(back, 303)
}

export function registerProposalRoutes(app: Hono<AppEnv>): void {
  app.get('/processes/:id/proposals', async (c) => {
    const process = await processOr404(c, idParam(c))
    if (process instanceof Response) return process
    const subject = { id: process.id, bodyId: process.bodyId }
    const [proposals, actions, sections] = await Promise.all([
      proposalsOf(c.var.db, process.id),
      sectionsFor(c, 'proposal-actions', subject),
      sectionsFor(c, 'proposals', subject),
    ])
    const names = await namesFor(c, [...new Set(proposals.flatMap((p) => p.organizations))])
    return renderProposals(c, {
      ...names,
      process,
      proposals,
      actions,
      sections,
      canSubmit: can(c.var.actor, 'proposal.submit'),
      canMerge: can(c.var.actor, 'proposal.merge', { bodyId: process.bodyId }),
    })
  })

  app.get('/proposals/new', async (c) => {
    const process = await processOr404(c, idOrZero(c.req.query('process')))
    if (process instanceof Response) return process
    if (!can(c.var.actor, 'proposal.submit')) return denied(c, 'proposal.submit')
    const { names, speakers } = await speakerChoices(c)
    return renderProposalForm(c, { ...names, process, speakers, form: { values: { language: c.var.i18n.locale } } })
  })

  app.post('/proposals', async (c) => {
    const values = await readForm(c)
    const process = await processOr404(c, idOrZero(values.processId))
    if (process instanceof Response) return process
    const again = async (issues: Issue[], status: 403 | 422 = 422) => {
      const { names, speakers } = await speakerChoices(c)
      return renderProposalForm(c, { ...names, process, speakers, form: { values, issues }, status })
    }
    const parsed = parseWith(ProposalInput, proposalFields(values))
    if (!parsed.ok) return again(parsed.issues)
    const result = await submitProposal(c.var.db, commandContext(c), parsed.value)
    if (!result.ok) {
      if (result.error.type === 'invalid') return again(result.error.issues)
      if (result.error.id === 'not_a_proponent')
        return again([{ path: 'speakers', code: 'errors.not_a_proponent' }], 403)
      return respondError(c, result.error)
    }
    flash(c, 'flash.proposalSubmitted')
    return c.redirect(`/proposals/${result.value.id}`, 303)
  })

  app.get('/proposals/:id', async (c) => {
    const proposal = await findProposal(c.var.db, idParam(c))
    if (!proposal) return respondError(c, { type: 'not_found', id: 'proposal_not_found' })
    const [process, mergedInto, mergedFrom] = await Promise.all([
      findProcess(c.var.db, proposal.processId),
      proposal.mergedIntoId ? findProposal(c.var.db, proposal.mergedIntoId) : undefined,
      Promise.all(proposal.mergedFrom.map((id) => findProposal(c.var.db, id))),
    ])
    if (!process) return respondError(c, { type: 'not_found', id: 'process_not_found' })
    const sections = await sectionsFor(c, 'proposal', { id: proposal.id, bodyId: process.bodyId })
    const from = mergedFrom.filter((p) => p !== undefined)
    const names = await namesFor(c, [
      ...new Set([
        ...[proposal, ...from, ...(mergedInto ? [mergedInto] : [])].flatMap((p) => p.organizations),
        ...proposal.cosponsorships.flatMap((k) => (k.organizationId ? [k.organizationId] : [])),
      ]),
    ])
    return renderProposal(c, {
      ...names,
      proposal,
      process,
      mergedInto,
      mergedFrom: from,
      sections,
      canRevise: can(c.var.actor, 'proposal.revise', {
        memberStates: proposal.proponentStates,
        organizations: proposal.proponentOrganizations,
      }),
      delegations: delegationsOf(c.var.actor),
      organizations: organizationsOf(c.var.actor),
    })
  })

  app.post('/proposals/:id/revise', async (c) => {
    const parsed = parseWith(ProposalRevisionInput, forSchema(await readForm(c)))
    if (!parsed.ok) return respondError(c, { type: 'invalid', id: 'invalid_input', issues: parsed.issues })
    const result = await reviseProposal(c.var.db, commandContext(c), idParam(c), parsed.value)
    return outcome(c, result, `/proposals/${idParam(c)}`, 'flash.proposalRevised')
  })

  app.post('/proposals/:id/cosponsorship', async (c) => {
    const parsed = parseWith(CosponsorshipInput, forSchema(await readForm(c)))
    if (!parsed.ok) return respondError(c, { type: 'invalid', id: 'invalid_input', issues: parsed.issues })
    const [kind, code] = parsed.value.party.split(':') as [string, string]
    const party = kind === 'member_state' ? { memberStateIso3: code } : { organizationId: Number(code) }
    const result = await answerCosponsorship(c.var.db, commandContext(c), idParam(c), party, parsed.value.answer)
    return outcome(c, result, `/proposals/${idParam(c)}`, 'flash.cosponsorshipAnswered')
  })

  app.post('/proposals/:id/withdraw', async (c) => {
    const result = await withdrawProposal(c.var.db, commandContext(c), idParam(c))
    return outcome(c, result, `/proposals/${idParam(c)}`)
  })

  app.post('/proposals/merge', async (c) => {
    const parsed = parseWith(MergeInput, forSchema(await readForm(c)))
    if (!parsed.ok) return respondError(c, { type: 'invalid', id: 'invalid_input', issues: parsed.issues })
    const result = await mergeProposals(c.var.db, commandContext(c), parsed.value)
    if (!result.ok) return respondError(c, result.error)
    flash(c, 'flash.proposalsMerged')
    return c.redirect(`/proposals/${result.value.id}`, 303)
  })
}
