// Installs dependencies when node_modules is missing or older than the lockfile.
// Plain JavaScript that runs on any Node >= 20, because it runs before the pinned Node 24
// (the `node` devDependency) is installed.
import { spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const lockfile = join(root, 'package-lock.json')
// npm writes this file at the end of every successful install: its age is the install's age.
const installMarker = join(root, 'node_modules', '.package-lock.json')

function needsInstall() {
  if (!existsSync(installMarker)) return 'node_modules is missing'
  if (!existsSync(join(root, 'node_modules', 'node', 'bin', 'node'))) return 'the pinned Node.js is missing'
  if (existsSync(lockfile) && statSync(lockfile).mtimeMs > statSync(installMarker).mtimeMs) {
    return 'package-lock.json is newer than node_modules'
  }
  return null
}

const reason = needsInstall()
if (reason) {
  console.log(`ecp: installing dependencies (${reason})...`)
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const args = existsSync(lockfile) ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund']
  const result = spawnSync(npm, args, { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) {
    console.error(`ecp: "npm ${args.join(' ')}" failed; see the messages above.`)
    process.exit(result.status ?? 1)
  }
}
