// The directory's rules over the shipped reference data (not a database): groups, development
// classifications as of a date, and search in the six languages.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { REFERENCE_FILE } from '../module.ts'
import type { ReferenceFile } from '../reference/build-member-states.ts'
import {
  electoralGroup,
  filterMemberStates,
  hasClassification,
  inGroup,
  type MemberState,
  sortByName,
} from './member-states.ts'

const { memberStates } = JSON.parse(readFileSync(REFERENCE_FILE, 'utf8')) as ReferenceFile
const states = memberStates as MemberState[]
const TODAY = '2026-12-01'
const byIso = (iso3: string) => states.find((s) => s.iso3 === iso3) as MemberState

describe('Member States', () => {
  it('are the 193 members and the 2 observer States', () => {
    expect(states).toHaveLength(195)
    expect(
      states
        .filter((s) => s.membership === 'observer')
        .map((s) => s.iso3)
        .sort(),
    ).toEqual(['PSE', 'VAT'])
  })

  it('count in the UN regional groups for elections as the UN lists them', () => {
    const count = (g: string) => states.filter((s) => electoralGroup(s) === g).length
    expect([
      count('african'),
      count('asia-pacific'),
      count('eastern-european'),
      count('grulac'),
      count('weog'),
    ]).toEqual([54, 54, 23, 33, 29])
    expect(electoralGroup(byIso('TUR'))).toBe('weog')
    expect(electoralGroup(byIso('USA'))).toBe('weog')
    expect(electoralGroup(byIso('VAT'))).toBeNull()
  })

  it('list Türkiye in the Asia-Pacific Group too, outside elections', () => {
    const asiaPacific = filterMemberStates(states, { group: 'asia-pacific' }, TODAY)
    expect(asiaPacific).toHaveLength(55)
    expect(asiaPacific.map((s) => s.iso3)).toContain('TUR')
  })

  it('stop counting a State as least developed from its graduation day', () => {
    const stp = byIso('STP')
    expect(hasClassification(stp, 'ldc', '2024-12-12')).toBe(true)
    expect(hasClassification(stp, 'ldc', '2024-12-13')).toBe(false)
    expect(filterMemberStates(states, { ldc: true }, '2024-01-01')).toHaveLength(45)
    expect(filterMemberStates(states, { ldc: true }, '2025-06-01')).toHaveLength(44)
  })

  it('flag the 32 landlocked developing countries and the small island developing States', () => {
    expect(filterMemberStates(states, { lldc: true }, TODAY)).toHaveLength(32)
    expect(filterMemberStates(states, { sids: true }, TODAY)).toHaveLength(37)
    expect(filterMemberStates(states, { lldc: true, ldc: true }, '2024-01-01').length).toBeGreaterThan(10)
  })

  it('are found by name in any of the six languages, or by ISO code', () => {
    for (const q of ["Côte d'Ivoire", 'Кот-д’Ивуар', '科特迪瓦', 'كوت ديفوار', 'cote divoire', 'civ']) {
      expect(
        filterMemberStates(states, { q }, TODAY).map((s) => s.iso3),
        q,
      ).toContain('CIV')
    }
    for (const q of ['Países Bajos', 'Pays-Bas', 'Нидерланды', '荷兰', 'هولندا', 'netherlands']) {
      expect(
        filterMemberStates(states, { q }, TODAY).map((s) => s.iso3),
        q,
      ).toEqual(['NLD'])
    }
    expect(filterMemberStates(states, { q: 'Türkiye' }, TODAY).map((s) => s.iso3)).toEqual(['TUR'])
    expect(filterMemberStates(states, { q: 'zzzz' }, TODAY)).toEqual([])
  })

  it('sort by name in the reader language', () => {
    const fr = sortByName(states, 'fr').map((s) => s.shortName.fr)
    expect(fr.indexOf('Égypte')).toBeLessThan(fr.indexOf('Équateur'))
    expect(fr.indexOf('Égypte')).toBeGreaterThan(fr.indexOf('Dominique'))
  })
})

describe('a State in a regional group', () => {
  it('counts a State in every group it takes part in, not only the one it votes in', () => {
    // Türkiye: WEOG for elections, a full participant in Asia-Pacific
    expect(inGroup(byIso('TUR'), 'weog')).toBe(true)
    expect(inGroup(byIso('TUR'), 'asia-pacific')).toBe(true)
    expect(inGroup(byIso('TUR'), 'african')).toBe(false)
    expect(inGroup(byIso('KEN'), 'african')).toBe(true)
  })

  it('puts the Holy See, an observer State, in no group', () => {
    for (const group of ['african', 'asia-pacific', 'eastern-european', 'grulac', 'weog'] as const)
      expect(inGroup(byIso('VAT'), group)).toBe(false)
  })
})
