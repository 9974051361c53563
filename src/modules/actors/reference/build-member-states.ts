// Builds member-states.json from the UN sources copied under reference/sources: codes, names
// in the six languages, regional groups and LDC/LLDC/SIDS classifications, each with its source.
// `node --import tsx scripts/build-member-states.ts` rewrites the file; a test checks it is current.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { AS_OF, FORMAL_NAME_OVERRIDES, GROUP_NOTES, LDC_GRADUATIONS, OBSERVER_STATES, SOURCES } from './overrides.ts'

export const LANGS = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const
type Lang = (typeof LANGS)[number]
export const REGIONAL_GROUPS = ['african', 'asia-pacific', 'eastern-european', 'grulac', 'weog'] as const

export interface MemberStateRecord {
  iso3: string
  iso2: string
  m49: string
  membership: 'member' | 'observer'
  shortName: Record<Lang, string>
  formalName: Record<Lang, string>
  regionalGroups: { group: string; electoral: boolean; note: string | null }[]
  classifications: { kind: 'ldc' | 'lldc' | 'sids'; validUntil: string | null; source: string }[]
}

export interface ReferenceFile {
  sources: typeof SOURCES
  asOf: typeof AS_OF
  memberStates: MemberStateRecord[]
}

const M49_FILE: Record<Lang, string> = { ar: 'ar', zh: 'cn', en: 'en', fr: 'fr', ru: 'ru', es: 'es' }
const UNTERM_SHORT: Record<Exclude<Lang, 'en'>, string> = {
  ar: 'UNTERM Arabic Short',
  zh: 'UNTERM Chinese Short',
  fr: 'UNTERM French Short',
  ru: 'UNTERM Russian Short',
  es: 'UNTERM Spanish Short',
}
const UNTERM_FORMAL: Record<Lang, string> = {
  ar: 'UNTERM Arabic Formal',
  zh: 'UNTERM Chinese Formal',
  en: 'UNTERM English Formal',
  fr: 'UNTERM French Formal',
  ru: 'UNTERM Russian Formal',
  es: 'UNTERM Spanish Formal',
}

function readCsv(path: string): Record<string, string>[] {
  // cast: false keeps "NA" (Namibia) and zero-padded codes as text
  return parse(readFileSync(path, 'utf8'), { columns: true, bom: true, skip_empty_lines: true, cast: false })
}

const cleanUnterm = (name: string) => name.replace(/\s*\*+\s*$/, '').trim()

export function buildMemberStates(sourcesDir: string): ReferenceFile {
  const m49 = Object.fromEntries(
    LANGS.map((l) => [l, readCsv(join(sourcesDir, 'unsd-m49', `UNSD-${M49_FILE[l]}.csv`))]),
  ) as Record<Lang, Record<string, string>[]>
  const unterm = new Map(readCsv(join(sourcesDir, 'unterm', 'unterm-names.csv')).map((r) => [r.iso3 as string, r]))
  const groups = new Map(
    readCsv(join(sourcesDir, 'un-regional-groups.csv')).map((r) => [r.iso3 as string, r.group as string]),
  )
  const members = [...groups.keys(), ...OBSERVER_STATES]
  const byIso3 = (lang: Lang, iso3: string) => m49[lang].find((r) => r['ISO-alpha3 Code'] === iso3)

  const memberStates = members.map((iso3): MemberStateRecord => {
    const en = byIso3('en', iso3)
    const names = unterm.get(iso3)
    if (!en || !names) throw new Error(`${iso3} is missing from the M49 or UNTERM source`)
    const shortName = {} as Record<Lang, string>
    const formalName = {} as Record<Lang, string>
    for (const lang of LANGS) {
      const row = byIso3(lang, iso3)
      const fallback = lang === 'en' ? names.official_name_en : names[UNTERM_SHORT[lang]]
      shortName[lang] = (row?.['Country or Area'] || cleanUnterm(fallback ?? '')).trim()
      formalName[lang] = FORMAL_NAME_OVERRIDES[iso3]?.names[lang] ?? cleanUnterm(names[UNTERM_FORMAL[lang]] ?? '')
    }
    const group = groups.get(iso3)
    const regionalGroups = group ? [{ group, electoral: true, note: GROUP_NOTES[iso3]?.note ?? null }] : []
    const extra = GROUP_NOTES[iso3]?.extra
    if (extra) regionalGroups.push({ group: extra.group, electoral: false, note: extra.note })
    const classifications: MemberStateRecord['classifications'] = []
    if (en['Least Developed Countries (LDC)'] === 'x') {
      const graduation = LDC_GRADUATIONS[iso3]
      classifications.push({
        kind: 'ldc',
        validUntil: graduation?.validUntil ?? null,
        source: graduation?.source ?? SOURCES.ldc,
      })
    }
    if (en['Land Locked Developing Countries (LLDC)'] === 'x') {
      classifications.push({ kind: 'lldc', validUntil: null, source: SOURCES.lldc })
    }
    if (en['Small Island Developing States (SIDS)'] === 'x') {
      classifications.push({ kind: 'sids', validUntil: null, source: SOURCES.sids })
    }
    return {
      iso3,
      iso2: en['ISO-alpha2 Code'] as string,
      m49: en['M49 Code'] as string,
      membership: (OBSERVER_STATES as readonly string[]).includes(iso3) ? 'observer' : 'member',
      shortName,
      formalName,
      regionalGroups,
      classifications,
    }
  })
  memberStates.sort((a, b) => a.iso3.localeCompare(b.iso3))
  return { sources: SOURCES, asOf: AS_OF, memberStates }
}

export const SOURCES_DIR = join(import.meta.dirname, '..', '..', '..', '..', 'reference', 'sources')
export const OUTPUT_FILE = join(import.meta.dirname, 'member-states.json')
