// The negotiation's documents as outside tools read them, on each database: the comparison in
// Word (paragraph direction by the text's language, read from word/document.xml with xmllint; its
// file name in Arabic and Chinese), the report in Word, the compilation in Word, and the report in
// Akoma Ntoso (stable work date, manifestation IRI, preamble), validated against the official schema.
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestClient } from '../../../test/support/client.ts'
import { fileNameOf } from '../../../test/support/downloads.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { el, validateXsd, xpath } from '../../../test/support/xml.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import type { Locale } from '../../core/i18n/locales.ts'
import { compilationDocx } from '../contributions/index.ts'
import { createDocument, issueRevision, parseUnText } from '../negotiation/index.ts'
import { createBody, createProcess } from '../processes/index.ts'
import type { Report } from './report.ts'
import { reportAkn } from './report-akn.ts'
import { reportWord } from './report-word.ts'

const SCHEMA = join(import.meta.dirname, '..', '..', '..', 'reference', 'akn', 'akomantoso30.xsd')

const ENGLISH = `Draft recommendations

Recalling paragraphs 69 to 71 of the Tunis Agenda,

1. Recommends that all relevant organizations report annually to the Commission;
`
const ARABIC = `مشروع التوصيات

إذ يشير إلى الفقرات 69 إلى 71 من برنامج عمل تونس،

1. يوصي بأن تقدم جميع المنظمات المعنية تقارير سنوية إلى اللجنة؛
`

/** word/document.xml of a .docx. */
function documentXml(bytes: ArrayBuffer | Buffer): Uint8Array {
  return unzipSync(new Uint8Array(bytes))['word/document.xml'] as Uint8Array
}

/** A w:bidi that is on (OOXML booleans: absent val, or anything but false, 0 and off). */
const BIDI_ON = `${el('pPr')}/${el('bidi')}[not(@*[local-name()='val'] = 'false' or @*[local-name()='val'] = '0' or @*[local-name()='val'] = 'off')]`

/** How many paragraphs containing `text` run right to left (w:bidi on), and how many do not. */
function directions(xml: Uint8Array, text: string): { rtl: number; ltr: number } {
  const p = `//${el('p')}[contains(string(.), '${text}')]`
  const rtl = Number(xpath(xml, `count(${p}[${BIDI_ON}])`))
  return { rtl, ltr: Number(xpath(xml, `count(${p})`)) - rtl }
}

describe.each(DATABASE_KINDS)('negotiation formats on %s', (kind) => {
  let runtime: TestRuntime
  let processId: number
  const documents: Record<string, number> = {}
  const ctx = () => ({ actor: SYSTEM, now: new Date('2026-05-01T09:00:00Z') })
  const anonymous = () => new TestClient(runtime)

  async function documentWithTwoRevisions(title: string, text: string, language: Locale) {
    const created = await createDocument(runtime.deps.db, ctx(), {
      processId,
      title,
      language,
      imported: parseUnText(text),
    })
    if (!created.ok) throw new Error(JSON.stringify(created.error))
    const issued = await issueRevision(runtime.deps.db, ctx(), created.value.id, 'First reading')
    if (!issued.ok) throw new Error(JSON.stringify(issued.error))
    return created.value.id
  }

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    const db = runtime.deps.db
    const body = await createBody(db, ctx(), { slug: 'wg-formats', name: 'Working Group on Formats' })
    if (!body.ok) throw new Error('body')
    const process = await createProcess(db, ctx(), {
      bodyId: body.value.id,
      slug: 'formats',
      title: 'Formats',
      mandateSymbol: 'E/RES/2026/5',
    })
    if (!process.ok) throw new Error('process')
    processId = process.value.id
    documents.english = await documentWithTwoRevisions('Draft recommendations', ENGLISH, 'en')
    documents.arabic = await documentWithTwoRevisions('مشروع التوصيات', ARABIC, 'ar')
    documents.chinese = await documentWithTwoRevisions('关于加强合作的建议草案', ENGLISH, 'zh')
  })
  afterAll(() => runtime.close())

  it('runs the English text of a comparison left to right in the Arabic document, and Arabic text right to left in the English one', async () => {
    const english = await anonymous().request(`/negotiation/${documents.english}/compare.docx?from=0&to=1&lang=ar`)
    expect(english.status).toBe(200)
    const inArabic = documentXml(await english.arrayBuffer())
    expect(directions(inArabic, 'Recommends that all relevant organizations')).toEqual({ rtl: 0, ltr: 1 })
    expect(directions(inArabic, 'Recalling paragraphs 69 to 71')).toEqual({ rtl: 0, ltr: 1 })
    // the frame is in the reader's language and direction
    expect(directions(inArabic, 'مقارنة')).toEqual({ rtl: 1, ltr: 0 })

    const arabic = await anonymous().request(`/negotiation/${documents.arabic}/compare.docx?from=0&to=1&lang=en`)
    const inEnglish = documentXml(await arabic.arrayBuffer())
    expect(directions(inEnglish, 'يوصي بأن تقدم')).toEqual({ rtl: 1, ltr: 0 })
    expect(directions(inEnglish, 'compared with')).toEqual({ rtl: 0, ltr: 1 })
  })

  it('names the comparison after the document and its revisions, in Arabic and Chinese too', async () => {
    const cases = [
      [documents.arabic, 'ar', 'مشروع التوصيات (المسودة الصفرية - Rev.1).docx'],
      [documents.chinese, 'zh', '关于加强合作的建议草案 (零草案 - Rev.1).docx'],
      [documents.english, 'en', 'Draft recommendations (Zero draft - Rev.1).docx'],
    ] as const
    for (const [id, lang, name] of cases) {
      const response = await anonymous().request(`/negotiation/${id}/compare.docx?from=0&to=1&lang=${lang}`)
      const header = response.headers.get('content-disposition')
      expect(header).toMatch(/^attachment; filename=/)
      expect(header).toMatch(/^[\x20-\x7e]+$/)
      expect(fileNameOf(header).fileName).toBe(name)
    }
  })

  it('keeps the report’s work date from one day to the next for a process without meetings', async () => {
    const workDate = (xml: string) =>
      xpath(xml, `string(/${el('akomaNtoso')}/${el('doc')}/${el('meta')}//${el('FRBRWork')}/${el('FRBRdate')}/@date)`)
    const first = await (await anonymous().request(`/processes/${processId}/report.xml`)).text()
    const realNow = runtime.deps.now
    runtime.deps.now = () => new Date(Date.now() + 3 * 86_400_000)
    try {
      const later = await (await anonymous().request(`/processes/${processId}/report.xml`)).text()
      expect(workDate(later)).toBe(workDate(first))
    } finally {
      runtime.deps.now = realNow
    }
    expect(workDate(first)).toBe('2026-05-01')
    const manifestation = xpath(first, `string(//${el('FRBRManifestation')}/${el('FRBRuri')}/@value)`)
    expect(manifestation).toMatch(
      /^\/akn\/un\/doc\/paper\/un-wg-formats\/2026-05-01\/formats-report\/[a-z]{3}@2026-05-01\.xml$/,
    )
    expect(validateXsd(first, SCHEMA)).toMatchObject({ ok: true })
  })

  it('puts the preambular paragraphs of the report in the Akoma Ntoso preamble, the operative ones in the body', () => {
    const xml = reportAkn(sampleReport(), new Date('2026-06-02T00:00:00Z'))
    expect(validateXsd(xml, SCHEMA)).toMatchObject({ ok: true })
    const preamble = `/${el('akomaNtoso')}/${el('doc')}/${el('preamble')}`
    expect(xpath(xml, `count(${preamble}/${el('recitals')}/${el('recital')})`)).toBe('2')
    expect(xpath(xml, `string(${preamble}//${el('recital')}[1])`)).toContain('Recalling paragraphs 69 to 71')
    expect(xpath(xml, `string(${preamble}//${el('recital')}[2]/@refersTo)`)).toBe('#divergentView')
    const body = `/${el('akomaNtoso')}/${el('doc')}/${el('mainBody')}`
    expect(xpath(xml, `count(${body}//*[contains(., 'Recalling')])`)).toBe('0')
    expect(xpath(xml, `count(${body}//${el('paragraph')})`)).toBe('2')
    // the manifestation is the expression in XML: no "/" before ".xml"
    expect(xml).not.toContain('/.xml"')
    expect(xml).toContain('eng@2026-06-01.xml"')
  })

  it('runs each name of the Word report’s Annex I its own way, and the negotiated text by its language', async () => {
    const xml = documentXml(await reportWord(sampleReport(), runtime.deps.messages.translator('ar')))
    expect(directions(xml, 'Brazil')).toEqual({ rtl: 0, ltr: 1 })
    expect(directions(xml, 'Recommends that')).toEqual({ rtl: 0, ltr: 1 })
    expect(directions(xml, 'جمعية الإنترنت')).toEqual({ rtl: 1, ltr: 0 })
  })

  it('runs each answer of the Word compilation in its own language’s direction', async () => {
    const compilation = {
      processTitle: 'Formats',
      summary: {
        total: 2,
        byStakeholderGroup: { government: 2 },
        byRegionalGroup: {},
        byDevelopmentStatus: { ldc: 0, lldc: 0, sids: 0 },
        byLanguage: { ar: 1, en: 1 },
      },
      questions: [
        {
          id: 1,
          position: 1,
          text: 'What should change?',
          entries: [
            entry(1, 'Egypt', 'ar', 'نرحب بالتعاون المعزز.'),
            entry(2, 'Brazil', 'en', 'We welcome enhanced cooperation.'),
          ],
        },
      ],
    }
    const english = documentXml(await compilationDocx(compilation, runtime.deps.messages.translator('en')))
    expect(directions(english, 'نرحب بالتعاون')).toEqual({ rtl: 1, ltr: 0 })
    expect(directions(english, 'We welcome')).toEqual({ rtl: 0, ltr: 1 })
    const arabic = documentXml(await compilationDocx(compilation, runtime.deps.messages.translator('ar')))
    expect(directions(arabic, 'نرحب بالتعاون')).toEqual({ rtl: 1, ltr: 0 })
    expect(directions(arabic, 'We welcome')).toEqual({ rtl: 0, ltr: 1 })
  })
})

function entry(contributionId: number, contributor: string, language: string, text: string) {
  return { contributionId, contributor, stakeholderGroup: 'government', regionalGroup: null, language, text }
}

function sampleReport(): Report {
  return {
    process: { id: 1, slug: 'formats', title: 'Formats', mandateSymbol: 'E/RES/2026/5', mandateParagraph: '3' },
    body: {
      id: 1,
      name: 'Working Group on Formats',
      acronym: 'WGF',
      slug: 'wg-formats',
      parentBodyId: null,
      parentName: null,
    },
    issue: null,
    basedOn: { number: null, label: '' },
    document: { id: 1, title: 'Draft recommendations', symbol: null, language: 'en', revision: 1 },
    date: '2026-06-01',
    meetings: [],
    contributions: {
      total: 0,
      byStakeholderGroup: {},
      byRegionalGroup: {},
      byDevelopmentStatus: { ldc: 0, lldc: 0, sids: 0 },
      byLanguage: {},
    },
    recommendations: [
      {
        id: 1,
        kind: 'preambular',
        label: null,
        text: 'Recalling paragraphs 69 to 71 of the Tunis Agenda,',
        continuation: [],
      },
      {
        id: 2,
        kind: 'operative',
        label: '1.',
        text: 'Recommends that all relevant organizations report;',
        continuation: [],
      },
    ],
    divergentViews: [
      {
        id: 3,
        kind: 'preambular',
        label: null,
        text: 'Noting [with concern] the gaps,',
        continuation: [],
        lead: { kind: 'some' },
      },
      {
        id: 4,
        kind: 'operative',
        label: '2 bis',
        text: '[Some participants emphasized ...]',
        continuation: [],
        lead: { kind: 'other' },
      },
    ],
    members: {
      memberStates: ['Brazil', 'Egypt'],
      organizations: [{ name: 'جمعية الإنترنت', stakeholderGroup: 'technical_community' }],
      attendance: { recorded: false, attended: [] },
    },
    notConsidered: [],
    statements: [],
    followUps: [],
    proposals: [],
  }
}
