// The SQL of the consensus standing, committed: the tally read per document, the recount from the
// current positions when a text changed without its tally, and the tally kept with each position.
// A change to any of them shows in review as a diff of __sql__/*.sql.
import { describe, expect, it } from 'vitest'
import { sqlOf } from '../../../test/support/sql-snapshot.ts'
import { takeAuditLock } from '../../core/audit/audit.ts'
import { lockPositionSubject, recordPosition } from './queries-positions.ts'
import { amendmentStandingsOf, refreshTally, standingsOf } from './queries-standing.ts'

describe('the SQL of the consensus standing', () => {
  it('reads each paragraph’s tally row, and recounts a paragraph whose text drifted from its tally', async () => {
    const sql = await sqlOf(
      (db) => standingsOf(db, 7),
      (statement) => {
        // paragraph 1 has a tally on an older wording: the recount path runs for it
        if (/from "negotiation_paragraph"/.test(statement) && /"document_id" = \$1/.test(statement))
          return [{ id: 1, text: 'Recommends that all relevant organizations report annually;' }]
        if (/from "negotiation_tally"/.test(statement))
          return [
            {
              subjectId: 1,
              wording: 'an older wording',
              support: 1,
              noObjection: 0,
              objection: 0,
              reservation: 0,
              earlier: 0,
              objecting: [],
              reserving: [],
              earlierObjecting: [],
            },
          ]
        return undefined
      },
    )
    expect(sql).toContain('negotiation_current_position')
    await expect(sql).toMatchFileSnapshot('__sql__/paragraph-standings.sql')
  })

  it('reads each amendment’s tally row', async () => {
    await expect(await sqlOf((db) => amendmentStandingsOf(db, 7))).toMatchFileSnapshot(
      '__sql__/amendment-standings.sql',
    )
  })

  it('recounts one subject’s tally from the current positions in one statement', async () => {
    await expect(
      await sqlOf((db) => refreshTally(db, 'paragraph', 3, { documentId: 7, wording: 'w' })),
    ).toMatchFileSnapshot('__sql__/refresh-tally.sql')
  })

  it('locks a position’s subject with its document’s process, and writes the position, the current word, the tally and the audit lock in one statement', async () => {
    const sql = await sqlOf(
      async (db) => {
        await lockPositionSubject(db, 'paragraph', 3)
        await recordPosition(
          db,
          {
            subjectType: 'paragraph',
            subjectId: 3,
            memberStateIso3: 'BRA',
            position: 'objection',
            note: null,
            accountId: 1,
            at: new Date(0),
          },
          { documentId: 7, wording: 'w' },
          takeAuditLock,
        )
      },
      (statement) => (/^\s*with history/.test(statement) ? [{ id: 1 }] : undefined),
    )
    await expect(sql).toMatchFileSnapshot('__sql__/record-position.sql')
  })
})
