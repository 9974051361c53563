// `npm test`: lint and format check (Biome), types (tsc --noEmit), then the whole suite (Vitest):
// unit, integration on PGlite (and PostgreSQL with TEST_DATABASE_URL), browser (with Chromium).
// Extra arguments go to Vitest, e.g. `npm test -- src/modules/actors`.
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)
const extra = process.argv.slice(2)

function step(title, command, args) {
  process.stdout.write(`\n== ${title}\n`)
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) {
    process.stderr.write(`\n${title} failed.\n`)
    process.exit(result.status ?? 1)
  }
}

if (extra.length === 0) {
  step('lint and format (biome check)', bin('biome'), ['check', '.'])
  step('types (tsc --noEmit)', bin('tsc'), ['--noEmit', '-p', '.'])
}
step('tests (vitest run)', bin('vitest'), ['run', ...extra])
