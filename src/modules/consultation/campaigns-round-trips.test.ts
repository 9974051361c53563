// The call's campaigns page and its API are read most while a consultation is open; on PGlite each
// statement costs about 0.5 ms of this process's CPU, on PostgreSQL a round trip. The statements
// they send are held down here, on each database, whatever the load and the data's size: the
// call's setting (threshold and how many were analysed) is read once, not once for each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { openConsultation } from './open-call-fixture.ts'

/** the call, the campaigns of the page, their count and members, and the call's setting */
const MOST_STATEMENTS = 4

describe.each(DATABASE_KINDS)('the campaigns of a call on %s', (kind) => {
  let runtime: TestRuntime
  let callId: number
  let sent: string[] | null = null

  beforeAll(async () => {
    runtime = await createTestRuntime(kind, { onQuery: (sql) => sent?.push(sql) })
    callId = (await openConsultation(runtime.deps.db, 'round-trips')).callId
  }, 120_000)
  afterAll(() => runtime.close())

  it.each([
    ['the page', () => `/calls/${callId}/campaigns`],
    ['the API', () => `/api/v1/calls/${callId}/campaigns`],
  ])(`gives %s in at most ${MOST_STATEMENTS} statements, reading the call's setting once`, async (_, path) => {
    const client = new TestClient(runtime)
    sent = []
    const response = await client.request(path())
    const statements = sent
    sent = null
    expect(response.status).toBe(200)
    expect(statements.length).toBeLessThanOrEqual(MOST_STATEMENTS)
    expect(statements.filter((sql) => sql.includes('"consultation_setting"'))).toHaveLength(1)
  })
})
