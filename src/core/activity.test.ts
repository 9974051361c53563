// The activity of processes is one query over every module's sources, committed as SQL, and it
// reads what each module records, filtered by process and time, newest first, on each database.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../test/support/runtime.ts'
import { sqlOf } from '../../test/support/sql-snapshot.ts'
import { modules } from '../modules/index.ts'
import { type ActivitySource, activityColumns, activityOf } from './activity.ts'

describe('the activity of processes', () => {
  it('is read in one statement, every module contributing its sources', async () => {
    const statements = await sqlOf((db) =>
      activityOf(db, modules, { processIds: [1, 2], since: new Date(0), until: new Date(1), limit: 50 }),
    )
    expect(statements.split(';').filter((s) => s.trim())).toHaveLength(1)
    const kinds = modules.flatMap((m) => m.activity ?? []).map((s) => s.kind)
    expect(kinds.length).toBeGreaterThanOrEqual(7)
    for (const kind of kinds) expect(statements).toContain(`as "${kind}"`)
    await expect(statements).toMatchFileSnapshot('__sql__/activity.sql')
  })

  it('asks nothing of the database for no process', async () => {
    expect(await sqlOf((db) => activityOf(db, modules, { processIds: [], since: new Date(0), limit: 5 }))).toBe('\n')
  })
})

/** Made-up sources over a VALUES list, so the composition is tested apart from any module. */
const events =
  (rows: string): ActivitySource['rows'] =>
  () =>
    sql`select ${sql.join(
      activityColumns({
        id: sql`'event:' || id`,
        processId: sql`p`,
        at: sql`at::timestamptz`,
        message: 'test.event',
        values: { who: sql`who`, n: sql`id` },
        href: sql`'/events/' || id`,
      }),
    )} from (values ${sql.raw(rows)}) as e(id, p, at, who)`

describe.each(DATABASE_KINDS)('activity composed from sources on %s', (kind) => {
  let runtime: TestRuntime
  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
  }, 180_000)
  afterAll(() => runtime.close())

  const sources = [
    {
      activity: [
        {
          kind: 'first',
          names: ['who'],
          rows: events(`(1, 10, '2026-01-01T00:00:00Z', 'Ana'), (2, 20, '2026-01-03T00:00:00Z', 'Bo')`),
        },
      ],
    },
    {
      activity: [
        {
          kind: 'second',
          rows: events(`(3, 10, '2026-01-02T00:00:00Z', 'Cy'), (4, 10, '2026-01-05T00:00:00Z', 'Di')`),
        },
      ],
    },
    {},
  ]

  it('keeps the processes asked for, after since and up to until, newest first, up to the limit', async () => {
    const items = await activityOf(runtime.deps.db, sources, {
      processIds: [10],
      since: new Date('2026-01-01T00:00:00Z'),
      until: new Date('2026-01-04T00:00:00Z'),
      limit: 10,
    })
    expect(items).toEqual([
      {
        id: 'event:3',
        at: new Date('2026-01-02T00:00:00Z'),
        processId: 10,
        message: 'test.event',
        values: { who: 'Cy', n: 3 },
        href: '/events/3',
      },
    ])
  })

  it('cuts at the limit across sources and isolates the names a source declares', async () => {
    const items = await activityOf(runtime.deps.db, sources, { processIds: [10, 20], since: new Date(0), limit: 3 })
    expect(items.map((i) => i.id)).toEqual(['event:4', 'event:2', 'event:3'])
    const first = await activityOf(runtime.deps.db, sources, { processIds: [10], since: new Date(0), limit: 10 })
    expect(first.find((i) => i.id === 'event:1')?.values?.who).toBe('\u2068Ana\u2069')
    expect(first.find((i) => i.id === 'event:4')?.values?.who).toBe('Di')
  })
})
