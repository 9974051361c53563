// Whatever a reader types into the search, on each database: results or a 400 with the reason,
// never a 500 (quotes, the tsquery operators & | ! : * ( ), 10,000 characters, NUL, any script).
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { insertImportedContributions } from '../contributions/index.ts'
import { changeProcessState, createBody, createProcess, guidingQuestions, openCall } from '../processes/index.ts'

const system = () => ({ actor: SYSTEM, now: new Date() })
function must<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}

const hostile = fc.constantFrom('"', "'", '&', '|', '!', ':', '*', '(', ')', '<', '>', '-', '\\', ' ', '\0', '\t', 'or')
const query = fc.oneof(
  fc.string({ unit: fc.oneof(hostile, fc.constantFrom('a', 'é', 'و', '合', 'д')), maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: hostile, minLength: 1, maxLength: 10 }).map((s) => s.repeat(1000).slice(0, 10_000)),
  fc.constant('a'.repeat(10_000)),
)
const filter = fc.record(
  {
    language: fc.constantFrom('en', 'zh', 'xx', ''),
    region: fc.constantFrom('weog', 'none', 'mars'),
    campaign: fc.constantFrom('yes', 'no', 'maybe'),
    question: fc.constantFrom('1', '-1', '99999999999', 'x'),
    after: fc.constantFrom('1-1', '9999999999-1', '1-', 'a-b'),
  },
  { requiredKeys: [] },
)

describe.each(DATABASE_KINDS)('search with hostile input on %s', (kind) => {
  let runtime: TestRuntime
  let callId: number

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    const db = runtime.deps.db
    const body = must(await createBody(db, system(), { slug: 'fuzz-wg', name: 'Fuzzed working group' }))
    const processId = must(
      await createProcess(db, system(), {
        bodyId: body.id,
        slug: 'fuzzed',
        title: 'Fuzzed',
        mandateSymbol: 'A/RES/70/125',
        questions: ['Why?'],
      }),
    ).id
    must(await changeProcessState(db, system(), processId, { to: 'active' }))
    const question = (await guidingQuestions(db, processId))[0]?.id as number
    callId = must(
      await openCall(db, system(), processId, {
        title: 'Fuzzed call',
        opensAt: new Date(Date.now() - 86_400_000),
        closesAt: new Date(Date.now() + 86_400_000),
        eligibility: 'everyone',
        languages: ['ar', 'zh', 'en', 'fr', 'ru', 'es'],
        moderation: 'immediate',
        questionIds: [question],
      }),
    ).id
    const author = (await accountWithRole(runtime, 'secretariat')).accountId
    const texts = ['a & b | c: d* "e" (f)', '国际合作 and 合作', 'والتعاون الدولي', 'ééé aaa']
    await db.transaction().execute((trx) =>
      insertImportedContributions(
        trx,
        { callId, processId, authorAccountId: author, importId: 0, sourceFile: 'fuzz' },
        texts.map((text, i) => ({
          externalId: `F${i}`,
          submittedAt: new Date(),
          speakingFor: 'self',
          memberStateIso3: null,
          organizationId: null,
          contributorName: `Fuzz ${i}`,
          stakeholderGroup: 'individual',
          regionalGroup: null,
          ldc: false,
          lldc: false,
          sids: false,
          language: ['en', 'zh', 'ar', 'fr'][i] as string,
          questionId: question,
          text,
          sourceLine: i,
        })),
      ),
    )
  }, 180_000)
  afterAll(() => runtime.close())

  it('answers results or 400 to any query and filters, in the API and on the page', async () => {
    const client = new TestClient(runtime)
    await fc.assert(
      fc.asyncProperty(query, filter, async (q, filters) => {
        const params = new URLSearchParams({ q, ...filters }).toString()
        const api = await client.json(`/api/v1/calls/${callId}/contributions/search?${params}`)
        expect([200, 400]).toContain(api.status)
        if (api.status === 200) expect(Array.isArray(api.body.data)).toBe(true)
        else expect(api.body.id).toBe('invalid_input')
        const page = await client.request(`/calls/${callId}/search?${params}`)
        expect([200, 400]).toContain(page.status)
        await page.text()
      }),
      { numRuns: 60 },
    )
  }, 300_000)
})
