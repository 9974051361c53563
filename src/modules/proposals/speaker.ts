// Whom an API caller speaks for, when it writes for a State or an organization.
import type { Context } from 'hono'
import { delegationsOf, organizationsOf } from '../../core/auth/actor.ts'
import { invalidField } from '../../core/http/api-write.ts'
import type { AppEnv } from '../../core/http/context.ts'
import type { DomainError } from '../../core/result.ts'
import { findOrganizationBySlug } from '../actors/index.ts'
import type { Speaker } from './commands.ts'

/**
 * Whom the caller speaks for: the State or organization named, or, when none is named, the one
 * delegation (or, failing that, the one organization) the caller holds. Whether the caller may
 * speak for it is the command's question, not this function's.
 */
export async function speakerOf(
  c: Context<AppEnv>,
  input: { memberState?: string | undefined; organization?: string | undefined },
): Promise<Speaker | DomainError> {
  if (input.memberState) return { memberStateIso3: input.memberState }
  if (input.organization) {
    const organization = await findOrganizationBySlug(c.var.db, input.organization)
    return organization ? { organizationId: organization.id } : invalidField('organization', 'validation.choice')
  }
  if (c.var.actor.kind !== 'account') return { type: 'unauthenticated', id: 'sign_in_required' }
  const states = delegationsOf(c.var.actor)
  const organizations = organizationsOf(c.var.actor)
  if (states.length === 1) return { memberStateIso3: states[0] as string }
  if (states.length === 0 && organizations.length === 1) return { organizationId: organizations[0] as number }
  // someone who speaks for no State and no organization has nobody to speak for here
  if (states.length === 0 && organizations.length === 0) return { type: 'forbidden', id: 'speaks_for_nobody' }
  return invalidField('memberState', 'validation.required')
}
