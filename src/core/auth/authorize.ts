// The single place that decides whether an actor may perform an action on a subject. It knows no
// module's action: each module declares its own in its manifest (`permissions`, see actions.ts),
// and src/modules/index.ts registers them; this file only evaluates.
import { err, ok, type Result } from '../result.ts'
import { type Action, type Actions, declaredAction, registerActions } from './actions.ts'
import type { Actor } from './actor.ts'
import { coreActions } from './permissions.ts'
import { credentialAllows } from './scopes.ts'

registerActions('core', coreActions)

export type { Action } from './actions.ts'

type SubjectArgs<A extends Action> = Actions[A] extends (actor: Actor) => boolean
  ? []
  : Actions[A] extends (actor: Actor, subject: infer S) => boolean
    ? [subject: S]
    : never

/** Actions decided by role alone, without a subject (e.g. "organization.create"). */
export type SubjectlessAction = { [A in Action]: SubjectArgs<A> extends [] ? A : never }[Action]

/**
 * Decides one action. Anonymous visitors who are refused get `unauthenticated` (sign in and try
 * again); signed-in accounts get `forbidden`. A request made with an API token also needs the
 * token's scope for the action (`insufficient_scope`), and some actions need a browser session
 * (`session_required`): see scopes.ts.
 *
 * @example
 * const decision = authorize(actor, 'organization.update', { organizationId: 12 })
 * if (!decision.ok) return decision
 */
export function authorize<A extends Action>(actor: Actor, action: A, ...subject: SubjectArgs<A>): Result<void> {
  return decide(actor, action, subject[0])
}

/** `authorize` for a name and subject known only at run time (the matrix test walks the registry). */
export function decide(actor: Actor, action: string, subject: unknown): Result<void> {
  const declared = declaredAction(action)
  // the platform acting on its own behalf (demo, jobs, CLI) is not subject to roles
  if (actor.kind === 'system') return ok(undefined)
  // a token is checked twice: for what it was made for, then (below) for what its owner may do
  const credential = credentialAllows(actor, declared.declaration.scope)
  if (!credential.ok) {
    return err({ type: 'forbidden', id: credential.needs === 'session' ? 'session_required' : 'insufficient_scope' })
  }
  // the subject's type was checked where the name was written (authorize's signature)
  const allow = declared.declaration.allow as (actor: Actor, subject: unknown) => boolean
  if (allow(actor, subject)) return ok(undefined)
  return actor.kind === 'anonymous'
    ? err({ type: 'unauthenticated', id: 'sign_in_required' })
    : err({ type: 'forbidden', id: `forbidden:${action}` })
}

export function can<A extends Action>(actor: Actor, action: A, ...subject: SubjectArgs<A>): boolean {
  return authorize(actor, action, ...subject).ok
}
