// The fingerprints of wordings: a paragraph's is the SHA-256 of its text, exactly (no trimming or
// normalizing, so any change of wording is a new wording); an amendment's covers what it does, by
// the rule recorded with it (1 for those tabled before 2026-12-11, 2 since).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AMENDMENT_WORDING_VERSION, amendmentWording, paragraphWording } from './wording.ts'

describe('the fingerprint of a wording', () => {
  it('is the SHA-256 of a paragraph’s UTF-8 text, in hex (the published digest of "abc")', () => {
    expect(paragraphWording('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(paragraphWording('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
  })

  it('changes with any change of wording, a space or a letter’s accent included', () => {
    const text = 'Recalling the Tunis Agenda,'
    expect(paragraphWording(`${text} `)).not.toBe(paragraphWording(text))
    expect(paragraphWording('Rappelant l’Agenda de Tunis')).not.toBe(paragraphWording('Rappelant l’Agenda de Tunís'))
  })

  it('of an amendment tabled under rule 1 is still the digest of its parts one per line (stored ones verify)', () => {
    const replace = { operation: 'replace', quotedOld: 'shall', newText: 'should', wordingVersion: 1 }
    expect(amendmentWording(replace)).toBe(paragraphWording('replace\nshall\nshould'))
    // an insertion quotes nothing
    expect(amendmentWording({ operation: 'insert', quotedOld: null, newText: 'also', wordingVersion: 1 })).toBe(
      paragraphWording('insert\n\nalso'),
    )
  })

  it('of an amendment tabled now is "v2:" and the digest of each part with its length', () => {
    expect(AMENDMENT_WORDING_VERSION).toBe(2)
    const replace = { operation: 'replace', quotedOld: 'shall', newText: 'should', wordingVersion: 2 }
    expect(amendmentWording(replace)).toBe(`v2:${paragraphWording('7:replace;5:shall;6:should;')}`)
    // lengths in UTF-8 bytes, none marked apart
    expect(amendmentWording({ operation: 'insert', quotedOld: null, newText: 'é', wordingVersion: 2 })).toBe(
      `v2:${paragraphWording('6:insert;-;2:é;')}`,
    )
  })

  it('tells apart two splits of the same characters, and none from empty, which rule 1 did not', () => {
    type Parts = { operation: string; quotedOld: string | null; newText: string | null }
    const splits: [Parts, Parts] = [
      { operation: 'replace', quotedOld: 'a\nb', newText: 'c' },
      { operation: 'replace', quotedOld: 'a', newText: 'b\nc' },
    ]
    const empty: [Parts, Parts] = [
      { operation: 'insert', quotedOld: null, newText: 'x' },
      { operation: 'insert', quotedOld: '', newText: 'x' },
    ]
    for (const [a, b] of [splits, empty]) {
      expect(amendmentWording({ ...a, wordingVersion: 1 })).toBe(amendmentWording({ ...b, wordingVersion: 1 }))
      expect(amendmentWording({ ...a, wordingVersion: 2 })).not.toBe(amendmentWording({ ...b, wordingVersion: 2 }))
    }
  })

  it('under rule 2, differs for any two different amendments', () => {
    const text = fc.option(fc.string({ unit: fc.constantFrom('a', '\n', ';', ':', '1', '-', 'é') }), { nil: null })
    const amendment = fc.record({
      operation: fc.constantFrom('replace', 'insert', 'delete'),
      quotedOld: text,
      newText: text,
    })
    fc.assert(
      fc.property(amendment, amendment, (a, b) => {
        fc.pre(JSON.stringify(a) !== JSON.stringify(b))
        expect(amendmentWording({ ...a, wordingVersion: 2 })).not.toBe(amendmentWording({ ...b, wordingVersion: 2 }))
      }),
      { numRuns: 2000 },
    )
  })

  it('tells apart amendments that differ only in operation or in which text a phrase sits', () => {
    for (const wordingVersion of [1, 2]) {
      const words = { quotedOld: 'shall', newText: 'should', wordingVersion }
      expect(amendmentWording({ operation: 'replace', ...words })).not.toBe(
        amendmentWording({ operation: 'delete', ...words }),
      )
      expect(amendmentWording({ operation: 'replace', quotedOld: 'a', newText: null, wordingVersion })).not.toBe(
        amendmentWording({ operation: 'replace', quotedOld: null, newText: 'a', wordingVersion }),
      )
    }
  })
})
