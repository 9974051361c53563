// The SQL of library search, committed: a change to it shows in review as a diff.
import { describe, expect, it } from 'vitest'
import { sqlOf } from '../../../test/support/sql-snapshot.ts'
import { searchLibrary } from './queries.ts'

describe('the SQL of library search', () => {
  it('ranks a query in every language configuration and reads page, total and facets in one statement', async () => {
    // each language's parse of the query, as PostgreSQL gives it (Chinese and Arabic find nothing to stem)
    const parsed = { ar: '', zh: '', en: "'coopération' & 'renforcée'", fr: "'coopér' & 'renforc'", ru: '', es: '' }
    const sql = await sqlOf(
      (db) => searchLibrary(db, { q: 'coopération renforcée', limit: 20, offset: 0 }),
      (statement) => (statement.includes('websearch_to_tsquery') ? [parsed] : undefined),
    )
    await expect(sql).toMatchFileSnapshot('__sql__/search-query.sql')
  })

  it('filters by language, type, issue and year without a query', async () => {
    const sql = await sqlOf((db) =>
      searchLibrary(db, { language: 'fr', type: 'paper', issue: 'spam', year: 2021, limit: 20, offset: 40 }),
    )
    await expect(sql).toMatchFileSnapshot('__sql__/search-filters.sql')
  })
})
