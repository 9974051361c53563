import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalizedText, textHash, words } from './normalize.ts'

describe('the normalizer', () => {
  it('ignores case, punctuation and spacing', () => {
    expect(normalizedText('  Keep the Internet OPEN!  Please… ')).toBe('keep the internet open please')
    expect(textHash('Keep the Internet open, please.')).toBe(textHash('keep   the internet open please'))
  })

  it('tells different words apart', () => {
    expect(textHash('keep the internet open')).not.toBe(textHash('keep the internet closed'))
  })

  it('makes each Chinese character a word, and keeps Arabic and Cyrillic words whole', () => {
    expect(words('互联网治理。')).toEqual(['互', '联', '网', '治', '理'])
    expect(words('الإنترنت المفتوح، للجميع')).toEqual(['الإنترنت', 'المفتوح', 'للجميع'])
    expect(words('Открытый Интернет!')).toEqual(['открытый', 'интернет'])
  })

  it('treats compatibility forms as their plain letters (NFKC)', () => {
    expect(normalizedText('ｆｕｌｌｗｉｄｔｈ')).toBe('fullwidth')
  })

  it('is idempotent on any text', () => {
    fc.assert(fc.property(fc.string(), (s) => normalizedText(normalizedText(s)) === normalizedText(s)))
  })
})
