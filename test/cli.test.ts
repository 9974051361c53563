// The `ecp` command as an operator uses it: demo, export, import into an empty database, verify
// the audit log (in the database and as a downloaded file), with clear exit codes.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createApp } from '../src/app.ts'
import { testConfig } from '../src/config.ts'
import { createLogger } from '../src/core/log.ts'
import { openRuntime } from '../src/runtime.ts'

const root = join(import.meta.dirname, '..')
const dir = mkdtempSync(join(tmpdir(), 'ecp-cli-'))

function ecp(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(root, 'bin', 'ecp.mjs'), ...args], {
    cwd: dir,
    env: { ...process.env, ECP_LOG: 'error', NODE_ENV: 'development', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { code: result.status, out: result.stdout, err: result.stderr }
}

describe('the ecp command', { timeout: 240_000 }, () => {
  const first = { ECP_DATA_DIR: join(dir, 'first') }
  const second = { ECP_DATA_DIR: join(dir, 'second') }

  it('prints what it recognises in a UN text as JSON (ecp parse)', () => {
    const seeds = join(root, 'src', 'modules', 'negotiation', 'rules', 'fixtures')
    const { code, out } = ecp(['parse', join(seeds, '000_28dbaba02fd27a6b.txt')], { ECP_DATA_DIR: join(dir, 'parse') })
    expect(code).toBe(0)
    const parsed = JSON.parse(out)
    expect(parsed.title).toContain('OPINION (3)')
    const considering = parsed.paragraphs.find((p: { text: string }) => /^considering$/i.test(p.text))
    expect(considering.kind).toBe('preambular')
    expect(considering.children.map((c: { label: string }) => c.label)).toEqual(['a)', 'b)', 'c)', 'd)', 'e)'])
    const usage = ecp(['parse'], { ECP_DATA_DIR: join(dir, 'parse') })
    expect(usage.code, usage.err).toBe(2)
  })

  it('prints its usage and refuses an unknown command with exit code 2', () => {
    expect(ecp(['help']).out).toContain('audit verify')
    expect(ecp(['frobnicate']).code).toBe(2)
  })

  it('lists every configuration problem and exits with 2', () => {
    const { code, err } = ecp(['migrate'], { PORT: 'x', DATABASE_URL: 'mysql://nope' })
    expect(code).toBe(2)
    expect(err).toContain('PORT')
    expect(err).toContain('DATABASE_URL')
  })

  /**
   * The operator's story the tests below read: the demo loaded (a second load refused), exported,
   * imported into an empty database (a second import refused) and exported again. It runs once,
   * for whichever test needs it first, so each test stands in any order.
   */
  let story: ReturnType<typeof runStory> | undefined
  function runStory() {
    const file1 = join(dir, 'export-1.jsonl')
    const file2 = join(dir, 'export-2.jsonl')
    return {
      file1,
      file2,
      demo: [ecp(['demo'], first), ecp(['demo'], first)],
      exported: ecp(['export', file1], first),
      imported: [ecp(['import', file1], second), ecp(['import', file1], second)],
      exportedAgain: ecp(['export', file2], second),
    }
  }
  const demoExportedAndImported = () => {
    story ??= runStory()
    return story
  }

  it('loads the demo once, exports, imports into an empty database, and exports the same', () => {
    const { demo, exported, imported, exportedAgain, file1, file2 } = demoExportedAndImported()
    expect(demo.map((run) => run.code)).toEqual([0, 1])
    expect(exported).toMatchObject({ code: 0 })
    expect(imported[0]?.code, imported[0]?.err).toBe(0)
    expect(imported[1]?.code).toBe(1)
    expect(exportedAgain.code).toBe(0)
    expect(readFileSync(file2, 'utf8')).toBe(readFileSync(file1, 'utf8'))
  })

  it('writes an export only its owner can read, and a public one without personal data', () => {
    expect(statSync(demoExportedAndImported().file1).mode & 0o777).toBe(0o600)
    const file = join(dir, 'public.jsonl')
    writeFileSync(file, 'old content, once world-readable')
    const made = ecp(['export', '--public', file], first)
    expect(made.code, made.err).toBe(0)
    expect(made.out).toContain('public')
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const text = readFileSync(file, 'utf8')
    expect(text).not.toMatch(/@ecp\.example/)
    expect(text).not.toContain('$argon2')
    expect(ecp(['export'], first).code).toBe(2)
  })

  it('names the cause and the path when it cannot start (no [object Object])', () => {
    const blocked = join(dir, 'a-file')
    writeFileSync(blocked, 'not a directory')
    const { code, err } = ecp(['migrate'], { ECP_DATA_DIR: blocked })
    expect(code).toBe(1)
    expect(err).toContain(blocked)
    expect(err).not.toContain('[object Object]')
    expect(err).not.toMatch(/\n\s+at /)
  })

  it('verifies the audit log, and names the entry of a tampered download', async () => {
    demoExportedAndImported()
    const verified = ecp(['audit', 'verify'], second)
    expect(verified.code, verified.err).toBe(0)
    expect(verified.out).toMatch(/audit log OK: \d+ entries, root [A-Za-z0-9+/]{43}=/)
    // the download as a visitor gets it, from the imported installation
    const runtime = await openRuntime(testConfig(), {
      target: { kind: 'pglite', dataDir: second.ECP_DATA_DIR },
      log: createLogger('silent'),
    })
    const text = await (await createApp(runtime.deps).request('/audit-log.jsonl')).text()
    await runtime.close()
    const log = join(dir, 'audit.jsonl')
    writeFileSync(log, text)
    const ok = ecp(['audit', 'verify', log])
    expect(ok.code, ok.err).toBe(0)
    expect(ok.out).toContain('signed by ecp.invalid/')
    const lines = text.trim().split('\n')
    const target = lines.findIndex((e, i) => i >= 10 && e.includes('"action":"'))
    const tampered = lines.map((e, i) => (i === target ? e.replace('"action":"', '"action":"forged.') : e))
    writeFileSync(log, `${tampered.join('\n')}\n`)
    const broken = ecp(['audit', 'verify', log])
    expect(broken.code).toBe(1)
    expect(broken.err).toContain('BROKEN')
    expect(broken.err).toContain(`tree size ${lines.length - 1}`)
    expect(ecp(['audit', 'verify', log, '--checkpoint']).code).toBe(2)
  })
})
