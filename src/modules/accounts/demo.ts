// The demo's accounts. They all share one password, printed by `npm start`; the demo never loads
// in production (NODE_ENV=production) unless ECP_DEMO=on.

import { recordAudit } from '../../core/audit/audit.ts'
import { createAccount } from '../../core/auth/accounts.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { grantRole } from '../../core/auth/grants.ts'
import type { DemoContext } from '../../core/module.ts'
import { ensurePersonForAccount, updatePerson } from '../actors/index.ts'

export const DEMO_PASSWORD = 'ecp-demo-password'

export const DEMO_ACCOUNTS = [
  { handle: 'admin', email: 'admin@ecp.example', name: 'Ada Administrator', role: 'administrator' },
  { handle: 'secretariat', email: 'secretariat@ecp.example', name: 'Samir Secretariat', role: 'secretariat' },
  // a Chair chairs bodies, not the platform: the processes demo makes them Chair of the WGEC and the CSTD
  { handle: 'chair', email: 'chair@ecp.example', name: 'Benedicto Fonseca Filho', role: null },
  { handle: 'delegate-bra', email: 'delegate.bra@ecp.example', name: 'Beatriz Almeida', role: null },
  { handle: 'delegate-zaf', email: 'delegate.zaf@ecp.example', name: 'Thandiwe Nkosi', role: null },
  { handle: 'delegate-fra', email: 'delegate.fra@ecp.example', name: 'Claire Dubois', role: null },
  { handle: 'apc', email: 'apc@ecp.example', name: 'Valeria Rivas', role: null },
  { handle: 'participant', email: 'participant@ecp.example', name: 'Lin Wei', role: null },
] as const

export async function loadAccountsDemo({ db, deps, accounts }: DemoContext): Promise<void> {
  for (const a of DEMO_ACCOUNTS) {
    const created = await createAccount(db, {
      email: a.email,
      displayName: a.name,
      password: DEMO_PASSWORD,
      confirmed: true,
    })
    if (!created.ok) throw new Error(`demo account ${a.email}: ${JSON.stringify(created.error)}`)
    const person = await ensurePersonForAccount(db, created.value.id, a.name)
    if (a.handle === 'chair')
      await updatePerson(db, { actor: SYSTEM, now: deps.now() }, person.id, {
        honorific: 'Ambassador',
        profilePublic: true,
      })
    if (a.role) {
      const grant = await grantRole(db, { accountId: created.value.id, role: a.role, scope: null, grantedBy: null })
      await recordAudit(db, {
        actor: SYSTEM,
        action: 'role.granted',
        subjectType: 'account',
        subjectId: created.value.id,
        payload: { grantId: grant.id, role: a.role },
      })
    }
    accounts.set(a.handle, { id: created.value.id, email: a.email })
  }
}
