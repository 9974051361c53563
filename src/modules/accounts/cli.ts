// `ecp token create EMAIL --scope S [--scope S ...] [--name N] [--days D]`: an API token for an
// account, made by an operator. It only writes to the database, so it works beside a running
// PostgreSQL-backed instance. The token is printed alone on the last line, for scripts.
import { parseArgs } from 'node:util'
import { recordAudit } from '../../core/audit/audit.ts'
import { findAccountByEmail } from '../../core/auth/accounts.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { activeGrants } from '../../core/auth/grants.ts'
import { isTokenScope, scopesAvailableTo, TOKEN_SCOPES, type TokenScope } from '../../core/auth/scopes.ts'
import { createApiToken, TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS } from '../../core/auth/tokens.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import type { CliCommand } from '../../core/module.ts'

const USAGE = `usage: ecp token create EMAIL --scope SCOPE [--scope SCOPE ...] [--name NAME] [--days DAYS]
  scopes: ${TOKEN_SCOPES.join(', ')} (read is always included); days: 1 to ${TOKEN_MAX_DAYS}, default ${TOKEN_DEFAULT_DAYS}`

export const tokenCommand: CliCommand = {
  name: 'token',
  usage: 'token create EMAIL',
  description: 'make an API token for an account (--scope, --name, --days); prints it last',
  async run(args, ctx) {
    let parsed: ReturnType<typeof parse>
    try {
      parsed = parse(args)
    } catch (error) {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`)
      return 2
    }
    const { email, scopes, name, days } = parsed
    const { db } = ctx.deps
    const account = await findAccountByEmail(db, email)
    if (!account) {
      process.stderr.write(`ecp token: no account has the address ${email}\n`)
      return 1
    }
    const grants = await activeGrants(db, account.id)
    const owner = {
      kind: 'account' as const,
      accountId: account.id,
      displayName: account.displayName,
      email: account.email,
      grants,
      via: 'session' as const,
    }
    const available = scopesAvailableTo(owner)
    const beyond = scopes.filter((s) => !available.includes(s))
    if (beyond.length > 0) {
      process.stderr.write(
        `ecp token: ${email} holds no role for the scope(s) ${beyond.join(', ')}; it may have: ${available.join(', ')}\n`,
      )
      return 1
    }
    const now = ctx.deps.now()
    const created = await inTransaction(db, async (trx) => {
      const token = await createApiToken(trx, account.id, { name, scopes, days }, now)
      await recordAudit(trx, {
        actor: SYSTEM,
        action: 'api_token.created',
        subjectType: 'account',
        subjectId: account.id,
        payload: { tokenId: token.id, name, scopes: token.scopes, expiresAt: token.expiresAt.toISOString(), by: 'cli' },
        public: false,
        at: now,
      })
      return token
    })
    ctx.out(
      `token #${created.id} "${name}" for ${email}: scopes ${created.scopes.join(', ')}; expires ${created.expiresAt.toISOString()}`,
    )
    ctx.out(created.token)
    return 0
  },
}

function parse(args: string[]): { email: string; scopes: TokenScope[]; name: string; days: number } {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      scope: { type: 'string', multiple: true },
      name: { type: 'string' },
      days: { type: 'string' },
    },
  })
  const [verb, email, ...rest] = positionals
  if (verb !== 'create' || !email || rest.length > 0) throw new Error('ecp token: expected "create EMAIL"')
  const scopes = values.scope ?? []
  if (scopes.length === 0) throw new Error('ecp token: give at least one --scope')
  const unknown = scopes.filter((s) => !isTokenScope(s))
  if (unknown.length > 0) throw new Error(`ecp token: unknown scope(s) ${unknown.join(', ')}`)
  const days = values.days === undefined ? TOKEN_DEFAULT_DAYS : Number(values.days)
  if (!Number.isInteger(days) || days < 1 || days > TOKEN_MAX_DAYS) {
    throw new Error(`ecp token: --days must be a whole number from 1 to ${TOKEN_MAX_DAYS}`)
  }
  const name = (values.name ?? 'operator').trim().slice(0, 80) || 'operator'
  return { email, scopes: scopes as TokenScope[], name, days }
}
