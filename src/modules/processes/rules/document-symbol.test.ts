// What the Secretariat may type as a document symbol.
import { describe, expect, it } from 'vitest'
import { documentSymbol } from './document-symbol.ts'

describe('documentSymbol', () => {
  it('accepts the shapes of UN symbols, trimmed', () => {
    for (const s of ['E/CN.16/2018/CRP.1', 'A/RES/70/125', 'E/CN.16/2019/L.3/Rev.1', 'UNCTAD/DTL/STICT/2018/3']) {
      expect(documentSymbol(s)).toBe(s)
    }
    expect(documentSymbol('  E/CN.16/2018/CRP.3 ')).toBe('E/CN.16/2018/CRP.3')
  })

  it('refuses text that is not a symbol: no organ, empty parts, spaces, lower-case organ, markup, a trailing dot', () => {
    for (const s of ['CRP.1', 'E//2018', 'E/CN 16/2018', 'e/cn.16/2018', 'E/<b>/1', 'E/CN.16/2018/CRP.', '', 'E/']) {
      expect(documentSymbol(s)).toBeNull()
    }
    expect(documentSymbol(`E/${'1/'.repeat(60)}1`)).toBeNull()
  })
})
