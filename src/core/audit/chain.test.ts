import { describe, expect, it } from 'vitest'
import { type ChainedEntry, ChainVerifier, contentHash, entryHash, GENESIS_HASH } from './chain.ts'

function chain(n: number): ChainedEntry[] {
  const entries: ChainedEntry[] = []
  let prevHash = GENESIS_HASH
  for (let seq = 1; seq <= n; seq++) {
    const content = {
      actorAccountId: seq % 2 ? 7 : null,
      action: 'organization.created',
      subjectType: 'organization',
      subjectId: String(seq),
      payload: { name: { en: `Org ${seq}` }, n: seq },
      requestId: null,
    }
    const head = {
      seq,
      at: new Date(Date.UTC(2026, 0, seq)).toISOString(),
      public: seq !== 2,
      contentHash: contentHash(content),
      prevHash,
    }
    const hash = entryHash(head)
    entries.push({ ...content, ...head, hash })
    prevHash = hash
  }
  return entries
}

function verify(entries: ChainedEntry[]) {
  const v = new ChainVerifier()
  for (const e of entries) if (!v.push(e)) break
  return v
}

describe('the audit hash chain', () => {
  it('accepts an untouched chain', () => {
    const v = verify(chain(5))
    expect(v.problem).toBeNull()
    expect(v.count).toBe(5)
  })

  it('accepts a public copy where restricted entries keep only their hashes', () => {
    const entries = chain(4).map((e) =>
      e.public
        ? e
        : { seq: e.seq, at: e.at, public: e.public, contentHash: e.contentHash, prevHash: e.prevHash, hash: e.hash },
    )
    expect(verify(entries).problem).toBeNull()
  })

  it('detects a changed payload', () => {
    const entries = chain(4)
    entries[2] = { ...(entries[2] as ChainedEntry), payload: { name: { en: 'Forged' }, n: 3 } }
    expect(verify(entries).problem).toEqual({ kind: 'content_changed', seq: 3 })
  })

  it('detects a changed time even when the content hash is recomputed', () => {
    const entries = chain(4)
    entries[1] = { ...(entries[1] as ChainedEntry), at: '2020-01-01T00:00:00.000Z' }
    expect(verify(entries).problem).toEqual({ kind: 'entry_changed', seq: 2 })
  })

  it('detects a deleted entry', () => {
    const entries = chain(5)
    entries.splice(2, 1)
    expect(verify(entries).problem).toEqual({ kind: 'gap', seq: 4, expectedSeq: 3 })
  })

  it('detects an entry replaced with a self-consistent forgery', () => {
    const entries = chain(3)
    const forged = { ...(entries[1] as ChainedEntry), payload: { forged: true } }
    forged.contentHash = contentHash(forged as Parameters<typeof contentHash>[0])
    forged.hash = entryHash(forged)
    entries[1] = forged
    expect(verify(entries).problem).toEqual({ kind: 'broken_link', seq: 3 })
  })
})
