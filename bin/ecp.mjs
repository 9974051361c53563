#!/usr/bin/env node
// The `ecp` command. Runs the TypeScript sources through tsx on the pinned Node.js 24:
// when started by an older Node, it hands over to node_modules/node (the `node` devDependency).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const major = Number(process.versions.node.split('.')[0])

if (major < 24) {
  const pinned = join(root, 'node_modules', 'node', 'bin', 'node')
  if (!existsSync(pinned)) {
    console.error(`ecp needs Node.js 24 (this is ${process.version}); run "npm install" first.`)
    process.exit(1)
  }
  const result = spawnSync(pinned, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' })
  process.exit(result.status ?? 1)
}

const { register } = await import('tsx/esm/api')
register()
const { main } = await import(pathToFileURL(join(root, 'src', 'cli.ts')).href)
await main(process.argv.slice(2))
