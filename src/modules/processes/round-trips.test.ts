// A process's page is the page read most during a consultation; on PostgreSQL each statement it
// sends waits its turn on the server's one event loop (a round trip), so the number of statements
// the page sends is held down here, on each database, independently of load and of the data's size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { loadDemo } from '../../demo.ts'
import { proposalsOf } from '../proposals/index.ts'
import { callsOf, listProcesses } from './queries.ts'

/** The statements an anonymous reader's process page may send. */
const MOST_STATEMENTS = 14

describe.each(DATABASE_KINDS)('a process page on %s', (kind) => {
  let runtime: TestRuntime
  let sent: string[] | null = null

  beforeAll(async () => {
    runtime = await createTestRuntime(kind, { onQuery: (sql) => sent?.push(sql) })
    await loadDemo(runtime)
  }, 180_000)
  afterAll(() => runtime.close())

  it(`shows a process with calls, its contributions and its sections in at most ${MOST_STATEMENTS} statements`, async () => {
    const process = (await listProcesses(runtime.deps.db)).find((p) => p.slug === 'wgec-2016-2018')
    const id = process?.id as number
    const [calls, proposals] = await Promise.all([callsOf(runtime.deps.db, id), proposalsOf(runtime.deps.db, id)])
    expect(calls.length).toBeGreaterThan(0)
    expect(proposals.length).toBeGreaterThan(0)
    const client = new TestClient(runtime)
    sent = []
    const response = await client.request(`/processes/${id}`)
    const statements = sent
    sent = null
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(statements.length).toBeLessThanOrEqual(MOST_STATEMENTS)
    // the calls are read once, by the page, and the sections of other modules still list each of them
    expect(statements.filter((sql) => sql.includes('"processes_call"'))).toHaveLength(1)
    for (const call of calls) {
      expect(html).toContain(`/calls/${call.id}/search`)
      expect(html).toContain(`/calls/${call.id}/campaigns`)
    }
    // the negotiation's section counts the proposals without reading them with their details
    expect(html).toContain(`${proposals.length} proposals`)
    expect(statements.filter((sql) => sql.includes('"proposals_proposal_version"'))).toHaveLength(0)
    // every body is read once: the chain the process reports up still shows
    expect(statements.filter((sql) => sql.includes('"bodies_body"'))).toHaveLength(1)
    expect(html).toContain('CSTD')
  })
})
