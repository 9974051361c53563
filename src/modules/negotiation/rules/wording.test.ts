// The fingerprints of wordings: a paragraph's is the SHA-256 of its text, exactly (no trimming or
// normalizing, so any change of wording is a new wording); an amendment's covers what it does.
import { describe, expect, it } from 'vitest'
import { amendmentWording, paragraphWording } from './wording.ts'

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

  it('of an amendment is the digest of its operation, quoted text and new text, one per line', () => {
    const replace = { operation: 'replace', quotedOld: 'shall', newText: 'should' }
    expect(amendmentWording(replace)).toBe(paragraphWording('replace\nshall\nshould'))
    // an insertion quotes nothing
    expect(amendmentWording({ operation: 'insert', quotedOld: null, newText: 'also' })).toBe(
      paragraphWording('insert\n\nalso'),
    )
  })

  it('tells apart amendments that differ only in operation or in which text a phrase sits', () => {
    const words = { quotedOld: 'shall', newText: 'should' }
    expect(amendmentWording({ operation: 'replace', ...words })).not.toBe(
      amendmentWording({ operation: 'delete', ...words }),
    )
    expect(amendmentWording({ operation: 'replace', quotedOld: 'a', newText: null })).not.toBe(
      amendmentWording({ operation: 'replace', quotedOld: null, newText: 'a' }),
    )
  })
})
