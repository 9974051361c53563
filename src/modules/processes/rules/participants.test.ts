// The list of participants: Member States members first, then observers (States before
// organizations), then stakeholder members; sorted in the reader's language; merged across meetings.
import { describe, expect, it } from 'vitest'
import { arrangeParticipants, type Delegation, mergeDelegations } from './participants.ts'

const d = (kind: Delegation['kind'], key: string, name: string, people: Delegation['people'] = []): Delegation => ({
  kind,
  key,
  name,
  href: `/${key}`,
  mode: 'in_person',
  people,
})

describe('arrangeParticipants', () => {
  it('puts member States first, then observers (States before organizations), then stakeholder members, by name', () => {
    const standing: Record<string, 'member' | 'observer'> = {
      KEN: 'member',
      BRA: 'member',
      apc: 'member',
      CHE: 'observer',
    }
    const list = arrangeParticipants(
      [
        d('state', 'KEN', 'Kenya'),
        d('organization', 'un-desa', 'UN DESA'),
        d('state', 'CHE', 'Switzerland'),
        d('organization', 'apc', 'APC'),
        d('state', 'BRA', 'Brazil'),
      ],
      (x) => standing[x.key] ?? null,
      new Intl.Collator('en'),
    )
    expect(list.memberStates.map((x) => x.key)).toEqual(['BRA', 'KEN'])
    // attended without being a member or observer: listed with the observers
    expect(list.observers.map((x) => x.key)).toEqual(['CHE', 'un-desa'])
    expect(list.stakeholders.map((x) => x.key)).toEqual(['apc'])
  })

  it('sorts in the reader’s language', () => {
    const list = arrangeParticipants(
      [d('state', 'AUT', 'Österreich'), d('state', 'EGY', 'Ägypten'), d('state', 'ZAF', 'Südafrika')],
      () => 'member',
      new Intl.Collator('de'),
    )
    expect(list.memberStates.map((x) => x.name)).toEqual(['Ägypten', 'Österreich', 'Südafrika'])
  })
})

describe('mergeDelegations', () => {
  it('lists a delegation once across meetings, each person once, in person when once in person', () => {
    const first = [
      {
        ...d('state', 'KEN', 'Kenya', [{ name: 'Amina Odhiambo', function: null, mode: 'remote' }]),
        mode: 'remote' as const,
      },
    ]
    const second = [
      d('state', 'KEN', 'Kenya', [
        { name: 'amina odhiambo', function: null, mode: 'in_person' },
        { name: 'Joseph Mwangi', function: 'Adviser', mode: 'remote' },
      ]),
    ]
    const merged = mergeDelegations([first, second])
    expect(merged).toHaveLength(1)
    expect(merged[0]?.mode).toBe('in_person')
    expect(merged[0]?.people.map((p) => [p.name, p.mode])).toEqual([
      ['Amina Odhiambo', 'in_person'],
      ['Joseph Mwangi', 'remote'],
    ])
  })
})
