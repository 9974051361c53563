// The report as Word in the UN layout (un-docx.ts): symbol, distribution, date and original
// language from the Secretariat's issue, the masthead (the parent body, the session, the agenda
// item), the introduction written from the record, the recommendations numbered 1, 2, 3 with the
// preambular paragraphs in italics, the divergent views with their attribution, the paragraphs not
// considered, and the annexes: members and attendance, explanations of position and reservations,
// every proposal and its fate. The frame is in the reader's language; the negotiated text word
// for word, in its own language's direction.
import { auditAnchorText } from '../../core/audit/anchor.tsx'
import { isRightToLeft } from '../../core/formats/direction.ts'
import { textLanguage } from '../../core/i18n/locales.ts'
import type { Translator } from '../../core/i18n/messages.ts'
import { introduction, type Report } from './report.ts'
import { unDate } from './rules/un-date.ts'
import { type UnBlock, unDocx } from './un-docx.ts'

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI']

/** "Some participants held the following view:" and the like, in the reader's language. */
export function leadText(report: Report['divergentViews'][number]['lead'], i18n: Translator): string | undefined {
  if (report.kind === 'none') return undefined
  if (report.kind === 'states') return i18n.t('reports.lead.states', { states: i18n.list(report.states) })
  return i18n.t(`reports.lead.${report.kind}`)
}

/** The name of a language in the reader's language ("English", "anglais", "الإنكليزية"). */
export function languageName(code: string, i18n: Translator): string {
  try {
    return new Intl.DisplayNames([i18n.locale], { type: 'language' }).of(code) ?? code
  } catch {
    return code
  }
}

export async function reportWord(report: Report, i18n: Translator): Promise<Buffer> {
  const t = i18n.t
  const rtl = i18n.dir === 'rtl'
  const textRtl = textLanguage(report.document?.language ?? i18n.locale).dir === 'rtl'
  const issue = report.issue
  const heading = (level: 1 | 2, text: string): UnBlock => ({ kind: 'heading', level, text })
  const paragraph = (p: Report['recommendations'][number], lead?: string): UnBlock =>
    p.kind === 'preambular'
      ? { kind: 'preambular', text: p.text, rtl: textRtl, continuation: p.continuation }
      : {
          kind: 'numbered',
          number: p.label ?? '',
          text: p.text,
          rtl: textRtl,
          continuation: p.continuation,
          ...(lead ? { lead } : {}),
        }
  let annex = 0
  const annexTitle = (title: string): UnBlock => ({
    kind: 'annex',
    title: t('reports.annex', { number: ROMAN[annex++] ?? String(annex) }),
    subtitle: title,
  })
  const footnotes: Record<number, string> = {}
  const basedOn = report.document
    ? t('reports.issue.basedOn', { document: report.document.title, revision: report.basedOn.label })
    : null
  if (basedOn) footnotes[1] = basedOn
  if (report.auditCheckpoint) footnotes[basedOn ? 2 : 1] = auditAnchorText(t, report.auditCheckpoint)
  const [first, ...rest] = introduction(report, i18n)
  const blocks: UnBlock[] = [
    heading(1, `I. ${t('reports.introduction')}`),
    ...(first ? [{ kind: 'text', text: first, ...(basedOn ? { footnote: 1 } : {}) } as UnBlock] : []),
    ...rest.map((text): UnBlock => ({ kind: 'text', text })),
    heading(1, `II. ${t('reports.recommendations')}`),
    ...(report.recommendations.length === 0 ? [{ kind: 'text', text: t('reports.noRecommendations') } as UnBlock] : []),
    ...report.recommendations.map((p) => paragraph(p)),
    ...(report.divergentViews.length
      ? [
          heading(2, t('reports.divergentViews')),
          { kind: 'text', text: t('reports.divergentNote') } as UnBlock,
          ...report.divergentViews.map((p) => paragraph(p, leadText(p.lead, i18n))),
        ]
      : []),
    ...(report.notConsidered.length
      ? [
          heading(1, `III. ${t('reports.notConsidered.title')}`),
          { kind: 'text', text: t('reports.notConsidered.note') } as UnBlock,
          ...report.notConsidered.map((p) =>
            paragraph({ ...p, kind: p.kind === 'preambular' ? 'preambular' : 'operative' }),
          ),
        ]
      : []),
    // Annex I: the members, and who attended
    annexTitle(t('reports.members.title')),
    ...(report.members.attendance.recorded
      ? []
      : [{ kind: 'text', text: t('reports.members.attendanceNotRecorded') } as UnBlock]),
    ...(report.members.memberStates.length + report.members.organizations.length === 0
      ? [{ kind: 'text', text: t('reports.members.none') } as UnBlock]
      : []),
    ...report.members.memberStates.map((s) => memberLine(s, report, i18n)),
    ...report.members.organizations.map((o) =>
      memberLine(o.name, report, i18n, t(`actors.stakeholder.${o.stakeholderGroup}`)),
    ),
    // Annex II: explanations of position and reservations, with their States
    annexTitle(t('reports.statements.title')),
    ...(report.statements.length === 0 ? [{ kind: 'text', text: t('reports.statements.none') } as UnBlock] : []),
    ...report.statements.flatMap((s): UnBlock[] => [
      heading(
        2,
        `${s.state}: ${t(`reports.statements.${s.kind}`)} ${s.paragraph ? t('reports.statements.onParagraph', { label: s.paragraph }) : t('reports.statements.onText')}`,
      ),
      { kind: 'text', text: s.text, rtl: isRightToLeft(s.text) },
    ]),
    // Annex III: every proposal in full, with its fate
    annexTitle(t('reports.proposals.title')),
    ...report.proposals.flatMap((p): UnBlock[] => {
      const own = textLanguage(p.language).dir === 'rtl'
      return [
        { kind: 'heading', level: 2, text: p.title, rtl: own },
        { kind: 'text', text: `${i18n.list(p.proponents)} · ${t(`reports.proposalStatus.${p.status}`)}` },
        { kind: 'text', text: p.text, rtl: own },
        ...(p.rationale ? [{ kind: 'preambular', text: p.rationale, rtl: own } as UnBlock] : []),
      ]
    }),
  ]
  const parent = report.body.parentName
  return unDocx({
    symbol: issue?.symbol ?? t('reports.masthead.draft'),
    organization: t('reports.masthead.organization'),
    distribution: t('reports.masthead.distribution', {
      distribution: t(`reports.distribution.${issue?.distribution ?? 'limited'}`),
    }),
    date: unDate(i18n.locale, issue?.issuedOn ?? report.date),
    original: t('reports.masthead.original', {
      language: languageName(issue?.originalLanguage ?? report.document?.language ?? 'en', i18n),
    }),
    masthead: [parent ?? report.body.name, ...(issue?.session ? [issue.session] : [])],
    agendaItem: issue?.agendaItem || null,
    title: t('reports.reportOf', { body: report.body.name }),
    blocks,
    footnotes,
    language: i18n.locale,
    rtl,
  })
}

function memberLine(name: string, report: Report, i18n: Translator, group?: string): UnBlock {
  const attended = report.members.attendance.recorded
    ? ` (${i18n.t(report.members.attendance.attended.includes(name) ? 'reports.members.attended' : 'reports.members.absent')})`
    : ''
  return { kind: 'item', text: `${name}${group ? ` (${group})` : ''}${attended}`, rtl: isRightToLeft(name) }
}
