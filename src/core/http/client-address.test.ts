// The client's address behind trusted proxies: taken from the right of X-Forwarded-For.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { clientAddress, trustedForwarded } from './client-address.ts'

describe('client address', () => {
  it('ignores X-Forwarded-For when no proxy is trusted', () => {
    expect(clientAddress('203.0.113.9', '10.0.0.2', 0)).toBe('10.0.0.2')
  })

  it('takes the entry the trusted proxy added, not the client-supplied left-most one', () => {
    expect(clientAddress('1.2.3.4, 203.0.113.9', '10.0.0.2', 1)).toBe('203.0.113.9')
    expect(clientAddress('1.2.3.4, 203.0.113.9, 10.0.0.1', '10.0.0.2', 2)).toBe('203.0.113.9')
    expect(clientAddress(undefined, '10.0.0.2', 1)).toBe('10.0.0.2')
    expect(clientAddress('203.0.113.9', '10.0.0.2', 3)).toBe('203.0.113.9')
  })

  it('cannot be chosen by a client who prepends entries', () => {
    fc.assert(
      fc.property(fc.array(fc.ipV4(), { maxLength: 5 }), fc.ipV4(), (forged, real) => {
        const header = [...forged, real].join(', ')
        expect(clientAddress(header, '10.0.0.2', 1)).toBe(real)
      }),
    )
  })

  it('reads X-Forwarded-Proto and -Host as the outermost trusted proxy wrote them', () => {
    expect(trustedForwarded('https', 0)).toBeUndefined()
    expect(trustedForwarded('http, https', 1)).toBe('https')
    expect(trustedForwarded('https', 2)).toBe('https')
  })
})
