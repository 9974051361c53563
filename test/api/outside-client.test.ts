// A delegation's own tool, written from the OpenAPI document alone: over real HTTP, it reads
// `/api/openapi.json`, finds each operation by its operationId, fills the path from the template,
// checks its body against the operation's schema, and acts with a token made by `ecp token`. Only
// the fixtures (a body, a process, accounts) come from our code; the client knows none of it.
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM } from '../../src/core/auth/actor.ts'
import { accountsModule } from '../../src/modules/accounts/index.ts'
import { createBody, createProcess } from '../../src/modules/processes/index.ts'
import { accountWithRole } from '../support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../support/runtime.ts'

// ---- the outside client: nothing below this line until the tests knows ecp's code ----

// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is free-form JSON to a client
type Json = any

interface Operation {
  method: string
  path: string
  spec: Json
}

/** A client for any API described by an OpenAPI 3.1 document: operations by their operationId. */
class OpenApiClient {
  private readonly operations = new Map<string, Operation>()
  private readonly base: string

  constructor(
    private readonly document: Json,
    origin: string,
    private readonly token: string,
  ) {
    this.base = new URL(document.servers?.[0]?.url ?? '/', origin).toString().replace(/\/$/, '')
    for (const [path, item] of Object.entries<Json>(document.paths))
      for (const [method, spec] of Object.entries<Json>(item))
        if (spec?.operationId) this.operations.set(spec.operationId, { method: method.toUpperCase(), path, spec })
  }

  static async load(origin: string, token: string) {
    const response = await fetch(`${origin}/api/openapi.json`)
    expect(response.status).toBe(200)
    return new OpenApiClient(await response.json(), origin, token)
  }

  operation(operationId: string): Operation {
    const found = this.operations.get(operationId)
    if (!found) throw new Error(`the API document has no operation ${operationId}`)
    return found
  }

  private resolve(schema: Json): Json {
    if (!schema?.$ref) return schema
    const name = String(schema.$ref).split('/').pop() as string
    return this.resolve(this.document.components.schemas[name])
  }

  /** Calls an operation; the body must have what its schema requires and nothing it does not know. */
  async call(operationId: string, params: Record<string, string | number> = {}, body?: Json) {
    const { method, path, spec } = this.operation(operationId)
    // the document says how to authenticate: a bearer token scheme must be offered
    expect(spec.security.some((r: Json) => 'bearerToken' in r)).toBe(true)
    for (const p of spec.parameters ?? []) if (p.required && p.in === 'path') expect(params).toHaveProperty(p.name)
    const url = this.base + path.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(String(params[name])))
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}`, accept: 'application/json' }
    if (body !== undefined) {
      const schema = this.resolve(spec.requestBody?.content?.['application/json']?.schema)
      expect(schema, `${operationId} takes a JSON body`).toBeTruthy()
      for (const field of schema.required ?? []) expect(body, `${operationId} needs ${field}`).toHaveProperty(field)
      for (const field of Object.keys(body)) expect(Object.keys(schema.properties)).toContain(field)
      headers['content-type'] = 'application/json'
    }
    const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
    const answer = { status: response.status, body: (await response.json()) as Json }
    // every answer is one the document lists for the operation, in the shape it describes
    expect(Object.keys(spec.responses), `${operationId} answered ${answer.status}`).toContain(String(answer.status))
    const described = spec.responses[String(answer.status)]?.content?.['application/json']?.schema
    expect(this.mismatches(described, answer.body, operationId), 'the answer matches its schema').toEqual([])
    return answer
  }

  /** Where a value departs from a JSON Schema (the subset an OpenAPI 3.1 document uses here). */
  mismatches(schema: Json, value: Json, at: string): string[] {
    const s = this.resolve(schema)
    if (!s) return []
    if (s.anyOf) return s.anyOf.some((o: Json) => this.mismatches(o, value, at).length === 0) ? [] : [`${at}: anyOf`]
    const types: string[] = s.type === undefined ? [] : [s.type].flat()
    const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value
    const fits = (t: string) => t === kind || (t === 'integer' && Number.isInteger(value))
    if (types.length && !types.some(fits)) return [`${at}: ${kind} is not ${types.join('|')}`]
    if (s.enum && !s.enum.includes(value)) return [`${at}: ${value} is not one of ${s.enum.join(', ')}`]
    if (kind === 'array' && s.items)
      return value.flatMap((v: Json, i: number) => this.mismatches(s.items, v, `${at}[${i}]`))
    if (kind !== 'object') return []
    const missing = (s.required ?? []).filter((k: string) => !(k in value)).map((k: string) => `${at}.${k}: missing`)
    const fields = Object.entries<Json>(s.properties ?? {}).flatMap(([k, sub]) =>
      k in value ? this.mismatches(sub, value[k], `${at}.${k}`) : [],
    )
    return [...missing, ...fields]
  }
}

// ---- the tests ----

const TEXT = `Draft recommendations

Recalling paragraphs 69 to 71 of the Tunis Agenda,

1. Recommends that all relevant organizations report annually to the Commission;

2. Invites Member States to establish national focal points;
`

describe.each(DATABASE_KINDS)('an outside client using only the OpenAPI document, on %s', (kind) => {
  let runtime: TestRuntime
  let server: ReturnType<typeof serve>
  let origin: string
  let processId: number
  const tokens: Record<string, string> = {}

  /** `ecp token create EMAIL --scope S`, as an operator runs it; the token is the last line. */
  async function ecpTokenCreate(email: string, scope: string) {
    const command = accountsModule.commands?.find((c) => c.name === 'token')
    if (!command) throw new Error('no token command')
    const lines: string[] = []
    const code = await command.run(['create', email, '--scope', scope], {
      deps: runtime.deps,
      log: runtime.deps.log,
      out: (line) => lines.push(line),
    })
    expect(code).toBe(0)
    return lines.at(-1) as string
  }

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    const ctx = { actor: SYSTEM, now: new Date() }
    const body = await createBody(runtime.deps.db, ctx, { slug: 'wg', name: 'A Working Group', acronym: 'WG' })
    if (!body.ok) throw new Error(JSON.stringify(body.error))
    const process = await createProcess(runtime.deps.db, ctx, {
      bodyId: body.value.id,
      slug: 'outside',
      title: 'Drafting with our own tools',
      mandateSymbol: 'E/RES/2026/1',
    })
    if (!process.ok) throw new Error(JSON.stringify(process.error))
    processId = process.value.id
    const chair = await accountWithRole(runtime, 'chair', { type: 'body', id: String(body.value.id) }, 'The Chair')
    tokens.chair = await ecpTokenCreate(chair.email, 'chair')
    for (const iso3 of ['BRA', 'ZAF']) {
      const delegate = await accountWithRole(runtime, 'government_delegate', { type: 'member_state', id: iso3 }, iso3)
      tokens[iso3] = await ecpTokenCreate(delegate.email, 'negotiate')
    }
    server = await new Promise((resolve) => {
      const s = serve({ fetch: runtime.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
    })
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await runtime.close()
  })

  it('opens a text, tables an amendment, takes positions, adopts and reopens as Chair', async () => {
    const chair = await OpenApiClient.load(origin, tokens.chair as string)
    const bra = await OpenApiClient.load(origin, tokens.BRA as string)
    const zaf = await OpenApiClient.load(origin, tokens.ZAF as string)

    const opened = await chair.call('createNegotiatingDocument', { id: processId }, { title: 'Draft', text: TEXT })
    expect(opened.status).toBe(201)
    const documentId = opened.body.data.id
    const process = await bra.call('getProcess', { id: processId })
    expect(process.body.data.negotiatingDocuments).toContainEqual({ id: documentId, title: 'Draft' })
    const document = (await bra.call('getNegotiatingDocument', { id: documentId })).body.data
    const [first, second] = document.paragraphs.filter((p: Json) => p.kind === 'operative')

    const tabled = await bra.call(
      'tableAmendment',
      { id: documentId },
      { paragraphId: second.id, operation: 'replace_text', quotedOld: 'establish', newText: 'consider establishing' },
    )
    expect(tabled.status).toBe(201)
    expect(tabled.body.data).toMatchObject({ memberState: 'BRA', status: 'tabled' })

    const onAmendment = await zaf.call(
      'takePosition',
      { id: documentId },
      { amendmentId: tabled.body.data.id, memberState: 'ZAF', position: 'support' },
    )
    expect(onAmendment.status).toBe(200)
    const position = await zaf.call(
      'takePosition',
      { id: documentId },
      { paragraphId: first.id, memberState: 'ZAF', position: 'no_objection' },
    )
    expect(position.status).toBe(200)
    expect(position.body.data.standing.readiness).toBe('ready')

    // a delegate's token cannot adopt; the Chair's can
    expect((await bra.call('adoptParagraph', { id: documentId, paragraphId: first.id })).status).toBe(403)
    const adopted = await chair.call('adoptParagraph', { id: documentId, paragraphId: first.id }, { note: 'agreed' })
    expect(adopted.status).toBe(200)
    expect(adopted.body.data.status).toBe('adopted')
    // adopted text takes no amendment until the Chair reopens it, with a reason
    const amendment = { paragraphId: first.id, operation: 'delete_paragraph' }
    expect((await bra.call('tableAmendment', { id: documentId }, amendment)).status).toBe(409)
    const path = { id: documentId, paragraphId: first.id }
    expect((await bra.call('reopenParagraph', path, { reason: 'We have new instructions' })).status).toBe(403)
    const reopened = await chair.call('reopenParagraph', path, { reason: 'A delegation has new instructions' })
    expect(reopened.status).toBe(200)
    expect(reopened.body.data.status).not.toBe('adopted')
    expect((await bra.call('tableAmendment', { id: documentId }, amendment)).status).toBe(201)
  })

  it('puts a proposal forward; the State asked co-sponsors it only by accepting', async () => {
    const bra = await OpenApiClient.load(origin, tokens.BRA as string)
    const zaf = await OpenApiClient.load(origin, tokens.ZAF as string)
    const proposed = await bra.call(
      'submitProposal',
      { id: processId },
      { title: 'Focal points', text: 'Invites Member States to establish national focal points.', cosponsors: ['ZAF'] },
    )
    expect(proposed.status).toBe(201)
    const id = proposed.body.data.id
    expect(proposed.body.data.memberStates).toEqual(['BRA'])
    expect(proposed.body.data.cosponsorships).toMatchObject([{ memberState: 'ZAF', status: 'requested' }])
    // Brazil cannot consent for South Africa; South Africa's own delegate can
    expect((await bra.call('answerCosponsorship', { id }, { decision: 'accept', memberState: 'ZAF' })).status).toBe(403)
    const accepted = await zaf.call('answerCosponsorship', { id }, { decision: 'accept' })
    expect(accepted.status).toBe(200)
    const listed = await bra.call('listProcessProposals', { id: processId })
    const shown = listed.body.data.find((p: Json) => p.id === id)
    expect(shown.memberStates).toEqual(expect.arrayContaining(['BRA', 'ZAF']))
    expect(shown.cosponsorships).toMatchObject([{ memberState: 'ZAF', status: 'accepted' }])
  })
})
