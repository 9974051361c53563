// The SQL of the contributions list and of contribution search, committed: a change to it shows in review as a diff.
import { describe, expect, it } from 'vitest'
import { sqlOf } from '../../../test/support/sql-snapshot.ts'
import { listContributions } from './queries-list.ts'
import { searchContributions } from './queries-search.ts'

describe('the SQL of the contributions list', () => {
  it('reads a page after a contribution and the total from the tally when only the process is chosen', async () => {
    const sql = await sqlOf((db) =>
      listContributions(db, { processId: 1, statuses: ['published'], limit: 50, after: 900 }),
    )
    await expect(sql).toMatchFileSnapshot('__sql__/list-by-process.sql')
  })

  it('counts the matching rows up to a bound when filtered by call or question, then reads a rare filter’s matches through their own index', async () => {
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
        after: 900,
      }),
    )
    await expect(sql).toMatchFileSnapshot('__sql__/list-filtered.sql')
  })

  it('reads a filter matching more than the bound in id order, after a contribution', async () => {
    const sql = await sqlOf(
      (db) =>
        listContributions(db, {
          processId: 1,
          callId: 2,
          statuses: ['published'],
          limit: 50,
          after: 900,
        }),
      (statement) => (statement.includes('as "bounded"') ? [{ n: 10_001 }] : undefined),
    )
    await expect(sql).toMatchFileSnapshot('__sql__/list-filtered-broad.sql')
  })
})

// each language's parse of the query, as PostgreSQL gives it (empty where nothing is left), and the newest id
const parsed = { ar: '', zh: '', en: "'cooper'", fr: "'coopér'", ru: '', es: '', top: 50000 }
// one answer found in each stretch of ids (the newest read as a statement of its own, the rest, wide, by
// the function), so that the excerpts' statement is sent too
const answer = (statement: string) =>
  statement.includes('contributions_search_query')
    ? [parsed]
    : statement.includes('json_build_array')
      ? [{ found: '[[49990,1,"individual",null,"en",false]]' }]
      : undefined

describe('the SQL of contribution search', () => {
  it('parses the query once, reads the newest matches from the text index a stretch of ids at a time, then the excerpts', async () => {
    const sql = await sqlOf(
      (db) => searchContributions(db, { callId: 1, q: 'cooperation', statuses: ['published'], limit: 20 }),
      answer,
    )
    await expect(sql).toMatchFileSnapshot('__sql__/search-broad.sql')
  })

  it('narrowed by every filter and continued after a keyset, asks the text index for the filters with the words', async () => {
    const sql = await sqlOf(
      (db) =>
        searchContributions(db, {
          callId: 1,
          q: 'cooperation',
          statuses: ['published', 'pending_review'],
          questionId: 2,
          stakeholderGroup: 'civil_society',
          regionalGroup: 'none',
          language: 'en',
          campaign: 'no',
          after: { contributionId: 900, questionId: 1 },
          limit: 20,
        }),
      answer,
    )
    await expect(sql).toMatchFileSnapshot('__sql__/search-narrowed.sql')
  })
})
