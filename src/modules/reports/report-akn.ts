// The report in Akoma Ntoso 3.0 (OASIS LegalDocML), following the AKN4UN naming: a `doc` named
// "report" (subtype paper) with the preambular paragraphs as recitals in the preamble, the
// introduction and the operative recommendations in mainBody, the divergent
// views marked refersTo="#divergentView", Annex I (members) as an attached doc and Annex II (every
// proposal and its fate) as an amendmentList, as ../shared/akn/patterns show. eIds are unique
// across the file, annexes included. Validated against the official schema in the tests.
import { create } from 'xmlbuilder2'
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js'
import { segments } from '../../core/formats/brackets.ts'
import { isLocale, LOCALE_INFO } from '../../core/i18n/locales.ts'
import type { Report } from './report.ts'

const NS = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0'

/** "E/CN.16/2018/CRP.3" -> "E-CN.16-2018-CRP.3"; spaces become "_" (AKN4UN 6.1). */
export function aknNumber(symbol: string): string {
  return symbol.replaceAll('/', '-').replace(/\s+/g, '_')
}

/** The namespace of ecp's own metadata in <proprietary>. */
const AUDIT_NS = 'urn:ecp:audit-log'

/** The report's expression is in the language its agreed text was negotiated in. */
const textLanguageOf = (report: Report) => report.document?.language ?? 'en'

function identification(
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

function references(meta: XMLBuilder, prefix: string, report: Report, actor: string, extra?: (r: XMLBuilder) => void) {
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
function textWithBrackets(p: XMLBuilder, text: string, eIdBase: string) {
  let n = 0
  for (const s of segments(text)) {
    if (s.bracketed)
      p.ele('inline', { eId: `${eIdBase}__inline_${++n}`, name: 'bracket', refersTo: '#notAgreed' }).txt(s.text)
    else p.txt(s.text)
  }
}

const labelId = (label: string | null, fallback: number) =>
  (label ?? String(fallback)).replace(/\.$/, '').replace(/[^A-Za-z0-9]+/g, '') || String(fallback)

export function reportAkn(report: Report, generatedAt: Date): string {
  const generated = generatedAt.toISOString().slice(0, 10)
  const actor = `un-${report.body.slug}`
  const number = aknNumber(report.document?.symbol ?? `${report.process.slug}-report`)
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(NS, 'akomaNtoso')
  const doc = root.ele('doc', { name: 'report' })
  const meta = doc.ele('meta')
  identification(
    meta,
    '',
    {
      type: 'doc',
      subtype: 'paper',
      actor,
      date: report.date,
      number,
      showAs: report.document?.symbol ?? report.process.title,
      language: textLanguageOf(report),
    },
    generated,
  )
  references(meta, '', report, actor, (r) => {
    r.ele('TLCConcept', {
      eId: 'divergentView',
      href: '/akn/ontology/concept/un/divergentView',
      showAs: 'divergent view (no consensus)',
    })
    r.ele('TLCConcept', {
      eId: 'notAgreed',
      href: '/akn/ontology/concept/un/notAgreed',
      showAs: 'bracketed, not yet agreed',
    })
  })
  // the audit log's checkpoint when the report was produced (docs/audit-log.md)
  if (report.auditCheckpoint) {
    meta.ele('proprietary', { source: '#ecp' }).ele(AUDIT_NS, 'ecp:auditCheckpoint', {
      treeSize: String(report.auditCheckpoint.treeSize),
      rootHash: report.auditCheckpoint.rootHash,
    })
  }
  const preface = doc.ele('preface')
  preface
    .ele('p')
    .ele('docTitle')
    .txt(report.document?.title ?? report.process.title)
  // the adopted and divergent preambular paragraphs open the text, as recitals; the operative ones follow
  const preambular = [
    ...report.recommendations.filter((p) => p.kind === 'preambular').map((p) => ({ p, divergent: false })),
    ...report.divergentViews.filter((p) => p.kind === 'preambular').map((p) => ({ p, divergent: true })),
  ]
  const operative = {
    recommendations: report.recommendations.filter((p) => p.kind !== 'preambular'),
    divergentViews: report.divergentViews.filter((p) => p.kind !== 'preambular'),
  }
  const used = new Set<string>()
  const uniqueId = (base: string, id: number) => {
    const eId = used.has(base) ? `${base}_${id}` : base
    used.add(eId)
    return eId
  }
  if (preambular.length) {
    const recitals = doc.ele('preamble').ele('recitals', { eId: 'recs' })
    for (const { p, divergent } of preambular) {
      const eId = uniqueId(`recs__rec_${labelId(p.label, p.id)}`, p.id)
      const recital = recitals.ele('recital', { eId, ...(divergent ? { refersTo: '#divergentView' } : {}) })
      if (p.label) recital.ele('num').txt(p.label)
      textWithBrackets(recital.ele('p'), p.text, eId)
      for (const [i, line] of p.continuation.entries()) textWithBrackets(recital.ele('p'), line, `${eId}__p_${i + 2}`)
    }
  }
  const main = doc.ele('mainBody')
  const intro = main.ele('hcontainer', { eId: 'hcontainer_intro', name: 'introduction' })
  intro.ele('heading').txt('Introduction')
  // the facts the introduction is written from (the sentences are the HTML and Word renderers')
  const facts = intro.ele('content')
  facts
    .ele('p')
    .txt(
      `Mandate: ${report.process.mandateSymbol}${report.process.mandateParagraph ? `, para. ${report.process.mandateParagraph}` : ''}.`,
    )
  for (const m of report.meetings)
    facts
      .ele('p')
      .txt(`${m.title}: ${m.startsAt.slice(0, 10)} to ${m.endsAt.slice(0, 10)}${m.venue ? `, ${m.venue}` : ''}.`)
  facts.ele('p').txt(`Contributions received: ${report.contributions.total}.`)
  const recs = main.ele('hcontainer', { eId: 'hcontainer_recs', name: 'recommendations' })
  recs.ele('heading').txt('Recommendations')
  const paragraph = (
    parent: XMLBuilder,
    p: { id: number; label: string | null; text: string; continuation: string[] },
    divergent: boolean,
  ) => {
    const eId = uniqueId(`para_${labelId(p.label, p.id)}`, p.id)
    const el = parent.ele('paragraph', { eId, ...(divergent ? { refersTo: '#divergentView' } : {}) })
    if (p.label) el.ele('num').txt(p.label)
    const content = el.ele('content')
    textWithBrackets(content.ele('p'), p.text, eId)
    for (const [i, line] of p.continuation.entries()) textWithBrackets(content.ele('p'), line, `${eId}__p_${i + 2}`)
  }
  if (operative.recommendations.length === 0 && operative.divergentViews.length === 0)
    recs.ele('content').ele('p').txt('No recommendation was adopted.')
  else {
    for (const p of operative.recommendations) paragraph(recs, p, false)
    for (const p of operative.divergentViews) paragraph(recs, p, true)
  }

  const attachments = doc.ele('attachments')
  // Annex I: the members
  const a1 = attachments.ele('attachment', { eId: 'att_1' }).ele('doc', { name: 'annex' })
  const m1 = a1.ele('meta')
  identification(
    m1,
    'a1_',
    {
      type: 'doc',
      subtype: 'annex',
      actor,
      date: report.date,
      number: `${number}-annex-I`,
      showAs: 'Annex I',
      language: textLanguageOf(report),
    },
    generated,
  )
  references(m1, 'a1_', report, actor)
  const b1 = a1.ele('mainBody')
  b1.ele('p').txt('Annex I. Members')
  for (const s of report.members.memberStates) b1.ele('p').txt(s)
  for (const o of report.members.organizations)
    b1.ele('p').txt(`${o.name} (${o.stakeholderGroup.replaceAll('_', ' ')})`)

  // Annex II: every proposal in full, with its fate (an amendmentList needs at least one)
  if (report.proposals.length === 0) return root.end({ prettyPrint: true })
  const list = attachments.ele('attachment', { eId: 'att_2' }).ele('amendmentList', { name: 'proposals' })
  const m2 = list.ele('meta')
  identification(
    m2,
    'a2_',
    {
      type: 'amendmentList',
      subtype: 'proposals',
      actor,
      date: report.date,
      number: `${number}-annex-II`,
      showAs: 'Annex II',
      language: textLanguageOf(report),
    },
    generated,
  )
  references(m2, 'a2_', report, actor)
  const collection = list.ele('collectionBody')
  for (const p of report.proposals) {
    const prefix = `p${p.id}_`
    const amendment = collection.ele('component', { eId: `a2_cmp_${p.id}` }).ele('amendment', { name: 'proposal' })
    const meta = amendment.ele('meta')
    identification(
      meta,
      prefix,
      {
        type: 'amendment',
        subtype: 'proposal',
        actor,
        date: report.date,
        number: `${report.process.slug}-p${p.id}`,
        showAs: p.title,
        language: p.language,
      },
      generated,
    )
    references(meta, prefix, report, actor)
    const line = amendment.ele('preface').ele('p')
    line.ele('docTitle', { eId: `${prefix}title` }).txt(p.title)
    line.txt(' ')
    line.ele('docProponent', { eId: `${prefix}prop` }).txt(p.proponents.join(', ') || '—')
    line.txt(' ')
    line.ele('docStatus', { eId: `${prefix}status` }).txt(p.status.replaceAll('_', ' '))
    const body = amendment.ele('amendmentBody')
    textWithBrackets(body.ele('amendmentContent', { eId: `${prefix}content` }).ele('p'), p.text, `${prefix}content`)
    if (p.rationale)
      body
        .ele('amendmentJustification', { eId: `${prefix}why` })
        .ele('p')
        .txt(p.rationale)
  }
  return root.end({ prettyPrint: true })
}
