// Issue 14's APIs in the OpenAPI document: the balance, the scorecards, and a deliberation's
// analysis with the exact shape the issue gives ({ groups: [{ id, members, center: [x, y] }],
// consensus, bridging with byGroup, divisive, computedAt, durationMs }).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime, type TestRuntime } from '../../../test/support/runtime.ts'

// biome-ignore lint/suspicious/noExplicitAny: the document is read as JSON
let doc: any
let runtime: TestRuntime
// biome-ignore lint/suspicious/noExplicitAny: a JSON schema, resolved through $ref
const resolve = (schema: any): any =>
  schema?.$ref ? resolve(doc.components.schemas[String(schema.$ref).split('/').at(-1) as string]) : schema
const answerOf = (path: string) =>
  resolve(doc.paths[path]?.get?.responses?.['200']?.content?.['application/json']?.schema)

// the document does not depend on the database: PGlite is enough
describe('issue 14’s APIs in the OpenAPI document', () => {
  beforeAll(async () => {
    runtime = await createTestRuntime('pglite', { referenceData: false })
    doc = await (await runtime.app.request('/api/openapi.json')).json()
    expect(doc.servers).toEqual([{ url: '/api/v1' }])
  }, 120_000)
  afterAll(() => runtime?.close())

  it('describes a deliberation’s analysis with the shape the issue gives', () => {
    const analysis = answerOf('/deliberations/{id}/analysis')
    expect(Object.keys(analysis.properties).sort()).toEqual([
      'bridging',
      'computedAt',
      'consensus',
      'divisive',
      'durationMs',
      'groups',
    ])
    const group = resolve(analysis.properties.groups.items)
    expect(Object.keys(group.properties).sort()).toEqual(['center', 'id', 'members'])
    expect(group.properties.members.items.type).toBe('string')
    // [x, y]: a tuple of two numbers (OpenAPI 3.1's prefixItems)
    expect(group.properties.center.prefixItems).toEqual([{ type: 'number' }, { type: 'number' }])
    expect(Object.keys(resolve(analysis.properties.consensus.items).properties).sort()).toEqual(['score', 'statement'])
    const bridging = resolve(analysis.properties.bridging.items)
    expect(Object.keys(bridging.properties).sort()).toEqual(['byGroup', 'score', 'statement'])
    expect(bridging.properties.byGroup.additionalProperties).toMatchObject({ type: 'number' })
  })

  it('describes the balance and both scorecards', () => {
    expect(doc.paths['/balance']?.get?.operationId).toBe('getBalance')
    for (const path of ['/scorecard', '/scorecard/processes/{id}']) {
      expect(doc.paths[path]?.get, path).toBeDefined()
      expect(Object.keys(answerOf(path).properties), path).toEqual(
        expect.arrayContaining(['process', 'years', 'characteristics']),
      )
    }
  })
})
