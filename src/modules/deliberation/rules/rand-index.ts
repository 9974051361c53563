// The adjusted Rand index of two labellings (Hubert & Arabie 1985): 1 when they agree, about 0
// by chance. Used to check that planted opinion groups are recovered.

const pairs = (n: number) => (n * (n - 1)) / 2

/** ARI over the items labelled (>= 0) in both. */
export function adjustedRandIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const table = new Map<string, number>()
  const rows = new Map<number, number>()
  const cols = new Map<number, number>()
  let n = 0
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number
    const y = b[i] as number
    if (x < 0 || y < 0) continue
    n++
    table.set(`${x}:${y}`, (table.get(`${x}:${y}`) ?? 0) + 1)
    rows.set(x, (rows.get(x) ?? 0) + 1)
    cols.set(y, (cols.get(y) ?? 0) + 1)
  }
  let index = 0
  for (const c of table.values()) index += pairs(c)
  let rowPairs = 0
  for (const c of rows.values()) rowPairs += pairs(c)
  let colPairs = 0
  for (const c of cols.values()) colPairs += pairs(c)
  const expected = (rowPairs * colPairs) / Math.max(1, pairs(n))
  const max = (rowPairs + colPairs) / 2
  return max === expected ? 1 : (index - expected) / (max - expected)
}
