// A text kept as the UTF-8 bytes it was read as (a part of a file in memory), for a bulk import to
// hand the bytes it read straight to PostgreSQL: decoding a million long texts into JavaScript
// strings and encoding them again into COPY's UTF-8 was a third of the import's work in Node. Only
// bytes that are valid UTF-8 are kept this way (the reader decodes the others, bad bytes becoming
// U+FFFD), so the text is the same as the string a decoder would have made of them.

/** Whitespace String.prototype.trim removes (WhiteSpace and LineTerminator): `\s` of a regular expression. */
const SPACE = /\s/

export class Utf8Text {
  /** `bytes[start, end)`, valid UTF-8, never changed while this is held; `nul`: whether it holds a NUL, when known. */
  constructor(
    readonly bytes: Uint8Array,
    readonly start: number,
    readonly end: number,
    private nul?: boolean,
  ) {}

  get byteLength(): number {
    return this.end - this.start
  }

  /** Whether the text holds a NUL (PostgreSQL text cannot). */
  hasNul(): boolean {
    this.nul ??= this.bytes.subarray(this.start, this.end).indexOf(0) !== -1
    return this.nul
  }

  /**
   * The text trimmed as String.prototype.trim trims: this text itself when neither end is white
   * space (a text's usual case, decided by its first and last bytes), else the trimmed string.
   */
  trimmed(): Utf8Text | string {
    if (this.end === this.start) return ''
    return endsAreText(this.bytes, this.start, this.end) ? this : this.toString().trim()
  }

  /** Its length in UTF-16 units, as a string's length counts (at most its byte length). */
  lengthAbove(max: number): boolean {
    return this.byteLength > max && this.toString().length > max
  }

  toString(): string {
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset + this.start, this.byteLength).toString('utf8')
  }

  toJSON(): string {
    return this.toString()
  }
}

/** The first code point at `i` and the last before `end` are no white space (a byte below 0x80 decides alone). */
function endsAreText(b: Uint8Array, start: number, end: number): boolean {
  const first = b[start] as number
  if (first < 0x80 ? first <= 0x20 : SPACE.test(codePointAt(b, start, end))) return false
  const last = b[end - 1] as number
  if (last < 0x80) return last > 0x20
  // back over continuation bytes (10xxxxxx) to the last character's first byte
  let i = end - 1
  while (i > start && ((b[i] as number) & 0xc0) === 0x80 && end - i < 4) i--
  return !SPACE.test(codePointAt(b, i, end))
}

function codePointAt(b: Uint8Array, i: number, end: number): string {
  const lead = b[i] as number
  const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2
  return Buffer.from(b.buffer, b.byteOffset + i, Math.min(size, end - i)).toString('utf8')
}
