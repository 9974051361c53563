// The message catalogs: complete in all six languages, valid ICU, with every plural category
// each language needs (Arabic has six, Russian four), and every key the code uses defined.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { IntlMessageFormat } from 'intl-messageformat'
import { describe, expect, it } from 'vitest'
import { modules } from '../../modules/index.ts'
import { loadMessages } from '../../runtime.ts'
import { LOCALES } from './locales.ts'

const messages = loadMessages(modules)
const en = messages.catalogs.en

function placeholders(message: string): string[] {
  // an argument, not a plural branch's text such as one {organization}
  return [...message.matchAll(/(?<!(?:zero|one|two|few|many|other|=\d+)\s*)\{\s*([A-Za-z]\w*)\s*[,}]/g)]
    .map((m) => m[1] as string)
    .sort()
}

describe('message catalogs', () => {
  for (const locale of LOCALES) {
    it(`has exactly the English keys in ${locale}`, () => {
      expect(Object.keys(messages.catalogs[locale]).sort()).toEqual(Object.keys(en).sort())
    })

    it(`parses every ${locale} message as ICU and keeps its placeholders`, () => {
      for (const [key, message] of Object.entries(messages.catalogs[locale])) {
        expect(() => new IntlMessageFormat(message, locale), key).not.toThrow()
        expect(placeholders(message), `${locale} ${key}`).toEqual(placeholders(en[key] as string))
      }
    })

    it(`gives every plural in ${locale} all of the language's plural categories`, () => {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories
      for (const [key, message] of Object.entries(messages.catalogs[locale])) {
        if (!/,\s*plural\s*,/.test(message)) continue
        for (const category of categories) {
          expect(message, `${locale} ${key} lacks "${category}"`).toMatch(new RegExp(`\\b${category}\\s*\\{`))
        }
      }
    })
  }

  it('is really translated: most messages differ from English in every other language', () => {
    for (const locale of LOCALES.filter((l) => l !== 'en')) {
      const same = Object.entries(messages.catalogs[locale]).filter(([k, v]) => v === en[k])
      expect(same.length / Object.keys(en).length, `${locale}: ${same.map(([k]) => k).join(', ')}`).toBeLessThan(0.05)
    }
  })

  it('formats Arabic and Russian plurals with the right forms', () => {
    const ar = messages.translator('ar')
    const ru = messages.translator('ru')
    const forms = (t: typeof ar, n: number) => t.t('audit.size', { count: n })
    expect(new Set([0, 1, 2, 3, 11, 100].map((n) => forms(ar, n))).size).toBe(6)
    expect(new Set([1, 2, 5, 21].map((n) => forms(ru, n))).size).toBeGreaterThanOrEqual(3)
    expect(forms(ru, 21)).toContain('21')
  })

  it('defines every message key that the code names literally', () => {
    const keys = new Set(Object.keys(en))
    // every catalog's top-level namespaces (layout, errors, actors, processes ...)
    const prefixes = [...new Set([...Object.keys(en).map((k) => k.split('.')[0]), ...modules.map((m) => m.id)])].join(
      '|',
    )
    const files: string[] = []
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name)
        if (entry.isDirectory()) walk(path)
        else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts')) files.push(path)
      }
    }
    walk(join(import.meta.dirname, '..', '..'))
    const missing: string[] = []
    for (const file of files) {
      const source = readFileSync(file, 'utf8')
      const literal = new RegExp(`\\b(?:t|label:|code:)\\s*\\(?\\s*'((?:${prefixes})\\.[\\w.-]+)'`, 'g')
      for (const m of source.matchAll(literal)) if (!keys.has(m[1] as string)) missing.push(`${file}: ${m[1]}`)
    }
    expect(missing).toEqual([])
  })
})
