// An import batch's COPY line, written directly for speed, says what copyText says of its values:
// the escapes of COPY's text format where a value needs them, \N for none, t/f for booleans.
import { describe, expect, it } from 'vitest'
import { copyText } from '../../core/db/copy.ts'
import { batchPrefix, type ImportedContribution, importLine } from './queries-bulk-write.ts'

const batch = { callId: 3, processId: 2, authorAccountId: 7, importId: 11, sourceFile: 'mail\\box\t1.csv' }

function expected(id: number, r: ImportedContribution): string {
  const at = r.submittedAt
  return copyText([
    [
      id,
      batch.callId,
      batch.processId,
      batch.authorAccountId,
      batch.importId,
      batch.sourceFile,
      'published',
      r.sourceLine,
      r.externalId,
      at,
      at,
      at,
      r.speakingFor,
      r.memberStateIso3,
      r.organizationId,
      r.contributorName,
      r.stakeholderGroup,
      r.regionalGroup,
      r.ldc ? 't' : 'f',
      r.lldc ? 't' : 'f',
      r.sids ? 't' : 'f',
      r.language,
      `{${r.questionId}}`,
      r.questionId,
      r.text,
    ],
  ])
}

describe('an import batch written as COPY text', () => {
  it('escapes backslashes, tabs and line breaks in every text and writes none as \\N', () => {
    const r: ImportedContribution = {
      externalId: 'a\\b\tc',
      submittedAt: new Date('2026-10-02T08:30:00Z'),
      speakingFor: 'organization',
      memberStateIso3: null,
      organizationId: null,
      contributorName: 'Name\r\nwith a break',
      stakeholderGroup: 'civil_society',
      regionalGroup: null,
      ldc: false,
      lldc: true,
      sids: false,
      language: 'fr',
      questionId: 5,
      text: 'first line\nsecond\\line\tand a tab',
      sourceLine: 42,
    }
    const line = importLine(batchPrefix(batch), 901, r)
    expect(line).toBe(expected(901, r))
    expect(line.split('\n')).toHaveLength(2)
    expect(line.split('\t')).toHaveLength(25)
  })

  it('writes a Member State and an organization the platform knows by their keys', () => {
    const r: ImportedContribution = {
      externalId: 'x-1',
      submittedAt: new Date('2026-10-03T00:00:00Z'),
      speakingFor: 'member_state',
      memberStateIso3: 'FJI',
      organizationId: null,
      contributorName: 'Fiji',
      stakeholderGroup: 'government',
      regionalGroup: 'asia_pacific',
      ldc: false,
      lldc: false,
      sids: true,
      language: 'en',
      questionId: 1,
      text: 'plain',
      sourceLine: 2,
    }
    expect(importLine(batchPrefix(batch), 1, r)).toBe(expected(1, r))
    const known = { ...r, speakingFor: 'organization' as const, memberStateIso3: null, organizationId: 12 }
    expect(importLine(batchPrefix(batch), 2, known)).toBe(expected(2, known))
  })

  it('refuses a batch whose call, process, author or import is not a whole number', () => {
    expect(() => batchPrefix({ ...batch, callId: Number.NaN })).toThrow()
  })
})
