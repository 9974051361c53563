// An entry is verified against its payload as stored: keys in snake case (a body's seats per
// constituency) once came back renamed by the database layer and the entry was reported altered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../auth/actor.ts'
import { recordAudit } from './audit.ts'
import { readPublicEntries } from './log-read.ts'
import { verifyAuditLog } from './verify-stored.ts'

describe.each(DATABASE_KINDS)('an entry with snake-case keys in its payload (%s)', (kind) => {
  let rt: TestRuntime
  beforeAll(async () => {
    rt = await createTestRuntime(kind, { referenceData: false })
  })
  afterAll(async () => rt?.close())

  it('reads back with its keys as written and verifies', async () => {
    const payload = { stakeholder_seats: { civil_society: 5, private_sector: 4 }, memberStateSeats: 22 }
    const entry = await recordAudit(rt.deps.db, {
      actor: SYSTEM,
      action: 'body.created',
      subjectType: 'body',
      subjectId: 1,
      payload,
    })
    const read = []
    for await (const r of readPublicEntries(rt.deps.db)) read.push(r.entry)
    const back = read.find((e) => e.seq === entry.seq)
    expect(back && 'payload' in back ? back.payload : null).toEqual(payload)
    expect((await verifyAuditLog(rt.deps.db)).problem).toBeNull()
  })
})
