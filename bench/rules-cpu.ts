// CPU cost of the rebuild's rules per text (words, hash, signature, additions), on generated texts.
import { generateContributions } from '../src/modules/consultation/index.ts'
import { personalAdditions } from '../src/modules/consultation/rules/additions.ts'
import { signature } from '../src/modules/consultation/rules/minhash.ts'
import { textHash, words } from '../src/modules/consultation/rules/normalize.ts'

const N = Number(process.argv[2] ?? 20000)
const gen = [...generateContributions({ total: N, seed: 11 })]
const texts = gen.map((g) => g.text)
const time = (label: string, fn: () => void) => {
  const c = process.cpuUsage()
  fn()
  const u = process.cpuUsage(c)
  console.log(`${label}: ${(((u.user + u.system) / 1000 / N) * 1000).toFixed(1)} µs CPU per contribution`)
}
let w: string[][] = []
time('words', () => {
  w = texts.map(words)
})
time('textHash', () => {
  for (const x of w) textHash(x)
})
time('signature', () => {
  for (const x of w) signature(x)
})
const templates = new Map<number, string>()
for (const g of gen) if (g.campaign !== null && !templates.has(g.campaign)) templates.set(g.campaign, g.text)
time('additions (campaign members)', () => {
  for (const g of gen) if (g.campaign !== null) personalAdditions(templates.get(g.campaign) as string, g.text)
})
