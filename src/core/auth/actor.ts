// Who is acting: an anonymous visitor or a signed-in account with its role grants.
import type { TokenScope } from './scopes.ts'

export const GRANTED_ROLES = [
  'stakeholder_representative',
  'government_delegate',
  'chair',
  'secretariat',
  'administrator',
] as const
export type GrantedRole = (typeof GRANTED_ROLES)[number]

/** Every signed-in account is a participant; the other roles are granted. */
export const ROLES = ['anonymous', 'participant', ...GRANTED_ROLES] as const
export type Role = (typeof ROLES)[number]

export const SCOPE_TYPES = ['member_state', 'organization', 'body'] as const
export type ScopeType = (typeof SCOPE_TYPES)[number]

export interface Scope {
  type: ScopeType
  id: string
}

export interface Grant {
  id: number
  role: GrantedRole
  scope: Scope | null
}

export type Actor =
  | { kind: 'anonymous' }
  /** the platform itself: demo data, reference data, scheduled jobs, CLI administration */
  | { kind: 'system' }
  | {
      kind: 'account'
      accountId: number
      displayName: string
      email: string
      grants: readonly Grant[]
      /** how the request authenticated: a browser session or an API token */
      via: 'session' | 'token'
      /** for a token: what it was made for (see scopes.ts); a session has no scopes */
      scopes?: readonly TokenScope[]
    }

export const ANONYMOUS: Actor = Object.freeze({ kind: 'anonymous' })
export const SYSTEM: Actor = Object.freeze({ kind: 'system' })

export function isSignedIn(actor: Actor): actor is Extract<Actor, { kind: 'account' }> {
  return actor.kind === 'account'
}

/** The account behind an action; null for the platform itself and for anonymous readers. */
export function accountIdOf(actor: Actor): number | null {
  return actor.kind === 'account' ? actor.accountId : null
}

export function hasRole(actor: Actor, role: GrantedRole, scope?: Scope): boolean {
  if (actor.kind !== 'account') return false
  return actor.grants.some(
    (g) => g.role === role && (scope === undefined || (g.scope?.type === scope.type && g.scope.id === scope.id)),
  )
}

/** The Secretariat and administrators run the platform. */
export function isStaff(actor: Actor): boolean {
  return hasRole(actor, 'secretariat') || hasRole(actor, 'administrator')
}

/** The Member States (ISO alpha-3) this actor is an accredited delegate of. */
export function delegationsOf(actor: Actor): string[] {
  if (actor.kind !== 'account') return []
  return actor.grants.filter((g) => g.role === 'government_delegate' && g.scope).map((g) => g.scope?.id as string)
}

/** The organizations (ids) this actor represents. */
export function organizationsOf(actor: Actor): number[] {
  if (actor.kind !== 'account') return []
  return actor.grants.filter((g) => g.role === 'stakeholder_representative' && g.scope).map((g) => Number(g.scope?.id))
}

/**
 * The Chair of a body: a chair grant scoped to that body. A Chair chairs bodies, not the platform:
 * a chair grant without a body chairs nothing (the database refuses new ones; see
 * src/modules/administration/rules/grants.ts).
 */
export function chairsBody(actor: Actor, bodyId: number): boolean {
  return chairedBodies(actor).includes(bodyId)
}

/** The bodies (ids) this actor chairs. */
export function chairedBodies(actor: Actor): number[] {
  if (actor.kind !== 'account') return []
  return actor.grants.flatMap((g) => (g.role === 'chair' && g.scope?.type === 'body' ? [Number(g.scope.id)] : []))
}
