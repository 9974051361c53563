// Rows in COPY's binary format, for copyInto: PostgreSQL reads each value as it is stored (no
// text to parse: an int8 is 8 bytes, a bytea its bytes, a timestamp one int64), and writing it
// here is a few stores per value instead of a string per value. The layout is PostgreSQL's
// ("COPY ... Binary Format"): a signature and two int32s, then per row an int16 count of fields
// and per field an int32 length (-1 for null) and the value, big-endian; an int16 -1 ends it.
// The value types must be the columns' own (an int4 column takes int4, not int8).

const SIGNATURE = [0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00]
/** milliseconds from 1970-01-01 to 2000-01-01, PostgreSQL's epoch for timestamps */
const PG_EPOCH_MS = 946_684_800_000
const INT4_OID = 23
/** the signature, the flags and the header extension's length */
const HEADER_BYTES = 19

export class BinaryCopy {
  private buffer: Buffer
  private view: DataView
  private at = 0

  /** `into`: memory to write in (one a finished writer's data no longer needs), when it is large enough. */
  constructor(capacity = 1 << 16, into?: ArrayBuffer) {
    const size = Math.max(64, capacity)
    // memory of its own, never a slice of Node's shared pool (Buffer.allocUnsafe's below 32 KB on
    // Node 24): a writer's memory is given back to be written in again (queries-bulk-write.ts),
    // and the pool's is other buffers' too
    this.buffer = into && into.byteLength >= size ? Buffer.from(into) : Buffer.allocUnsafeSlow(size)
    this.view = new DataView(this.buffer.buffer, this.buffer.byteOffset, this.buffer.byteLength)
    for (const b of SIGNATURE) this.buffer[this.at++] = b
    // flags, then the length of the header extension: none
    this.int32Raw(0)
    this.int32Raw(0)
  }

  private room(n: number) {
    if (this.at + n <= this.buffer.length) return
    const bigger = Buffer.allocUnsafeSlow(Math.max(this.buffer.length * 2, this.at + n))
    this.buffer.copy(bigger, 0, 0, this.at)
    this.buffer = bigger
    this.view = new DataView(bigger.buffer, bigger.byteOffset, bigger.byteLength)
  }

  private int32Raw(v: number) {
    this.room(4)
    this.view.setInt32(this.at, v)
    this.at += 4
  }

  /** Starts a row of `fields` values. */
  row(fields: number): this {
    this.room(2)
    this.view.setInt16(this.at, fields)
    this.at += 2
    return this
  }

  null(): this {
    this.int32Raw(-1)
    return this
  }

  /** A bigint column's value (a safe integer). */
  int8(v: number): this {
    this.room(12)
    this.view.setInt32(this.at, 8)
    // two halves: a float64 safe integer has no BigInt to go through
    this.view.setInt32(this.at + 4, Math.floor(v / 0x1_0000_0000))
    this.view.setUint32(this.at + 8, v >>> 0)
    this.at += 12
    return this
  }

  int4(v: number): this {
    this.room(8)
    this.view.setInt32(this.at, 4)
    this.view.setInt32(this.at + 4, v)
    this.at += 8
    return this
  }

  bool(v: boolean): this {
    this.room(5)
    this.view.setInt32(this.at, 1)
    this.buffer[this.at + 4] = v ? 1 : 0
    this.at += 5
    return this
  }

  /** An int4[] of one dimension, no nulls (PostgreSQL's array_recv: dimensions, element type, bounds, values). */
  int4Array(values: readonly number[]): this {
    const n = values.length
    this.room(4 + 20 + n * 8)
    const v = this.view
    const at = this.at
    if (n === 0) {
      // an empty array is no dimensions
      v.setInt32(at, 12)
      v.setInt32(at + 4, 0)
      v.setInt32(at + 8, 0)
      v.setInt32(at + 12, INT4_OID)
      this.at += 16
      return this
    }
    v.setInt32(at, 20 + n * 8)
    v.setInt32(at + 4, 1)
    v.setInt32(at + 8, 0)
    v.setInt32(at + 12, INT4_OID)
    v.setInt32(at + 16, n)
    v.setInt32(at + 20, 1)
    for (let i = 0; i < n; i++) {
      v.setInt32(at + 24 + i * 8, 4)
      v.setInt32(at + 28 + i * 8, values[i] as number)
    }
    this.at += 24 + n * 8
    return this
  }

  /** Fields already written (by another BinaryCopy: values every row repeats, written once). */
  raw(bytes: Uint8Array): this {
    this.room(bytes.length)
    this.buffer.set(bytes, this.at)
    this.at += bytes.length
    return this
  }

  /** A bigint value written again at `at` (where int8 wrote one: a row's id known only later). */
  int8At(at: number, v: number): this {
    this.view.setInt32(at, Math.floor(v / 0x1_0000_0000))
    this.view.setUint32(at + 4, v >>> 0)
    return this
  }

  /** A timestamptz from milliseconds since 1970 (PostgreSQL keeps microseconds since 2000). */
  timestamptz(ms: number): this {
    return this.int8(Math.round((ms - PG_EPOCH_MS) * 1000))
  }

  /** A text value (UTF-8). */
  text(s: string): this {
    // at most 3 bytes per UTF-16 unit
    this.room(4 + s.length * 3)
    // a short ASCII text byte by byte: a call to write costs more than a code, a language or an id
    if (s.length <= 16) {
      const b = this.buffer
      const at = this.at + 4
      let i = 0
      for (; i < s.length; i++) {
        const c = s.charCodeAt(i)
        if (c >= 0x80) break
        b[at + i] = c
      }
      if (i === s.length) {
        this.view.setInt32(this.at, i)
        this.at += 4 + i
        return this
      }
    }
    const n = this.buffer.write(s, this.at + 4, 'utf8')
    this.view.setInt32(this.at, n)
    this.at += 4 + n
    return this
  }

  /** A text value already in UTF-8: `bytes[start, end)`, copied as they are. */
  utf8(bytes: Uint8Array, start: number, end: number): this {
    const n = end - start
    this.room(4 + n)
    this.view.setInt32(this.at, n)
    this.buffer.set(bytes.subarray(start, end), this.at + 4)
    this.at += 4 + n
    return this
  }

  /** A jsonb value from its JSON text (binary jsonb is a version byte, then the text). */
  jsonb(json: string): this {
    this.room(5 + json.length * 3)
    this.buffer[this.at + 4] = 1
    const n = this.buffer.write(json, this.at + 5, 'utf8')
    this.view.setInt32(this.at, n + 1)
    this.at += 5 + n
    return this
  }

  bytea(bytes: Uint8Array): this {
    this.room(4 + bytes.length)
    this.view.setInt32(this.at, bytes.length)
    this.buffer.set(bytes, this.at + 4)
    this.at += 4 + bytes.length
    return this
  }

  /** Bytes written and not yet taken. */
  get size(): number {
    return this.at
  }

  /** The bytes written so far (a part of the data, to send while the rest is written). */
  take(): Uint8Array {
    const part = this.buffer.subarray(0, this.at)
    this.buffer = Buffer.allocUnsafeSlow(this.buffer.length)
    this.view = new DataView(this.buffer.buffer, this.buffer.byteOffset, this.buffer.byteLength)
    this.at = 0
    return part
  }

  /** The fields written so far without the header (see raw); the writer is not to be used afterwards. */
  fields(): Uint8Array {
    return this.buffer.subarray(HEADER_BYTES, this.at)
  }

  /** The last bytes of the data, ended (the writer is not to be used afterwards). */
  end(): Uint8Array {
    this.room(2)
    this.view.setInt16(this.at, -1)
    this.at += 2
    return this.buffer.subarray(0, this.at)
  }
}

/**
 * The data of `n` rows in parts of about `partBytes` (see copyInto: a part is sent while the next
 * is written), `write(copy, i)` writing row i.
 */
export function* binaryRows(n: number, write: (copy: BinaryCopy, i: number) => void, partBytes = 1 << 21) {
  const copy = new BinaryCopy(partBytes + (partBytes >> 2))
  for (let i = 0; i < n; i++) {
    write(copy, i)
    if (copy.size >= partBytes) yield copy.take()
  }
  yield copy.end()
}
