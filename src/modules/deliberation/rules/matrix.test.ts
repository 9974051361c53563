// The vote matrix: a replaced vote counts once, rows grow past the first capacity without losing
// votes, a full grid takes no new statement, the sparse rows keep only the statements asked for,
// renumbered; and (fast-check) the sparse rows hold exactly the last vote on each cell.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Vote, VoteGrid, voteGridFrom } from './matrix.ts'

describe('the vote matrix', () => {
  it('keeps the last vote on a cell and counts it once', () => {
    const grid = new VoteGrid(4)
    const p = grid.participant('p1')
    const s = grid.statement('s1')
    grid.set(p, s, 1)
    grid.set(p, s, -1)
    expect(grid.get(p, s)).toBe(-1)
    expect(grid.votes).toBe(1)
    expect(grid.get(p, grid.statement('s2'))).toBeNull()
  })

  it('tells a pass (0) from no vote', () => {
    const grid = new VoteGrid(2)
    grid.set(grid.participant('p1'), grid.statement('s1'), 0)
    expect(grid.get(0, 0)).toBe(0)
    expect(grid.get(0, 1)).toBeNull()
  })

  it('gives a participant or statement seen again its first row or column', () => {
    const grid = new VoteGrid(3)
    expect([grid.participant('a'), grid.participant('b'), grid.participant('a')]).toEqual([0, 1, 0])
    expect([grid.statement('x'), grid.statement('y'), grid.statement('x')]).toEqual([0, 1, 0])
    expect(grid.hasStatement('y')).toBe(true)
    expect(grid.hasStatement('z')).toBe(false)
  })

  it('grows past its first participant capacity without losing a vote', () => {
    const grid = new VoteGrid(2, 1)
    for (let i = 0; i < 5; i++) grid.set(grid.participant(`p${i}`), grid.statement('s'), i % 2 ? 1 : -1)
    expect([0, 1, 2, 3, 4].map((i) => grid.get(i, 0))).toEqual([-1, 1, -1, 1, -1])
    expect(grid.votes).toBe(5)
  })

  it('takes no statement past its width, and voteGridFrom drops the votes on it', () => {
    const grid = voteGridFrom(
      [
        { participant: 'p', statement: 's1', vote: 1 },
        { participant: 'p', statement: 's2', vote: 1 },
        { participant: 'p', statement: 's3', vote: -1 },
      ],
      2,
    )
    expect(grid.statement('s3')).toBe(-1)
    expect(grid.statementIds).toEqual(['s1', 's2'])
    expect(grid.votes).toBe(2)
  })

  it('gives sparse rows in order, and with `keep` only the statements kept, renumbered', () => {
    const grid = voteGridFrom(
      [
        { participant: 'p1', statement: 's1', vote: 1 },
        { participant: 'p1', statement: 's3', vote: -1 },
        { participant: 'p2', statement: 's2', vote: 0 },
        { participant: 'p2', statement: 's3', vote: 1 },
      ],
      3,
    )
    // columns in order of first sight: s1, s3, s2
    const all = grid.sparse()
    expect(all.statementIds).toEqual(['s1', 's3', 's2'])
    expect(Array.from(all.rowStart)).toEqual([0, 2, 4])
    expect(Array.from(all.col)).toEqual([0, 1, 1, 2])
    expect(Array.from(all.val)).toEqual([1, -1, 1, 0])
    // s3 moderated out: s2 becomes column 1, p1 keeps one vote
    const kept = grid.sparse(Uint8Array.of(1, 0, 1))
    expect(kept.statementIds).toEqual(['s1', 's2'])
    expect(kept.statements).toBe(2)
    expect(Array.from(kept.rowStart)).toEqual([0, 1, 2])
    expect(Array.from(kept.col)).toEqual([0, 1])
    expect(Array.from(kept.val)).toEqual([1, 0])
  })

  it('holds in its sparse rows exactly the last vote on each cell, for any votes', () => {
    const row = fc.record({
      participant: fc.constantFrom('a', 'b', 'c', 'd'),
      statement: fc.constantFrom('s1', 's2', 's3'),
      vote: fc.constantFrom<Vote>(-1, 0, 1),
    })
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const grid = voteGridFrom(rows, 3)
        const last = new Map(rows.map((r) => [`${r.participant}|${r.statement}`, r.vote]))
        const sparse = grid.sparse()
        const seen = new Map<string, number>()
        for (let i = 0; i < sparse.participants; i++)
          for (let k = sparse.rowStart[i] as number; k < (sparse.rowStart[i + 1] as number); k++)
            seen.set(
              `${grid.participantIds[i]}|${sparse.statementIds[sparse.col[k] as number]}`,
              sparse.val[k] as number,
            )
        expect(seen).toEqual(last)
        expect(grid.votes).toBe(last.size)
      }),
    )
  })
})
