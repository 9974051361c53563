// Small helpers of the rebuild: a 32-bit string hash, string interning, work in chunks.

/** FNV-1a over a string's UTF-16 units */
export function fnv(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** Interns strings as small numbers (the stakeholder groups and regions of a million members). */
export class Codes {
  readonly values: string[] = []
  private readonly index = new Map<string, number>()
  code(value: string): number {
    let c = this.index.get(value)
    if (c === undefined) {
      c = this.values.length
      this.values.push(value)
      this.index.set(value, c)
    }
    return c
  }
}

export async function inChunks<T>(items: T[], size: number, fn: (chunk: T[]) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await fn(items.slice(i, i + size))
}
