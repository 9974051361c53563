// The single place that decides whether an actor may perform an action on a subject.
// Every route calls `authorize`; the policies per area live in ./policy and are merged here.
import { err, ok, type Result } from '../result.ts'
import type { Actor } from './actor.ts'
import { actorsPolicy } from './policy/actors.ts'
import {
  annualReportsPolicy,
  capacityPolicy,
  coordinationPolicy,
  deliberationPolicy,
  knowledgePolicy,
} from './policy/coordination.ts'
import { negotiationPolicy } from './policy/negotiation.ts'
import { platformPolicy } from './policy/platform.ts'
import { processesPolicy } from './policy/processes.ts'
import { credentialAllows } from './scopes.ts'

export const policy = {
  ...platformPolicy,
  ...actorsPolicy,
  ...processesPolicy,
  ...negotiationPolicy,
  ...coordinationPolicy,
  ...annualReportsPolicy,
  ...knowledgePolicy,
  ...capacityPolicy,
  ...deliberationPolicy,
}

export type Policy = typeof policy
export type Action = keyof Policy
type Rule = (actor: Actor, subject: never) => boolean
type SubjectOf<A extends Action> = Policy[A] extends (actor: Actor, subject: infer S) => boolean ? S : never
type SubjectArgs<A extends Action> = Policy[A] extends (actor: Actor) => boolean ? [] : [subject: SubjectOf<A>]

export const ACTIONS = Object.keys(policy) as Action[]

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
  // the platform acting on its own behalf (demo, jobs, CLI) is not subject to roles
  if (actor.kind === 'system') return ok(undefined)
  // a token is checked twice: for what it was made for, then (below) for what its owner may do
  const credential = credentialAllows(actor, action)
  if (!credential.ok) {
    return err({ type: 'forbidden', id: credential.needs === 'session' ? 'session_required' : 'insufficient_scope' })
  }
  const rule = policy[action] as Rule
  if ((rule as (actor: Actor, subject: unknown) => boolean)(actor, subject[0])) return ok(undefined)
  return actor.kind === 'anonymous'
    ? err({ type: 'unauthenticated', id: 'sign_in_required' })
    : err({ type: 'forbidden', id: `forbidden:${action}` })
}

export function can<A extends Action>(actor: Actor, action: A, ...subject: SubjectArgs<A>): boolean {
  return authorize(actor, action, ...subject).ok
}
