import { describe, expect, it } from 'vitest'
import { boardStatus, submissionProblems, synthesizeCharacteristics, synthesizeIssues } from './report.ts'

describe('annual reports', () => {
  it('needs the actions taken and at least one issue to be submitted', () => {
    expect(submissionProblems({}).map((p) => p.path)).toEqual(['actions', 'issues'])
    expect(submissionProblems({ actions: 'We did', issues: ['cybercrime'] })).toEqual([])
  })

  it('shows each invited organization as invited, draft, published or late', () => {
    expect(boardStatus(undefined, '2026-03-31', '2026-03-01')).toBe('invited')
    expect(boardStatus({ version: 0, draftSavedAt: new Date() }, '2026-03-31', '2026-03-01')).toBe('draft')
    expect(boardStatus({ version: 0, draftSavedAt: new Date() }, '2026-03-31', '2026-04-01')).toBe('late')
    expect(boardStatus({ version: 2, draftSavedAt: null }, '2026-03-31', '2026-04-01')).toBe('published')
  })

  it('compiles the year per issue, compared with the year before, and per characteristic', () => {
    const current = [
      {
        organizationId: 1,
        content: { issues: ['cybercrime', 'spam'], characteristics: { transparency: 'Open meetings' } },
      },
      { organizationId: 2, content: { issues: ['cybercrime', 'cybercrime'] } },
    ]
    const previous = [{ organizationId: 1, content: { issues: ['cybercrime', 'privacy'] } }]
    expect(synthesizeIssues(current, previous)).toEqual([
      { issue: 'cybercrime', organizations: [1, 2], previous: 1 },
      { issue: 'spam', organizations: [1], previous: 0 },
      { issue: 'privacy', organizations: [], previous: 1 },
    ])
    const byCharacteristic = synthesizeCharacteristics(current)
    expect(byCharacteristic.find((c) => c.characteristic === 'transparency')?.entries).toEqual([
      { organizationId: 1, text: 'Open meetings' },
    ])
    expect(byCharacteristic).toHaveLength(7)
  })
})
