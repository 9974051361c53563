// A rebuild's personal additions: each distinct text of a campaign (its template aside) is read
// once, by its first member, 2,000 at a time, and diffed against its campaign's template, in the
// rebuild's worker threads when it has them (a few batches in flight while the next is read).
import type { Db } from '../../core/db/database.ts'
import { contributionTexts } from '../contributions/index.ts'
import type { RebuildPool } from './rebuild-pool.ts'
import { personalAdditions } from './rules/additions.ts'

const READ = 2000
const IN_FLIGHT = 4

/** Per text (index), what it adds to its template; texts that add nothing are left out. */
export async function additionsOf(
  db: Db,
  pool: RebuildPool | null,
  texts: number[],
  memberOf: (text: number) => number,
  templateOf: (text: number) => string,
): Promise<Map<number, string>> {
  const additions = new Map<number, string>()
  const inFlight: Promise<void>[] = []
  for (let i = 0; i < texts.length; i += READ) {
    const chunk = texts.slice(i, i + READ)
    const read = await contributionTexts(db, chunk.map(memberOf))
    const byId = new Map(read.map((r) => [r.id, r.text]))
    const bodies = chunk.map((t) => byId.get(memberOf(t)) ?? '')
    // the chunk's templates, each sent once
    const index = new Map<string, number>()
    const templates: string[] = []
    const of = Int32Array.from(chunk, (t) => {
      const template = templateOf(t)
      let k = index.get(template)
      if (k === undefined) {
        k = templates.length
        index.set(template, k)
        templates.push(template)
      }
      return k
    })
    const found: Promise<string[]> = pool
      ? pool.additions({ templates, of, texts: bodies }).then((a) => a.additions)
      : Promise.resolve(bodies.map((b, j) => personalAdditions(templates[of[j] as number] as string, b)))
    inFlight.push(
      found.then((added) =>
        added.forEach((a, j) => {
          if (a !== '') additions.set(chunk[j] as number, a)
        }),
      ),
    )
    if (inFlight.length >= IN_FLIGHT) await inFlight.shift()
  }
  await Promise.all(inFlight)
  return additions
}
