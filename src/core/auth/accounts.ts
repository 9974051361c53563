// Accounts: creation, authentication by email and password, password change, and the
// confirmation of the email address a person signed up with.
import type { Db } from '../db/database.ts'
import { conflict, err, invalid, ok, type Result } from '../result.ts'
import { randomToken, sha256 } from './crypto.ts'
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password.ts'
import { identifiersOf, passwordIssue } from './password-policy.ts'

export interface Account {
  id: number
  email: string
  displayName: string
  preferredLocale: string | null
  createdAt: Date
}

const accountColumns = ['id', 'email', 'displayName', 'preferredLocale', 'createdAt'] as const

/** How long a confirmation link mailed at sign-up stays good. */
export const CONFIRMATION_HOURS = 48

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

/**
 * Creates an account. `confirmed: false` (sign-up) leaves it waiting for its email address to
 * be confirmed; accounts made by operators, the demo and tests are confirmed at once.
 */
export async function createAccount(
  db: Db,
  input: { email: string; displayName: string; password: string; preferredLocale?: string | null; confirmed: boolean },
  now = new Date(),
): Promise<Result<Account>> {
  const email = normalizeEmail(input.email)
  const weak = passwordIssue('password', input.password, identifiersOf({ email, displayName: input.displayName }))
  if (weak) return invalid([weak])
  const existing = await db.selectFrom('authAccount').select('id').where('email', '=', email).executeTakeFirst()
  if (existing) return invalid([{ path: 'email', code: 'accounts.emailTaken' }], 'email_taken')
  const account = await db
    .insertInto('authAccount')
    .values({
      email,
      displayName: input.displayName.trim(),
      passwordHash: await hashPassword(input.password),
      preferredLocale: input.preferredLocale ?? null,
      emailConfirmedAt: input.confirmed ? now : null,
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning(accountColumns)
    .executeTakeFirst()
  // a concurrent sign-up with the same email won the race
  if (!account) return conflict('email_taken')
  return ok(account)
}

export type Authentication =
  | { status: 'ok'; account: Account }
  | { status: 'unconfirmed'; account: Account }
  | { status: 'failed' }

/** Checks an email and password; unknown emails take as long as wrong passwords. */
export async function authenticate(db: Db, email: string, password: string): Promise<Authentication> {
  const row = await db
    .selectFrom('authAccount')
    .select([...accountColumns, 'passwordHash', 'disabledAt', 'emailConfirmedAt'])
    .where('email', '=', normalizeEmail(email))
    .executeTakeFirst()
  if (!row) return verifyAgainstDummy(password).then(() => ({ status: 'failed' }))
  if (!(await verifyPassword(row.passwordHash, password)) || row.disabledAt) return { status: 'failed' }
  const { passwordHash: _, disabledAt: __, emailConfirmedAt, ...account } = row
  return { status: emailConfirmedAt ? 'ok' : 'unconfirmed', account }
}

export async function findAccount(db: Db, id: number): Promise<Account | undefined> {
  return db.selectFrom('authAccount').select(accountColumns).where('id', '=', id).executeTakeFirst()
}

/** Whether any account exists yet (an installation without one may load the demo). */
export async function hasAccounts(db: Db): Promise<boolean> {
  return (await db.selectFrom('authAccount').select('id').limit(1).executeTakeFirst()) !== undefined
}

export async function findAccountByEmail(db: Db, email: string) {
  return db
    .selectFrom('authAccount')
    .select([...accountColumns, 'emailConfirmedAt'])
    .where('email', '=', normalizeEmail(email))
    .executeTakeFirst()
}

/** Checks the current password, then sets a new one that passes the password rules. */
export async function changePassword(db: Db, accountId: number, current: string, next: string): Promise<Result<void>> {
  const row = await db
    .selectFrom('authAccount')
    .select(['passwordHash', 'email', 'displayName'])
    .where('id', '=', accountId)
    .executeTakeFirst()
  if (!row || !(await verifyPassword(row.passwordHash, current))) {
    return invalid([{ path: 'currentPassword', code: 'accounts.currentPasswordWrong' }], 'current_password_wrong')
  }
  const weak = passwordIssue('newPassword', next, identifiersOf(row))
  if (weak) return invalid([weak])
  await db
    .updateTable('authAccount')
    .set({ passwordHash: await hashPassword(next), passwordChangedAt: new Date(), updatedAt: new Date() })
    .where('id', '=', accountId)
    .execute()
  return ok(undefined)
}

/**
 * Starts (or restarts) the confirmation of an unconfirmed account: a new link token, the earlier
 * one no longer good. A second sign-up with the same address replaces the name and password, so
 * whoever signed up first cannot keep an account waiting on someone else's address.
 */
export async function restartConfirmation(
  db: Db,
  accountId: number,
  now: Date,
  replace?: { displayName: string; password: string },
): Promise<string> {
  const token = randomToken()
  await db
    .updateTable('authAccount')
    .set({
      emailConfirmationHash: sha256(token),
      emailConfirmationExpiresAt: new Date(now.getTime() + CONFIRMATION_HOURS * 60 * 60 * 1000),
      updatedAt: now,
      ...(replace
        ? { displayName: replace.displayName.trim(), passwordHash: await hashPassword(replace.password) }
        : {}),
    })
    .where('id', '=', accountId)
    .where('emailConfirmedAt', 'is', null)
    .execute()
  return token
}

/** The unconfirmed account a confirmation link is for, while the link is good. */
export async function accountForConfirmation(db: Db, token: string, now: Date) {
  return db
    .selectFrom('authAccount')
    .select([...accountColumns, 'passwordHash'])
    .where('emailConfirmationHash', '=', sha256(token))
    .where('emailConfirmationExpiresAt', '>', now)
    .where('emailConfirmedAt', 'is', null)
    .executeTakeFirst()
}

/** Confirms the account of a good link when the password given is its own. */
export async function confirmEmail(db: Db, token: string, password: string, now: Date): Promise<Result<Account>> {
  const row = await accountForConfirmation(db, token, now)
  if (!row) return err({ type: 'not_found', id: 'confirmation_not_found' })
  if (!(await verifyPassword(row.passwordHash, password))) {
    return invalid([{ path: 'password', code: 'accounts.confirmPasswordWrong' }], 'current_password_wrong')
  }
  const confirmed = await db
    .updateTable('authAccount')
    .set({ emailConfirmedAt: now, emailConfirmationHash: null, emailConfirmationExpiresAt: null, updatedAt: now })
    .where('id', '=', row.id)
    .where('emailConfirmedAt', 'is', null)
    .executeTakeFirst()
  if (confirmed.numUpdatedRows === 0n) return err({ type: 'not_found', id: 'confirmation_not_found' })
  const { passwordHash: _, ...account } = row
  return ok(account)
}

export async function updateAccountProfile(
  db: Db,
  accountId: number,
  changes: { displayName?: string; preferredLocale?: string | null },
): Promise<Result<void>> {
  const result = await db
    .updateTable('authAccount')
    .set({ ...changes, updatedAt: new Date() })
    .where('id', '=', accountId)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n ? ok(undefined) : err({ type: 'not_found', id: 'account_not_found' })
}
