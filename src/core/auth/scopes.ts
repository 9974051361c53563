// What an API token may be used for. Every action needs one scope (or a browser session),
// declared beside its rule (actions.ts); authorize() checks the token's scopes besides the owner's
// grants, so a token never does more than its owner may, nor more than it was made for.
import { type Action, declaredAction } from './actions.ts'
import type { Actor, GrantedRole } from './actor.ts'

export const TOKEN_SCOPES = ['read', 'contribute', 'negotiate', 'chair', 'secretariat'] as const
export type TokenScope = (typeof TOKEN_SCOPES)[number]

/** Only a browser session, never a token: one's own password, profile and tokens. */
export type SessionOnly = 'session'

/** The roles that make a scope worth having; `read` and `contribute` need none. */
const SCOPE_ROLES: Record<TokenScope, readonly GrantedRole[] | null> = {
  read: null,
  contribute: null,
  negotiate: ['government_delegate', 'stakeholder_representative'],
  chair: ['chair', 'secretariat', 'administrator'],
  secretariat: ['secretariat', 'administrator'],
}

/** The scopes an account may put on a token: those its roles give a use (read always). */
export function scopesAvailableTo(actor: Actor): TokenScope[] {
  if (actor.kind !== 'account') return []
  return TOKEN_SCOPES.filter((scope) => {
    const roles = SCOPE_ROLES[scope]
    return roles === null || actor.grants.some((g) => roles.includes(g.role))
  })
}

/** The scope an action needs when the request comes with an API token (or 'session'). */
export function scopeOf(action: Action): TokenScope | SessionOnly {
  return declaredAction(action).declaration.scope
}

/** Whether a request with this actor's credential may attempt an action needing `needs` at all. */
export function credentialAllows(
  actor: Actor,
  needs: TokenScope | SessionOnly,
): { ok: true } | { ok: false; needs: TokenScope | SessionOnly } {
  if (actor.kind !== 'account' || actor.via !== 'token') return { ok: true }
  if (needs !== 'session' && (actor.scopes ?? []).includes(needs)) return { ok: true }
  return { ok: false, needs }
}

export function isTokenScope(value: string): value is TokenScope {
  return (TOKEN_SCOPES as readonly string[]).includes(value)
}
