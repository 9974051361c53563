// A token's scopes against the declared actions: every action needs one scope (or a session), and a token
// passes only when both its scope and its owner's grants allow the action.
import { describe, expect, it } from 'vitest'
import { modules } from '../../modules/index.ts'
import { declaredActions } from './actions.ts'
import type { Actor, GrantedRole } from './actor.ts'
import { authorize } from './authorize.ts'
import { scopeOf, scopesAvailableTo, TOKEN_SCOPES, type TokenScope } from './scopes.ts'

function owner(role: GrantedRole | null, via: 'session' | 'token', scopes?: TokenScope[]): Actor {
  return {
    kind: 'account',
    accountId: 7,
    displayName: 'Owner',
    email: 'owner@example.org',
    grants: role ? [{ id: 1, role, scope: null }] : [],
    via,
    ...(scopes ? { scopes } : {}),
  }
}

describe('token scopes', () => {
  it('knows the scope of every action every module declares', () => {
    expect(modules.length).toBeGreaterThan(0)
    for (const { name, declaration } of declaredActions()) {
      expect([...TOKEN_SCOPES, 'session'], name).toContain(declaration.scope)
    }
  })

  it('declares the negotiation actions a delegation’s tool needs as negotiate, and the Chair’s as chair', () => {
    for (const action of ['amendment.table', 'position.take', 'proposal.submit', 'proposal.revise'] as const) {
      expect(scopeOf(action)).toBe('negotiate')
    }
    for (const action of ['consensus.declare', 'negotiation.manage', 'proposal.merge'] as const) {
      expect(scopeOf(action)).toBe('chair')
    }
  })

  it('refuses a token an action outside its scopes, even when the owner may do it', () => {
    const readOnly = owner('secretariat', 'token', ['read'])
    const decision = authorize(readOnly, 'organization.create')
    expect(decision.ok).toBe(false)
    if (!decision.ok) expect(decision.error.id).toBe('insufficient_scope')
    expect(authorize(owner('secretariat', 'token', ['read', 'secretariat']), 'organization.create').ok).toBe(true)
    expect(authorize(owner('secretariat', 'session'), 'organization.create').ok).toBe(true)
  })

  it('refuses a token an action its owner may not do, whatever its scopes', () => {
    const decision = authorize(owner(null, 'token', [...TOKEN_SCOPES]), 'organization.create')
    expect(decision.ok).toBe(false)
    if (!decision.ok) expect(decision.error.id).toBe('forbidden:organization.create')
  })

  it('never lets a token manage its own account (password, profile, tokens)', () => {
    const decision = authorize(owner('administrator', 'token', [...TOKEN_SCOPES]), 'account.manage_own')
    expect(decision.ok).toBe(false)
    if (!decision.ok) expect(decision.error.id).toBe('session_required')
  })

  it('treats a token without scopes as able to do nothing', () => {
    expect(authorize(owner('administrator', 'token'), 'member_state.read').ok).toBe(false)
  })

  it('offers each account only the scopes its roles give a use', () => {
    expect(scopesAvailableTo(owner(null, 'session'))).toEqual(['read', 'contribute'])
    expect(scopesAvailableTo(owner('government_delegate', 'session'))).toEqual(['read', 'contribute', 'negotiate'])
    expect(scopesAvailableTo(owner('chair', 'session'))).toEqual(['read', 'contribute', 'chair'])
    expect(scopesAvailableTo(owner('secretariat', 'session'))).toEqual(['read', 'contribute', 'chair', 'secretariat'])
  })
})
