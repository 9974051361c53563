// RFC 8785 (JSON Canonicalization Scheme): object keys sorted by their UTF-16 code units at every
// level, no whitespace, numbers in ECMAScript's shortest round-trip form, strings escaped as
// JSON.stringify escapes them. A value hashes the same after a round trip through jsonb, which
// reorders keys. Our own ~30 lines rather than a dependency: the tests check it against the RFC's
// examples and against the RFC author's `canonicalize` package on random values.

/**
 * The canonical JSON text of a value (RFC 8785). Throws on what I-JSON forbids: non-finite
 * numbers and strings with lone surrogates. `undefined` members are dropped, Dates become ISO
 * strings (as JSON.stringify does through `toJSON`).
 * @example canonicalJson({ b: 1, a: [true, 'é'] }) // '{"a":[true,"é"],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  const text = serialize(value)
  if (text === undefined) throw new TypeError('canonical JSON: the value has no JSON form')
  return text
}

function serialize(value: unknown): string | undefined {
  if (value === null) return 'null'
  if (value instanceof Date) return serialize(value.toISOString())
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false'
    case 'number':
      // JSON.stringify of a finite number is exactly ECMAScript's Number.prototype.toString (RFC 8785 §3.2.2.3)
      if (!Number.isFinite(value)) throw new RangeError('canonical JSON: numbers must be finite')
      return JSON.stringify(value)
    case 'string':
      if (!value.isWellFormed()) throw new RangeError('canonical JSON: a string has a lone surrogate')
      return JSON.stringify(value)
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => serialize(v) ?? 'null').join(',')}]`
      const members: string[] = []
      // the default sort compares UTF-16 code units, which is the order RFC 8785 §3.2.3 asks for
      for (const key of Object.keys(value).sort()) {
        const member = serialize((value as Record<string, unknown>)[key])
        if (member !== undefined) members.push(`${serialize(key)}:${member}`)
      }
      return `{${members.join(',')}}`
    }
    default:
      return undefined
  }
}
