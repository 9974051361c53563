// The SQL the gap and overlap analyses read the map with, committed: a change shows in review.
import { describe, expect, it } from 'vitest'
import { sqlOf } from '../../../test/support/sql-snapshot.ts'
import { mapData } from './queries.ts'

describe('the SQL of the map the gap analysis reads', () => {
  it('reads the active issues and every mechanism with its issues', async () => {
    await expect(await sqlOf((db) => mapData(db))).toMatchFileSnapshot('__sql__/map-data.sql')
  })
})
