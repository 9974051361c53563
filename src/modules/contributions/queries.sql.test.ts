// The SQL of the contributions list, committed: a change to it shows in review as a diff.
import { describe, expect, it } from 'vitest'
import { sqlOf } from '../../../test/support/sql-snapshot.ts'
import { listContributions } from './queries-list.ts'

describe('the SQL of the contributions list', () => {
  it('reads a page and the total from the tally when only the process is chosen', async () => {
    const sql = await sqlOf((db) =>
      listContributions(db, { processId: 1, statuses: ['published'], limit: 50, offset: 0 }),
    )
    await expect(sql).toMatchFileSnapshot('__sql__/list-by-process.sql')
  })

  it('counts the matching rows up to a bound when filtered by call or question, and reads each state in id order', async () => {
    const sql = await sqlOf((db) =>
      listContributions(db, {
        processId: 1,
        callId: 2,
        questionId: 3,
        stakeholderGroup: 'government',
        regionalGroup: 'african',
        language: 'fr',
        statuses: ['published', 'withdrawn', 'hidden'],
        limit: 50,
        offset: 100,
      }),
    )
    await expect(sql).toMatchFileSnapshot('__sql__/list-filtered.sql')
  })
})
