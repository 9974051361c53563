// The parts of the Akoma Ntoso report every document and annex shares: the FRBR identification
// (AKN4UN naming), the references, bracketed text as <inline name="bracket">, and eIds from labels.
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js'
import { segments } from '../../core/formats/brackets.ts'
import { isLocale, LOCALE_INFO } from '../../core/i18n/locales.ts'
import type { Report } from './report.ts'

export const NS = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0'

/** "E/CN.16/2018/CRP.3" -> "E-CN.16-2018-CRP.3"; spaces become "_" (AKN4UN 6.1). */
export function aknNumber(symbol: string): string {
  return symbol.replaceAll('/', '-').replace(/\s+/g, '_')
}

/** The namespace of ecp's own metadata in <proprietary>. */
export const AUDIT_NS = 'urn:ecp:audit-log'

/** The report's expression is in the language its agreed text was negotiated in. */
export const textLanguageOf = (report: Report) => report.document?.language ?? 'en'

export function identification(
  parent: XMLBuilder,
  prefix: string,
  work: {
    type: string
    subtype: string
    actor: string
    date: string
    number: string
    showAs: string
    language: string
  },
  generated: string,
) {
  const uri = `/akn/un/${work.type}/${work.subtype}/${work.actor}/${work.date}/${work.number}`
  const language = isLocale(work.language) ? LOCALE_INFO[work.language].iso639_2 : 'eng'
  const expression = `${uri}/${language}@${work.date}`
  const id = parent.ele('identification', { source: `#${prefix}ecp` })
  const w = id.ele('FRBRWork')
  w.ele('FRBRthis', { value: `${uri}/!main` })
  w.ele('FRBRuri', { value: uri })
  w.ele('FRBRdate', { date: work.date, name: 'adoption' })
  w.ele('FRBRauthor', { href: `#${prefix}body` })
  w.ele('FRBRcountry', { value: 'un' })
  w.ele('FRBRsubtype', { value: work.subtype })
  w.ele('FRBRnumber', { value: work.number, showAs: work.showAs })
  const e = id.ele('FRBRExpression')
  e.ele('FRBRthis', { value: `${expression}/!main` })
  e.ele('FRBRuri', { value: expression })
  e.ele('FRBRdate', { date: work.date, name: 'adoption' })
  e.ele('FRBRauthor', { href: `#${prefix}body` })
  e.ele('FRBRlanguage', { language })
  const m = id.ele('FRBRManifestation')
  m.ele('FRBRthis', { value: `${expression}/!main.xml` })
  // the manifestation is the expression in a format: its IRI adds ".xml" (AKN naming convention 1.0)
  m.ele('FRBRuri', { value: `${expression}.xml` })
  m.ele('FRBRdate', { date: generated, name: 'generation' })
  m.ele('FRBRauthor', { href: `#${prefix}ecp` })
  m.ele('FRBRformat', { value: 'xml' })
}

export function references(
  meta: XMLBuilder,
  prefix: string,
  report: Report,
  actor: string,
  extra?: (r: XMLBuilder) => void,
) {
  const r = meta.ele('references', { source: `#${prefix}ecp` })
  r.ele('TLCOrganization', { eId: `${prefix}ecp`, href: '/akn/ontology/organization/un/ecp', showAs: 'ecp' })
  r.ele('TLCOrganization', {
    eId: `${prefix}body`,
    href: `/akn/ontology/organization/un/${actor}`,
    showAs: report.body.name,
  })
  extra?.(r)
}

/** Text with its bracketed spans as <inline name="bracket">. */
export function textWithBrackets(p: XMLBuilder, text: string, eIdBase: string) {
  let n = 0
  for (const s of segments(text)) {
    if (s.bracketed)
      p.ele('inline', { eId: `${eIdBase}__inline_${++n}`, name: 'bracket', refersTo: '#notAgreed' }).txt(s.text)
    else p.txt(s.text)
  }
}

export const labelId = (label: string | null, fallback: number) =>
  (label ?? String(fallback)).replace(/\.$/, '').replace(/[^A-Za-z0-9]+/g, '') || String(fallback)
