// The password rules: length, the most common passwords, the account's own identifiers, and a
// guessability estimate; the demo's and the tests' passwords pass.
import { describe, expect, it } from 'vitest'
import { identifiersOf, passwordProblem } from './password-policy.ts'

const ids = identifiersOf({ email: 'amina.diallo@example.org', displayName: 'Amina Diallo' })

describe('password rules', () => {
  it.each([
    ['aaaaaaaaaa', 'accounts.passwordTooShort'],
    ['password12', 'accounts.passwordTooShort'],
    ['aaaaaaaaaaaa', 'accounts.passwordWeak'],
    ['password1234', 'accounts.passwordCommon'],
    ['qwertyuiopasdf', 'accounts.passwordCommon'],
    ['iloveyou123456', 'accounts.passwordCommon'],
    ['amina.diallo@example.org', 'accounts.passwordPersonal'],
    ['AminaDiallo-2026!', 'accounts.passwordPersonal'],
    ['my name is diallo ok', 'accounts.passwordPersonal'],
  ])('refuses %j (%s)', (password, problem) => {
    expect(passwordProblem(password, ids)).toBe(problem)
  })

  it.each(['ecp-demo-password', 'correct horse battery', 'a perfectly long passphrase', 'Tr0ub4dor&3xx'])(
    'accepts %j',
    (password) => {
      expect(passwordProblem(password, ids)).toBeNull()
    },
  )

  it('counts characters, not UTF-16 units, and accepts passwords in any script', () => {
    expect(passwordProblem('密码密码密码密码密码密', [])).toBe('accounts.passwordTooShort')
    expect(passwordProblem('تعاون معزز بين الحكومات', [])).toBeNull()
  })

  it('takes the email, its local part and the name apart as identifiers', () => {
    expect(ids).toEqual(expect.arrayContaining(['amina.diallo@example.org', 'amina.diallo', 'amina', 'diallo']))
  })
})
