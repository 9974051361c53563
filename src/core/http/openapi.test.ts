// The OpenAPI document as outside tools read it: security schemes and a requirement on every
// operation (matching each action's scope), an operationId on every operation, the licence,
// and Redocly's recommended ruleset passing with no error (its own CLI, run on the document).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime, type TestRuntime } from '../../../test/support/runtime.ts'
import { scopeOf } from '../auth/scopes.ts'

type Operation = { operationId?: string; security?: Record<string, string[]>[]; responses: Record<string, unknown> }
// biome-ignore lint/suspicious/noExplicitAny: the document is read as JSON
let doc: any
let runtime: TestRuntime
const operations = () =>
  Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  )

// the document does not depend on the database: PGlite is enough
describe('the OpenAPI document', () => {
  beforeAll(async () => {
    runtime = await createTestRuntime('pglite')
    doc = await (await runtime.app.request('/api/openapi.json')).json()
  })
  afterAll(() => runtime.close())

  it('declares the API token and the session cookie as security schemes', () => {
    expect(doc.components.securitySchemes.bearerToken).toMatchObject({ type: 'http', scheme: 'bearer' })
    expect(doc.components.securitySchemes.sessionCookie).toMatchObject({
      type: 'apiKey',
      in: 'cookie',
      name: 'ecp_session',
    })
  })

  it('gives every operation a unique operationId and a security requirement', () => {
    const ids = operations().map(({ op }) => op.operationId)
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
    for (const { path, method, op } of operations()) {
      expect(op.security, `${method} ${path}`).toBeInstanceOf(Array)
      expect(op.security?.length, `${method} ${path}`).toBeGreaterThan(0)
    }
  })

  it('says public reads need nothing, and writes and one’s own data need a session or a token with the action’s scope', () => {
    for (const { path, method, op } of operations()) {
      const optional = op.security?.some((r) => Object.keys(r).length === 0)
      // one's own data (/me/...) is read with a session or a token, never anonymously
      expect(optional, `${method} ${path}`).toBe(method === 'get' && !path.startsWith('/me/'))
    }
    const create = doc.paths['/organizations'].post as Operation
    expect(create.security).toEqual([{ bearerToken: [scopeOf('organization.create')] }, { sessionCookie: [] }])
    const submit = doc.paths['/calls/{id}/contributions'].post as Operation
    expect(submit.security).toEqual([{ bearerToken: ['contribute'] }, { sessionCookie: [] }])
  })

  it('carries its licence', () => {
    expect(doc.info.license).toMatchObject({ identifier: 'AGPL-3.0-or-later' })
  })

  it('passes Redocly’s recommended ruleset with no error and no warning', { timeout: 120_000 }, () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ecp-openapi-')), 'openapi.json')
    writeFileSync(file, JSON.stringify(doc))
    const cli = join(import.meta.dirname, '../../../node_modules/@redocly/cli/bin/cli.js')
    const run = spawnSync(process.execPath, [cli, 'lint', '--extends', 'recommended', '--format', 'json', file], {
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      timeout: 100_000,
    })
    const report = JSON.parse(run.stdout) as { totals: { errors: number; warnings: number }; problems: unknown[] }
    expect(report.problems).toEqual([])
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 })
    expect(run.status).toBe(0)
  })

  it('shows on the API page who may call each operation', async () => {
    const html = await (await runtime.app.request('/api')).text()
    expect(html).toContain('id="createOrganization"')
    expect(html).toContain('Needs a session, or a token with the scope secretariat')
    expect(html).toContain('Public: no account needed')
  })
})
