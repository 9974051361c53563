// The report in Akoma Ntoso 3.0 (OASIS LegalDocML), following the AKN4UN naming: a `doc` named
// "report" (subtype paper) numbered after the symbol the Secretariat set, with the preambular
// paragraphs as recitals in the preamble, the introduction and the operative recommendations
// (numbered 1, 2, 3) in mainBody, the divergent views marked refersTo="#divergentView" with their
// attribution, the paragraphs not considered marked refersTo="#notConsidered", Annex I (members
// and attendance) and Annex II (explanations of position and reservations) as attached docs and
// Annex III (every proposal and its fate) as an amendmentList, as ../shared/akn/patterns show.
// eIds are unique across the file, annexes included. Validated against the official schema.
import { create } from 'xmlbuilder2'
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js'
import { isoDate } from '../../core/dates.ts'
import type { Report } from './report.ts'
import {
  AUDIT_NS,
  aknNumber,
  identification,
  labelId,
  NS,
  references,
  textLanguageOf,
  textWithBrackets,
} from './report-akn-meta.ts'

export { aknNumber } from './report-akn-meta.ts'

/** The lead-in of a divergent view, in English like the rest of the XML's frame. */
const leadLine = (lead: Report['divergentViews'][number]['lead']): string | null =>
  lead.kind === 'some'
    ? 'Some participants held the following view:'
    : lead.kind === 'other'
      ? 'Other participants held the following view:'
      : lead.kind === 'states'
        ? `${lead.states.join(', ')} held the following view:`
        : null

export function reportAkn(report: Report, generatedAt: Date): string {
  const generated = isoDate(generatedAt)
  const actor = `un-${report.body.slug}`
  const number = aknNumber(report.issue?.symbol ?? report.document?.symbol ?? `${report.process.slug}-report`)
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
      showAs: report.issue?.symbol ?? report.document?.symbol ?? report.process.title,
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
      eId: 'notConsidered',
      href: '/akn/ontology/concept/un/notConsidered',
      showAs: 'not considered (no decision taken)',
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
    p: {
      id: number
      label: string | null
      text: string
      continuation: string[]
      lead?: Report['divergentViews'][number]['lead']
    },
    concept: 'divergentView' | 'notConsidered' | null,
  ) => {
    const eId = uniqueId(`para_${labelId(p.label, p.id)}`, p.id)
    const el = parent.ele('paragraph', { eId, ...(concept ? { refersTo: `#${concept}` } : {}) })
    if (p.label) el.ele('num').txt(p.label)
    const content = el.ele('content')
    const lead = p.lead ? leadLine(p.lead) : null
    if (lead) content.ele('p', { class: 'attribution' }).txt(lead)
    textWithBrackets(content.ele('p'), p.text, eId)
    for (const [i, line] of p.continuation.entries()) textWithBrackets(content.ele('p'), line, `${eId}__p_${i + 2}`)
  }
  if (operative.recommendations.length === 0 && operative.divergentViews.length === 0)
    recs.ele('content').ele('p').txt('No recommendation was adopted.')
  else {
    for (const p of operative.recommendations) paragraph(recs, p, null)
    for (const p of operative.divergentViews) paragraph(recs, p, 'divergentView')
  }
  // what the body never declared on is listed, not dropped
  if (report.notConsidered.length) {
    const listed = main.ele('hcontainer', { eId: 'hcontainer_notConsidered', name: 'notConsidered' })
    listed.ele('heading').txt('Paragraphs not considered')
    for (const p of report.notConsidered)
      paragraph(listed, { ...p, label: p.originalLabel ?? p.label }, 'notConsidered')
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
  b1.ele('p').txt('Annex I. Members and attendance')
  const { attendance } = report.members
  if (!attendance.recorded) b1.ele('p').txt('Attendance at the meetings was not recorded.')
  const came = (name: string) =>
    attendance.recorded ? (attendance.attended.includes(name) ? ' (attended)' : ' (did not attend)') : ''
  for (const s of report.members.memberStates) b1.ele('p').txt(`${s}${came(s)}`)
  for (const o of report.members.organizations)
    b1.ele('p').txt(`${o.name} (${o.stakeholderGroup.replaceAll('_', ' ')})${came(o.name)}`)

  // Annex II: explanations of position and reservations, with their States
  const a2 = attachments.ele('attachment', { eId: 'att_2' }).ele('doc', { name: 'annex' })
  const m2s = a2.ele('meta')
  identification(
    m2s,
    'a2_',
    {
      type: 'doc',
      subtype: 'annex',
      actor,
      date: report.date,
      number: `${number}-annex-II`,
      showAs: 'Annex II',
      language: textLanguageOf(report),
    },
    generated,
  )
  references(m2s, 'a2_', report, actor)
  const b2 = a2.ele('mainBody')
  b2.ele('p').txt('Annex II. Explanations of position and reservations')
  if (report.statements.length === 0) b2.ele('p').txt('None was recorded.')
  for (const s of report.statements)
    b2.ele('p').txt(
      `${s.state}, ${s.kind === 'explanation' ? 'explanation of position' : 'reservation'} ${s.paragraph ? `on paragraph ${s.paragraph}` : 'on the text as a whole'}: ${s.text}`,
    )

  // Annex III: every proposal in full, with its fate (an amendmentList needs at least one)
  if (report.proposals.length === 0) return root.end({ prettyPrint: true })
  const list = attachments.ele('attachment', { eId: 'att_3' }).ele('amendmentList', { name: 'proposals' })
  const m2 = list.ele('meta')
  identification(
    m2,
    'a3_',
    {
      type: 'amendmentList',
      subtype: 'proposals',
      actor,
      date: report.date,
      number: `${number}-annex-III`,
      showAs: 'Annex III',
      language: textLanguageOf(report),
    },
    generated,
  )
  references(m2, 'a3_', report, actor)
  const collection = list.ele('collectionBody')
  for (const p of report.proposals) {
    const prefix = `p${p.id}_`
    const amendment = collection.ele('component', { eId: `a3_cmp_${p.id}` }).ele('amendment', { name: 'proposal' })
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
