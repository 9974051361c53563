import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Vote, voteGridFrom } from './matrix.ts'
import { pca2, project, statementMeans } from './pca.ts'

const grid = (rows: Vote[][]) =>
  voteGridFrom(
    rows.flatMap((row, i) =>
      row.flatMap((vote, j) => (vote === null ? [] : [{ participant: `p${i}`, statement: `s${j}`, vote }])),
    ),
    rows[0]?.length ?? 1,
  ).sparse()

describe('principal components of the votes', () => {
  it('finds the axis along which two camps vote opposite ways (hand-computed: (1, 1)/√2, eigenvalue 2)', () => {
    // rows ±(1, 1): mean 0, covariance [[1, 1], [1, 1]], eigenvalues 2 and 0
    const votes = grid([
      [1, 1],
      [-1, -1],
      [1, 1],
      [-1, -1],
    ])
    const pca = pca2(votes)
    expect(Math.abs(pca.components[0][0] as number)).toBeCloseTo(Math.SQRT1_2, 6)
    expect(pca.components[0][0]).toBeCloseTo(pca.components[0][1] as number, 6)
    expect(pca.eigenvalues[0]).toBeCloseTo(2, 6)
    expect(pca.eigenvalues[1]).toBeCloseTo(0, 6)
  })

  it('fills a missing vote with the statement mean, so it adds nothing to the spread', () => {
    const votes = voteGridFrom(
      [
        { participant: 'a', statement: 's1', vote: 1 },
        { participant: 'a', statement: 's2', vote: 1 },
        { participant: 'b', statement: 's1', vote: -1 },
        { participant: 'b', statement: 's2', vote: -1 },
        { participant: 'c', statement: 's1', vote: 1 },
      ],
      2,
    ).sparse()
    expect(Array.from(statementMeans(votes))).toEqual([1 / 3, 0])
    const pca = pca2(votes)
    const place = project(votes, pca)
    // a and b sit on opposite sides; c (agrees with a on what it voted) sits on a's side
    expect(Math.sign(place.x[0] as number)).toBe(Math.sign(place.x[2] as number))
    expect(Math.sign(place.x[0] as number)).toBe(-Math.sign(place.x[1] as number))
  })

  it('scales a participant with few votes by √(statements / votes) (hand-computed)', () => {
    const votes = grid([
      [1, 1],
      [-1, -1],
    ])
    const pca = pca2(votes)
    const place = project(votes, pca)
    // centred rows ±(1, 1), component (1, 1)/√2: x = ±√2, scale √(2/2) = 1
    expect(Math.abs(place.x[0] as number)).toBeCloseTo(Math.SQRT2, 6)
  })

  it('returns two orthonormal components on any votes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom<Vote>(-1, 0, 1), { minLength: 4, maxLength: 4 }), {
          minLength: 3,
          maxLength: 12,
        }),
        (rows) => {
          const { components } = pca2(grid(rows))
          const [a, b] = components
          const dot = (u: Float64Array, v: Float64Array) => u.reduce((s, x, j) => s + x * (v[j] as number), 0)
          const na = dot(a, a)
          const nb = dot(b, b)
          // a zero matrix leaves the start vectors, still unit and orthogonal
          expect(na).toBeCloseTo(1, 6)
          expect(nb).toBeCloseTo(1, 6)
          expect(dot(a, b)).toBeCloseTo(0, 6)
        },
      ),
    )
  })

  it('keeps the previous sign when warm-started, so the map does not flip between runs', () => {
    const votes = grid([
      [1, 1, -1],
      [-1, -1, 1],
      [1, 0, -1],
    ])
    const first = pca2(votes)
    const flipped: [Float64Array, Float64Array] = [
      first.components[0].map((v) => -v),
      first.components[1].map((v) => -v),
    ]
    const again = pca2(votes, { start: flipped })
    expect(again.components[0][0]).toBeCloseTo(-(first.components[0][0] as number), 6)
    expect(again.iterations).toBeLessThan(first.iterations + 1)
  })
})
