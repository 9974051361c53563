// The demo's accreditations: delegates of three States and a civil-society representative,
// approved by the Secretariat; one request left pending for the review queue.
import type { Actor } from '../../core/auth/actor.ts'
import { activeGrants } from '../../core/auth/grants.ts'
import type { DemoContext } from '../../core/module.ts'
import { findOrganizationBySlug } from '../actors/index.ts'
import { approveAccreditation, requestAccreditation } from './commands.ts'

async function actorOf(ctx: DemoContext, handle: string): Promise<Extract<Actor, { kind: 'account' }>> {
  const account = ctx.accounts.get(handle)
  if (!account) throw new Error(`demo account ${handle} is missing`)
  const grants = await activeGrants(ctx.db, account.id)
  return { kind: 'account', accountId: account.id, displayName: handle, email: account.email, grants, via: 'session' }
}

export async function loadAccreditationDemo(ctx: DemoContext): Promise<void> {
  const now = new Date()
  const secretariat = await actorOf(ctx, 'secretariat')
  const apc = await findOrganizationBySlug(ctx.db, 'apc')
  const isoc = await findOrganizationBySlug(ctx.db, 'isoc')
  const approved: [string, Parameters<typeof requestAccreditation>[2]][] = [
    [
      'delegate-bra',
      { kind: 'government_delegate', memberState: 'BRA', title: 'Counsellor, Permanent Mission of Brazil in Geneva' },
    ],
    [
      'delegate-zaf',
      {
        kind: 'government_delegate',
        memberState: 'ZAF',
        title: 'Director, Department of Communications and Digital Technologies',
      },
    ],
    [
      'delegate-fra',
      {
        kind: 'government_delegate',
        memberState: 'FRA',
        title: 'Conseillère, Mission permanente de la France à Genève',
      },
    ],
    ['apc', { kind: 'stakeholder_representative', organization: apc?.id ?? 0, title: 'Policy coordinator' }],
  ]
  for (const [handle, input] of approved) {
    const request = await requestAccreditation(ctx.db, { actor: await actorOf(ctx, handle), now }, input)
    if (!request.ok) throw new Error(`demo accreditation for ${handle}: ${JSON.stringify(request.error)}`)
    const decision = await approveAccreditation(ctx.db, { actor: secretariat, now }, request.value.id)
    if (!decision.ok) throw new Error(`demo approval for ${handle}: ${JSON.stringify(decision.error)}`)
  }
  const pending = await requestAccreditation(
    ctx.db,
    { actor: await actorOf(ctx, 'participant'), now },
    {
      kind: 'stakeholder_representative',
      organization: isoc?.id ?? 0,
      title: 'Chapter volunteer',
      justification: 'I coordinate the local chapter and would like to submit its contributions.',
    },
  )
  if (!pending.ok) throw new Error(`demo pending accreditation: ${JSON.stringify(pending.error)}`)
}
