// Staff roles: a Chair chairs a body and only a Chair names one; nobody grants or revokes a role
// of their own (four eyes); grants made before these rules are found and named.
import { describe, expect, it } from 'vitest'
import { brokenRule, grantRefusal, revocationRefusal } from './grants.ts'

describe('grantRefusal', () => {
  it('lets an administrator grant a Chair for a body and the Secretariat for the platform', () => {
    expect(grantRefusal({ granterAccountId: 1, granteeAccountId: 2, role: 'chair', bodyId: 5 }).ok).toBe(true)
    expect(grantRefusal({ granterAccountId: 1, granteeAccountId: 2, role: 'secretariat', bodyId: null }).ok).toBe(true)
    expect(grantRefusal({ granterAccountId: null, granteeAccountId: 2, role: 'administrator', bodyId: null }).ok).toBe(
      true,
    )
  })

  it('refuses a role granted to oneself, whatever the role', () => {
    for (const role of ['chair', 'secretariat', 'administrator'] as const)
      expect(
        grantRefusal({ granterAccountId: 3, granteeAccountId: 3, role, bodyId: role === 'chair' ? 5 : null }),
      ).toEqual({
        ok: false,
        error: { type: 'forbidden', id: 'own_role' },
      })
  })

  it('refuses a Chair without a body and a body for any other role, beside the body field', () => {
    const noBody = grantRefusal({ granterAccountId: 1, granteeAccountId: 2, role: 'chair', bodyId: null })
    expect(noBody.ok || noBody.error).toMatchObject({
      type: 'invalid',
      issues: [{ path: 'bodyId', code: 'administration.chairNeedsBody' }],
    })
    const body = grantRefusal({ granterAccountId: 1, granteeAccountId: 2, role: 'administrator', bodyId: 5 })
    expect(body.ok || body.error).toMatchObject({
      type: 'invalid',
      issues: [{ path: 'bodyId', code: 'administration.bodyOnlyForChair' }],
    })
  })
})

describe('revocationRefusal', () => {
  it('lets another account revoke a role, and the platform itself, but nobody their own', () => {
    expect(revocationRefusal(1, { accountId: 2 }).ok).toBe(true)
    expect(revocationRefusal(null, { accountId: 2 }).ok).toBe(true)
    expect(revocationRefusal(2, { accountId: 2 })).toEqual({ ok: false, error: { type: 'forbidden', id: 'own_role' } })
  })
})

describe('brokenRule', () => {
  it('names the grants an earlier version made that break the rules, and passes the rest', () => {
    expect(brokenRule({ role: 'chair', scopeType: null, accountId: 2, grantedBy: 1 })).toBe('chair_without_body')
    expect(brokenRule({ role: 'chair', scopeType: 'member_state', accountId: 2, grantedBy: 1 })).toBe(
      'chair_without_body',
    )
    expect(brokenRule({ role: 'secretariat', scopeType: null, accountId: 2, grantedBy: 2 })).toBe('granted_by_grantee')
    expect(brokenRule({ role: 'chair', scopeType: 'body', accountId: 2, grantedBy: 1 })).toBeNull()
    expect(brokenRule({ role: 'secretariat', scopeType: null, accountId: 2, grantedBy: null })).toBeNull()
  })
})
