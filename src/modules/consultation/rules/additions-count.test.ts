import { describe, expect, it } from 'vitest'
import { mostSent } from './additions-count.ts'

describe('a campaign’s distinct additions counted', () => {
  it('counts each distinct addition by the members who sent it, the most sent first, per campaign', () => {
    // texts 0-3 in campaign 0, text 4 in campaign 1, text 5 alone
    const campaignOf = (t: number) => [0, 0, 0, 0, 1, -1][t] as number
    const additions = new Map([
      [1, 'and in every language'],
      [2, 'and for free'],
      [3, 'and in every language'],
      [4, 'with no tracking'],
      [5, 'ignored, alone'],
    ])
    expect(mostSent(2, 6, campaignOf, additions, [9, 1, 3, 2, 4, 7])).toEqual([
      [
        { text: 'and in every language', count: 3 },
        { text: 'and for free', count: 3 },
      ].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text)),
      [{ text: 'with no tracking', count: 4 }],
    ])
  })

  it('keeps only the twenty most sent', () => {
    const additions = new Map(
      Array.from({ length: 30 }, (_, t) => [t, `addition ${String(t).padStart(2, '0')}`] as const),
    )
    const top = mostSent(
      1,
      30,
      () => 0,
      additions,
      Array.from({ length: 30 }, (_, t) => t + 1),
    )
    expect(top[0]).toHaveLength(20)
    expect(top[0]?.[0]).toEqual({ text: 'addition 29', count: 30 })
  })
})
