// A live installation serving HTTP with the demo's log: the Python verifier in docs/ (standard
// library only) and the Node one (`ecp audit verify FILE --checkpoint URL`) agree on it, and both
// refuse a tampered copy. Runs wherever python3 is (CI has it).
import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordAudit } from '../src/core/audit/audit.ts'
import { signCheckpoint } from '../src/core/audit/checkpoint.ts'
import { verifyLogFile } from '../src/core/audit/verify-file.ts'
import { SYSTEM } from '../src/core/auth/actor.ts'
import { loadDemo } from '../src/demo.ts'
import { listProcesses } from '../src/modules/processes/index.ts'
import { type RunningServer, startServer } from '../src/server.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from './support/runtime.ts'

const run = promisify(execFile)
const verifier = join(import.meta.dirname, '..', 'docs', 'verify_audit_log.py')
const dir = mkdtempSync(join(tmpdir(), 'ecp-verifiers-'))

async function python(...args: string[]) {
  try {
    const { stdout, stderr } = await run('python3', [verifier, ...args], { timeout: 120_000 })
    return { code: 0, out: stdout, err: stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, out: e.stdout, err: e.stderr }
  }
}

describe.each(DATABASE_KINDS)('the audit log verifiers against a live installation on %s', (kind) => {
  let runtime: TestRuntime
  let server: RunningServer
  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    await loadDemo(runtime)
    server = await startServer(runtime, { port: 0, host: '127.0.0.1', worker: false })
  }, 180_000)
  afterAll(async () => {
    await server?.close()
    await runtime?.close()
  })

  it('passes its own test vectors (RFC 8785, RFC 6962, RFC 8032, C2SP)', async () => {
    expect(await python('--self-test')).toMatchObject({ code: 0, out: 'self-test OK\n' })
  })

  it('gives the same verdict in Python and in Node on the demo’s log', { timeout: 180_000 }, async () => {
    const py = await python(server.url)
    expect(py.code, py.err).toBe(0)
    const file = join(dir, `log-${kind}.jsonl`)
    writeFileSync(file, await (await fetch(`${server.url}/audit-log.jsonl`)).text())
    const node = await verifyLogFile(file, server.url)
    expect(node.ok, node.lines.join('\n')).toBe(true)
    const [pyVerdict, pyKey] = py.out.trim().split('\n')
    expect(pyVerdict).toMatch(/^audit log OK: \d{3,} entries, root [A-Za-z0-9+/]{43}=$/)
    expect(node.lines[0]).toBe(pyVerdict)
    expect(node.lines[1]).toBe(pyKey)
    const offline = await python(file)
    expect(offline.out.split('\n')[0]).toBe(pyVerdict)
  })

  it('checks in Python that the log gives the root hash a report printed', { timeout: 120_000 }, async () => {
    const [process] = await listProcesses(runtime.deps.db)
    const report = await (await fetch(`${server.url}/processes/${process?.id}/report.json`)).json()
    const anchor = report.data.auditCheckpoint
    const ok = await python(server.url, '--anchor', `${anchor.treeSize}:${anchor.rootHash}`)
    expect(ok.code, ok.err).toBe(0)
    const wrong = await python(server.url, '--anchor', `${anchor.treeSize - 1}:${anchor.rootHash}`)
    expect(wrong.code).toBe(1)
    expect(wrong.err).toContain(`the anchored root hash for tree size ${anchor.treeSize - 1}`)
    expect((await python(server.url, '--anchor')).code).toBe(2)
  })

  it('checks an older download against the newer published checkpoint by its consistency proof', {
    timeout: 120_000,
  }, async () => {
    const file = join(dir, `older-${kind}.jsonl`)
    writeFileSync(file, await (await fetch(`${server.url}/audit-log.jsonl`)).text())
    await recordAudit(runtime.deps.db, { actor: SYSTEM, action: 'test.later', subjectType: 'test', subjectId: 1 })
    await signCheckpoint(runtime.deps.db, 'hourly')
    const verdict = await verifyLogFile(file, server.url)
    expect(verdict.ok, verdict.lines.join('\n')).toBe(true)
    expect(verdict.lines.at(-1)).toMatch(/extends it \(consistency proof verified\)/)
  })

  it('refuses a tampered copy in Python as in Node', { timeout: 120_000 }, async () => {
    const text = await (await fetch(`${server.url}/audit-log.jsonl`)).text()
    const lines = text.trim().split('\n')
    const target = lines.findIndex((l) => l.includes('"public":true'))
    lines[target] = (lines[target] as string).replace('"public":true', '"public":true,"note":"x"')
    const file = join(dir, `tampered-${kind}.jsonl`)
    writeFileSync(file, `${lines.join('\n')}\n`)
    const py = await python(file)
    expect(py.code).toBe(1)
    expect(py.err).toContain(`entry at index ${target} is not a valid entry`)
    expect((await verifyLogFile(file, server.url)).lines[0]).toContain(`entry at index ${target} is not a valid entry`)
  })
})
