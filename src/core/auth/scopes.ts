// What an API token may be used for. Every action of the policy needs one scope (or a browser
// session), declared here in one place; authorize() checks the token's scopes besides the owner's
// grants, so a token never does more than its owner may, nor more than it was made for.
import type { Actor, GrantedRole } from './actor.ts'
import type { Action } from './authorize.ts'

export const TOKEN_SCOPES = ['read', 'contribute', 'negotiate', 'chair', 'secretariat'] as const
export type TokenScope = (typeof TOKEN_SCOPES)[number]

/** Only a browser session, never a token: one's own password, profile and tokens. */
export type SessionOnly = 'session'

/** The scope each action needs when the request comes with an API token. */
export const ACTION_SCOPES = {
  'member_state.read': 'read',
  'organization.read': 'read',
  'person.read': 'read',
  'audit.read': 'read',
  'body.read': 'read',
  'process.read': 'read',
  'negotiation.read': 'read',
  // a token cannot change its owner's password or profile, nor mint or revoke tokens
  'account.manage_own': 'session',
  'accreditation.request': 'contribute',
  'accreditation.withdraw': 'contribute',
  'accreditation.appeal': 'contribute',
  'organization.update': 'contribute',
  'contribution.submit': 'contribute',
  'contribution.revise': 'contribute',
  'follow.manage': 'contribute',
  'issue.propose': 'contribute',
  'library.suggest': 'contribute',
  'annualReport.write': 'contribute',
  'capacity.record': 'contribute',
  'capacity.offer': 'contribute',
  'deliberation.participate': 'contribute',
  // the negotiation itself: what delegations and stakeholders say on the text
  'proposal.submit': 'negotiate',
  'proposal.revise': 'negotiate',
  'proposal.cosponsor': 'negotiate',
  'amendment.table': 'negotiate',
  'amendment.withdraw': 'negotiate',
  'position.take': 'negotiate',
  'comment.post': 'negotiate',
  // running a body's work: the Chair's (and, where the policy lets it, the Secretariat's) acts
  'process.manage': 'chair',
  'call.extend': 'chair',
  'negotiation.manage': 'chair',
  'consensus.declare': 'chair',
  'proposal.merge': 'chair',
  // running the platform
  'organization.create': 'secretariat',
  'accreditation.review': 'secretariat',
  'administration.view': 'secretariat',
  'role.grant': 'secretariat',
  'body.manage': 'secretariat',
  'contribution.moderate': 'secretariat',
  'comment.answer': 'secretariat',
  'issue.triage': 'secretariat',
  'mechanism.manage': 'secretariat',
  'annualReport.manage': 'secretariat',
  'library.curate': 'secretariat',
  'capacity.manage': 'secretariat',
  'deliberation.open': 'secretariat',
  'deliberation.moderate': 'secretariat',
} as const satisfies Record<Action, TokenScope | SessionOnly>

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

/** Whether a request with this actor's credential may attempt `action` at all. */
export function credentialAllows(
  actor: Actor,
  action: Action,
): { ok: true } | { ok: false; needs: TokenScope | SessionOnly } {
  if (actor.kind !== 'account' || actor.via !== 'token') return { ok: true }
  const needs: TokenScope | SessionOnly = ACTION_SCOPES[action]
  if (needs !== 'session' && (actor.scopes ?? []).includes(needs)) return { ok: true }
  return { ok: false, needs }
}

export function isTokenScope(value: string): value is TokenScope {
  return (TOKEN_SCOPES as readonly string[]).includes(value)
}
