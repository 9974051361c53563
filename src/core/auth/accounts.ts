// Accounts: creation, authentication by email and password, password change.
import type { Db } from '../db/database.ts'
import { conflict, err, invalid, ok, type Result } from '../result.ts'
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password.ts'

export interface Account {
  id: number
  email: string
  displayName: string
  preferredLocale: string | null
  createdAt: Date
}

const accountColumns = ['id', 'email', 'displayName', 'preferredLocale', 'createdAt'] as const

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

export async function createAccount(
  db: Db,
  input: { email: string; displayName: string; password: string; preferredLocale?: string | null },
): Promise<Result<Account>> {
  const email = normalizeEmail(input.email)
  const existing = await db.selectFrom('authAccount').select('id').where('email', '=', email).executeTakeFirst()
  if (existing) return invalid([{ path: 'email', code: 'accounts.emailTaken' }], 'email_taken')
  const account = await db
    .insertInto('authAccount')
    .values({
      email,
      displayName: input.displayName.trim(),
      passwordHash: await hashPassword(input.password),
      preferredLocale: input.preferredLocale ?? null,
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning(accountColumns)
    .executeTakeFirst()
  // a concurrent sign-up with the same email won the race
  if (!account) return conflict('email_taken')
  return ok(account)
}

/** Checks an email and password; unknown emails take as long as wrong passwords. */
export async function authenticate(db: Db, email: string, password: string): Promise<Account | null> {
  const row = await db
    .selectFrom('authAccount')
    .select([...accountColumns, 'passwordHash', 'disabledAt'])
    .where('email', '=', normalizeEmail(email))
    .executeTakeFirst()
  if (!row) return verifyAgainstDummy(password).then(() => null)
  if (!(await verifyPassword(row.passwordHash, password)) || row.disabledAt) return null
  const { passwordHash: _, disabledAt: __, ...account } = row
  return account
}

export async function findAccount(db: Db, id: number): Promise<Account | undefined> {
  return db.selectFrom('authAccount').select(accountColumns).where('id', '=', id).executeTakeFirst()
}

export async function findAccountByEmail(db: Db, email: string): Promise<Account | undefined> {
  return db
    .selectFrom('authAccount')
    .select(accountColumns)
    .where('email', '=', normalizeEmail(email))
    .executeTakeFirst()
}

export async function changePassword(db: Db, accountId: number, current: string, next: string): Promise<Result<void>> {
  const row = await db.selectFrom('authAccount').select('passwordHash').where('id', '=', accountId).executeTakeFirst()
  if (!row || !(await verifyPassword(row.passwordHash, current))) {
    return invalid([{ path: 'currentPassword', code: 'accounts.currentPasswordWrong' }], 'current_password_wrong')
  }
  await db
    .updateTable('authAccount')
    .set({ passwordHash: await hashPassword(next), passwordChangedAt: new Date(), updatedAt: new Date() })
    .where('id', '=', accountId)
    .execute()
  return ok(undefined)
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
