import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { byIssue, filterMap, findGaps, findOverlaps, type MapIssue, type MapMechanism } from './map.ts'

const issue = (id: number, scope: MapIssue['scope'] = 'public_policy'): MapIssue => ({
  id,
  slug: `i${id}`,
  basket: 'security',
  scope,
})
const mechanism = (id: number, issueIds: number[], over: Partial<MapMechanism> = {}): MapMechanism => ({
  id,
  organizationId: id,
  type: 'forum',
  governments: 'equal_footing',
  stakeholders: 'full_member',
  support: ['fellowships'],
  issueIds,
  ...over,
})

describe('gaps in the map', () => {
  it('finds a public-policy issue whose only mechanisms give governments no equal footing', () => {
    const gaps = findGaps(
      [issue(1), issue(2, 'technical_operational')],
      [mechanism(1, [1, 2], { governments: 'observer' })],
    )
    expect(gaps.filter((g) => g.kind === 'no_equal_footing').map((g) => g.issueId)).toEqual([1])
  })

  it('finds issues without a stakeholder channel and without developing-country support', () => {
    const gaps = findGaps([issue(1), issue(2)], [mechanism(1, [1], { stakeholders: 'observer', support: [] })])
    expect(gaps.filter((g) => g.kind === 'no_stakeholder_channel').map((g) => g.issueId)).toEqual([1, 2])
    expect(gaps.filter((g) => g.kind === 'no_developing_support').map((g) => g.issueId)).toEqual([1, 2])
    expect(gaps.find((g) => g.issueId === 2)?.mechanisms).toBe(0)
  })

  it('finds no gap where one mechanism covers everything', () => {
    expect(findGaps([issue(1)], [mechanism(1, [1])])).toEqual([])
  })
})

describe('overlaps in the map', () => {
  it('lists issues addressed by N or more mechanisms, the most crowded first', () => {
    const ms = [
      mechanism(1, [1, 2]),
      mechanism(2, [1, 2]),
      mechanism(3, [1]),
      { ...mechanism(4, [1]), organizationId: 3 },
    ]
    const overlaps = findOverlaps([issue(1), issue(2), issue(3)], ms, 2)
    expect(overlaps.map((o) => [o.issueId, o.mechanismIds.length, o.organizations])).toEqual([
      [1, 4, 3],
      [2, 2, 2],
    ])
  })

  it('never lists an issue below the threshold, whatever the map', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 1, max: 10 }), { maxLength: 5 }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 6 }),
        (lists, n) => {
          const issues = Array.from({ length: 10 }, (_, i) => issue(i + 1))
          const ms = lists.map((ids, i) => mechanism(i + 1, [...new Set(ids)]))
          for (const o of findOverlaps(issues, ms, n)) {
            expect(o.mechanismIds.length).toBeGreaterThanOrEqual(n)
            expect(ms.filter((m) => m.issueIds.includes(o.issueId)).length).toBe(o.mechanismIds.length)
          }
        },
      ),
    )
  })
})

describe('the mechanisms of each issue', () => {
  it('lists each issue with the mechanisms that address it, an issue none addresses with none', () => {
    const addressed = byIssue([issue(1), issue(2), issue(3)], [mechanism(10, [1, 2]), mechanism(11, [2, 9])])
    expect([...addressed].map(([id, ms]) => [id, ms.map((m) => m.id)])).toEqual([
      [1, [10]],
      [2, [10, 11]],
      [3, []],
    ])
    // an issue not on the map (9) gets no entry
    expect(addressed.has(9)).toBe(false)
  })
})

describe('the filtered map', () => {
  const issues = [
    { ...issue(1), basket: 'security' },
    { ...issue(2, 'technical_operational'), basket: 'infrastructure' },
    { ...issue(3), basket: 'infrastructure' },
  ]
  const mechanisms = [mechanism(10, [1]), mechanism(11, [2], { type: 'standards_body' }), mechanism(12, [1, 3])]

  it('shows everything when nothing is asked', () => {
    const shown = filterMap(issues, mechanisms, {})
    expect([shown.issues.length, shown.mechanisms.length]).toEqual([3, 3])
  })

  it('shows the issues of a basket and of a scope, and only the mechanisms addressing one of them', () => {
    const basket = filterMap(issues, mechanisms, { basket: 'infrastructure' })
    expect(basket.issues.map((i) => i.id)).toEqual([2, 3])
    expect(basket.mechanisms.map((m) => m.id)).toEqual([11, 12])
    const both = filterMap(issues, mechanisms, { basket: 'infrastructure', scope: 'public_policy' })
    expect(both.issues.map((i) => i.id)).toEqual([3])
    expect(both.mechanisms.map((m) => m.id)).toEqual([12])
  })

  it('shows only the mechanisms of a type, and the issues still all', () => {
    const typed = filterMap(issues, mechanisms, { type: 'forum' })
    expect(typed.mechanisms.map((m) => m.id)).toEqual([10, 12])
    expect(typed.issues).toHaveLength(3)
  })
})
