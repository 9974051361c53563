// Password hashing with argon2id (the `argon2` package), at OWASP's recommended minimum cost.
import argon2 from 'argon2'

// OWASP Password Storage Cheat Sheet: argon2id, m=19 MiB, t=2, p=1
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS)
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password)
  } catch {
    return false
  }
}

let dummyHash: Promise<string> | undefined
/** Spends the time of a real verification, so that an unknown email answers as slowly as a known one. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('dummy password that matches nothing')
  await verifyPassword(await dummyHash, password)
  return false
}
