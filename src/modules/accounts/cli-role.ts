// `ecp role grant EMAIL administrator|secretariat`: how an operator gives a fresh installation
// (`ecp serve` without the demo) its first administrator or Secretariat officer, whose account
// was made through the sign-up form. Later grants are made in the interface by an administrator.
import { recordAudit } from '../../core/audit/audit.ts'
import { findAccountByEmail } from '../../core/auth/accounts.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { grantRole } from '../../core/auth/grants.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import type { CliCommand } from '../../core/module.ts'

const ROLES = ['administrator', 'secretariat'] as const
const USAGE = `usage: ecp role grant EMAIL ${ROLES.join('|')}`

export const roleCommand: CliCommand = {
  name: 'role',
  usage: 'role grant EMAIL ROLE',
  description: 'give an account the administrator or Secretariat role (the first ones of an installation)',
  async run(args, ctx) {
    const [verb, email, role, ...rest] = args
    if (verb !== 'grant' || !email || !ROLES.includes(role as (typeof ROLES)[number]) || rest.length > 0) {
      process.stderr.write(`${USAGE}\n`)
      return 2
    }
    const { db } = ctx.deps
    const account = await findAccountByEmail(db, email)
    if (!account) {
      process.stderr.write(`ecp role: no account has the address ${email}\n`)
      return 1
    }
    const now = ctx.deps.now()
    await inTransaction(db, async (trx) => {
      const grant = await grantRole(trx, {
        accountId: account.id,
        role: role as (typeof ROLES)[number],
        scope: null,
        grantedBy: null,
      })
      await recordAudit(trx, {
        actor: SYSTEM,
        action: 'role.granted',
        subjectType: 'account',
        subjectId: account.id,
        payload: { grantId: grant.id, role, scope: null, by: 'cli' },
        at: now,
      })
    })
    ctx.out(`${email} is ${role}`)
    return 0
  },
}
