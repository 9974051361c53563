import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildMemberStates, OUTPUT_FILE, SOURCES_DIR } from './build-member-states.ts'

describe('the shipped Member States file', () => {
  it('is what the sources in reference/sources produce (run scripts/build-member-states.ts)', () => {
    const built = `${JSON.stringify(buildMemberStates(SOURCES_DIR), null, 1)}\n`
    expect(readFileSync(OUTPUT_FILE, 'utf8')).toBe(built)
  })

  it('has every name in all six languages, with Türkiye and Namibia right', () => {
    const { memberStates } = buildMemberStates(SOURCES_DIR)
    for (const s of memberStates) {
      for (const lang of ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const) {
        expect(s.shortName[lang], `${s.iso3} ${lang}`).not.toBe('')
        expect(s.formalName[lang], `${s.iso3} ${lang}`).not.toBe('')
      }
    }
    const tur = memberStates.find((s) => s.iso3 === 'TUR')
    expect(tur?.shortName.en).toBe('Türkiye')
    expect(tur?.formalName.en).toBe('the Republic of Türkiye')
    expect(memberStates.find((s) => s.iso3 === 'NAM')?.iso2).toBe('NA')
  })
})
