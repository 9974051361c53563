// Walks every registered route (the app's route table for pages, the OpenAPI document for the
// API) with hostile input: ids beyond int4/int8, negative, fractional and non-numeric, NUL and
// bidi characters in slugs, unknown references and impossible dates in form fields, malformed
// multipart and JSON, wrong content types. As a visitor and as the signed-in Secretariat, on both
// databases. Any 5xx fails the test: no input a person can type may make a server error. Routes
// other modules add later are walked too, since the list comes from the app itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemo } from '../../src/demo.ts'
import { DEMO_PASSWORD } from '../../src/modules/accounts/index.ts'
import { apiTokenFor, signIn, TestClient } from '../support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../support/runtime.ts'

const HOSTILE_IDS = ['99999999999', '9223372036854775808', '-1', '0', '1.5', 'abc', '%00', '%E2%80%AE%F0%9F%98%80']
const HOSTILE_VALUES = [
  '99999999999',
  '9223372036854775808',
  '-1',
  '1.5',
  'abc',
  'a\u0000b',
  '2026-02-31',
  '2026-13-01T25:61',
  '/next\n/evil',
  '\u202e\u{1f600}',
  'x'.repeat(20_000),
]
const FIELD_VALUES = ['999999', '2147483648', 'a\u0000b']
const HOSTILE_QUERY = [
  'process=abc',
  'process=99999999999',
  'from=abc&to=-1',
  'from=99999999999&to=9223372036854775808',
  'page=-1&offset=-5&limit=99999999999',
  'q=%00&status=zzz&year=99999',
  'next=%0A/evil&lang=xx',
  'issue=abc&body=%00&type=%E2%80%AE',
]
// sign-out would end the session the walk runs in
const SKIP = /^\/(sign-out)$/

type Failure = string

/** Every concrete path for a route pattern: each parameter replaced by a real id and by hostile ones. */
function instantiate(pattern: string): string[] {
  const params = [...pattern.matchAll(/:(\w+)(\{[^}]*\})?/g)]
  if (params.length === 0) return [pattern]
  const fill = (value: (name: string) => string) =>
    pattern.replace(/:(\w+)(\{(?:[^{}]|\{[^}]*\})*\})?/g, (_, name: string) => value(name))
  const real = (name: string) => (name === 'year' ? '2026' : name === 'file' ? 'report' : name === 'iso3' ? 'KEN' : '1')
  const paths = [fill(real)]
  for (const bad of HOSTILE_IDS) paths.push(fill(() => bad))
  // one hostile parameter beside real others reaches deeper handlers
  if (params.length > 1)
    for (const bad of ['99999999999', 'abc']) paths.push(fill((n) => (n === params.at(-1)?.[1] ? bad : real(n))))
  return paths
}

/** The fields of the POST forms on a page whose action is `action`, with their first values. */
function formFields(html: string, action: string): Map<string, string> {
  const fields = new Map<string, string>()
  for (const [, attrs, inner] of html.matchAll(/<form([^>]*)>([\s\S]*?)<\/form>/g)) {
    if (!/method="post"/i.test(attrs as string)) continue
    const target = /action="([^"]*)"/.exec(attrs as string)?.[1]?.replaceAll('&amp;', '&')
    if (target && target.split('?')[0] !== action) continue
    for (const [tag] of (inner as string).matchAll(/<(input|select|textarea)\b[^>]*>/g)) {
      const name = /name="([^"]+)"/.exec(tag as string)?.[1]
      if (!name || name === '_csrf' || fields.has(name)) continue
      const value = /value="([^"]*)"/.exec(tag as string)?.[1] ?? ''
      fields.set(name, value.replaceAll('&amp;', '&').replaceAll('&quot;', '"'))
    }
    for (const [, name, option] of (inner as string).matchAll(
      /<select[^>]*name="([^"]+)"[^>]*>[\s\S]*?<option[^>]*value="([^"]*)"/g,
    )) {
      fields.set(name as string, option as string)
    }
  }
  return fields
}

function encode(fields: Map<string, string>, csrf: string): URLSearchParams {
  const body = new URLSearchParams()
  body.set('_csrf', csrf)
  for (const [k, v] of fields) body.append(k, v)
  return body
}

describe.each(DATABASE_KINDS)('every route with hostile input on %s', (kind) => {
  let runtime: TestRuntime
  let staff: TestClient
  let token: string

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    await loadDemo(runtime)
    staff = await signIn(runtime, 'secretariat@ecp.example', DEMO_PASSWORD)
    const account = await runtime.deps.db
      .selectFrom('authAccount')
      .select('id')
      .where('email', '=', 'secretariat@ecp.example')
      .executeTakeFirstOrThrow()
    token = await apiTokenFor(runtime, account.id)
  }, 180_000)
  afterAll(() => runtime?.close())

  function pageRoutes(method: 'GET' | 'POST'): string[] {
    const paths = runtime.app.routes
      .filter((r) => r.method === method && !r.path.includes('*') && !r.path.startsWith('/api/'))
      .map((r) => r.path)
    return [...new Set(paths)].filter((p) => !SKIP.test(p))
  }

  async function expectNo5xx(failures: Failure[], client: TestClient, path: string, init: RequestInit = {}) {
    let response: Response
    try {
      response = await client.request(path, init)
    } catch (error) {
      failures.push(`${init.method ?? 'GET'} ${path}: threw ${(error as Error).message}`)
      return null
    }
    const text = await response.text()
    if (response.status >= 500)
      failures.push(`${init.method ?? 'GET'} ${path}: ${response.status} ${text.slice(0, 120)}`)
    return text
  }

  it('answers every page with hostile ids and query values without a 5xx', { timeout: 900_000 }, async () => {
    const failures: Failure[] = []
    for (const client of [new TestClient(runtime), staff]) {
      for (const pattern of pageRoutes('GET')) {
        const paths = instantiate(pattern)
        for (const path of paths) await expectNo5xx(failures, client, path)
        for (const query of HOSTILE_QUERY) await expectNo5xx(failures, client, `${paths[0]}?${query}`)
      }
    }
    expect(failures).toEqual([])
  })

  it('answers every form with hostile fields, bodies and content types without a 5xx', {
    timeout: 900_000,
  }, async () => {
    const failures: Failure[] = []
    const post = { origin: 'http://localhost' }
    for (const client of [new TestClient(runtime), staff]) {
      for (const pattern of pageRoutes('POST')) {
        const [real, ...hostile] = instantiate(pattern) as [string, ...string[]]
        const page = await client.get(real)
        const fields = formFields(page.html, real)
        if (fields.size === 0) for (const name of ['id', 'title', 'processId', 'number', 'date']) fields.set(name, '1')
        const form = (f: Map<string, string>) => ({
          method: 'POST',
          body: encode(f, client.lastCsrf),
          headers: { ...post, 'content-type': 'application/x-www-form-urlencoded' },
        })
        for (const path of hostile) await expectNo5xx(failures, client, path, form(fields))
        for (const value of HOSTILE_VALUES) {
          await expectNo5xx(failures, client, real, form(new Map([...fields.keys()].map((k) => [k, value]))))
        }
        for (const name of fields.keys()) {
          for (const value of FIELD_VALUES)
            await expectNo5xx(failures, client, real, form(new Map([...fields, [name, value]])))
        }
        // malformed multipart, a multipart body without its boundary, JSON to a form, nothing at all
        const malformed: [string, string][] = [
          [
            'multipart/form-data; boundary=xyz',
            `--xyz\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${client.lastCsrf}\r\n--xy`,
          ],
          ['multipart/form-data', 'garbage'],
          ['application/json', '{"title":'],
          ['text/plain', '\u0000'],
          ['application/x-www-form-urlencoded', '%%%&=&_csrf=%E0%A4%A'],
        ]
        for (const [type, body] of malformed) {
          await expectNo5xx(failures, client, real, {
            method: 'POST',
            body,
            headers: { ...post, 'content-type': type },
          })
        }
      }
    }
    expect(failures).toEqual([])
  })

  it('answers every API operation with hostile parameters and bodies without a 5xx', { timeout: 900_000 }, async () => {
    const failures: Failure[] = []
    const visitor = new TestClient(runtime)
    const document = (await visitor.json('/api/openapi.json')).body as {
      paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: unknown }> } }>>
    }
    const schemas =
      (document as unknown as { components?: { schemas?: Record<string, unknown> } }).components?.schemas ?? {}
    const propertiesOf = (schema: unknown): string[] => {
      const s = schema as { $ref?: string; properties?: Record<string, unknown> } | undefined
      if (s?.$ref) return propertiesOf(schemas[s.$ref.split('/').at(-1) as string])
      return Object.keys(s?.properties ?? {})
    }
    expect(Object.keys(document.paths).length).toBeGreaterThan(10)
    for (const [template, operations] of Object.entries(document.paths)) {
      const pattern = `/api/v1${template.replace(/\{(\w+)\}/g, ':$1')}`
      for (const [method, operation] of Object.entries(operations)) {
        const verb = method.toUpperCase()
        const paths = instantiate(pattern)
        const queries = HOSTILE_QUERY.map((q) => `${paths[0]}?${q}`)
        for (const auth of [{}, { authorization: `Bearer ${token}` }] as Record<string, string>[]) {
          const client = new TestClient(runtime, auth)
          if (verb === 'GET') {
            for (const path of [...paths, ...queries]) await expectNo5xx(failures, client, path)
            continue
          }
          const names = propertiesOf(operation.requestBody?.content?.['application/json']?.schema)
          const json = (body: unknown) => ({
            method: verb,
            body: JSON.stringify(body),
            headers: { 'content-type': 'application/json' },
          })
          for (const path of paths) await expectNo5xx(failures, client, path, json({}))
          for (const value of [...HOSTILE_VALUES, 99999999999, -1, 1.5, null, [], {}]) {
            await expectNo5xx(
              failures,
              client,
              paths[0] as string,
              json(Object.fromEntries(names.map((n) => [n, value]))),
            )
          }
          for (const [type, body] of [
            ['application/json', '{"a":'],
            ['text/plain', 'x'],
            ['multipart/form-data; boundary=x', '--x\r\nbroken'],
            ['application/x-www-form-urlencoded', 'a=%%'],
          ] as const) {
            await expectNo5xx(failures, client, paths[0] as string, {
              method: verb,
              body,
              headers: { 'content-type': type },
            })
          }
        }
      }
    }
    expect(failures).toEqual([])
  })
})
