// Route guards: the checks most handlers begin with, answering through the one error mapper.
import type { Context } from 'hono'
import type { Actor } from '../auth/actor.ts'
import { authorize, type SubjectlessAction } from '../auth/authorize.ts'
import type { AppEnv } from './context.ts'
import { respondError } from './errors.tsx'

export type AccountActor = Extract<Actor, { kind: 'account' }>

/**
 * The signed-in account allowed to perform `action` (one that needs no subject), or the
 * response to send instead (a redirect to sign in, or a 403).
 */
export async function requireAccount(
  c: Context<AppEnv>,
  action: SubjectlessAction = 'account.manage_own',
): Promise<AccountActor | Response> {
  const actor = c.var.actor
  const allowed = authorize(actor, action as 'account.manage_own')
  if (!allowed.ok) return respondError(c, allowed.error)
  if (actor.kind !== 'account') return respondError(c, { type: 'unauthenticated', id: 'sign_in_required' })
  return actor
}

/** The answer when the actor may not do `action`: sign in first, or forbidden. */
export function denied(c: Context<AppEnv>, action: string): Response | Promise<Response> {
  return respondError(
    c,
    c.var.actor.kind === 'anonymous'
      ? { type: 'unauthenticated', id: 'sign_in_required' }
      : { type: 'forbidden', id: `forbidden:${action}` },
  )
}
