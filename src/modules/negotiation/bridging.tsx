// For the Chair (and the Secretariat) on a paragraph's page: which wordings bridge, from the
// deliberations the paragraph's proposal opened (the deliberation module computes and shows them).
import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import { can } from '../../core/auth/authorize.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { BridgingWordings, bridgingWordings } from '../deliberation/index.ts'

export async function bridgingFor(
  c: Context<AppEnv>,
  paragraph: { proposalId: number | null },
  bodyId: number,
): Promise<Child | null> {
  if (!paragraph.proposalId) return null
  const { actor, db } = c.var
  if (!can(actor, 'negotiation.manage', { bodyId }) && !can(actor, 'consensus.declare', { bodyId })) return null
  const wordings = await bridgingWordings(db, paragraph.proposalId, 5)
  return wordings.length ? <BridgingWordings c={c} wordings={wordings} /> : null
}
