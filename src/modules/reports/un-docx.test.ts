// The UN-layout Word file read back as Word and LibreOffice read it: the symbol block, distribution,
// date and original language, the masthead and title, numbered and italic preambular paragraphs,
// named styles, the page number field, the symbol in the following pages' header, footnotes.
import { describe, expect, it } from 'vitest'
import { docxPart, docxParts, docxToText, soffice } from '../../../test/support/docx.ts'
import { el, xpath } from '../../../test/support/xml.ts'
import { type UnDocument, unDocx } from './un-docx.ts'

const SAMPLE: UnDocument = {
  symbol: 'E/CN.16/2018/CRP.3',
  organization: 'United Nations',
  distribution: 'Distr.: General',
  date: '14 May 2018',
  original: 'Original: English',
  masthead: ['Commission on Science and Technology for Development', 'Twenty-first session'],
  agendaItem: 'Item 3 of the provisional agenda',
  title: 'Report of the Working Group on Enhanced Cooperation',
  blocks: [
    { kind: 'heading', level: 1, text: 'I. Introduction' },
    { kind: 'text', text: 'The Working Group was established by resolution 70/125.', footnote: 1 },
    { kind: 'heading', level: 1, text: 'II. Recommendations' },
    { kind: 'preambular', text: 'Recalling paragraphs 69 to 71 of the Tunis Agenda,' },
    { kind: 'numbered', number: '1.', text: 'Recommends that all organizations report annually;' },
    {
      kind: 'numbered',
      number: '2.',
      text: 'Encourages capacity building;',
      continuation: ['(a) in developing countries;'],
    },
    { kind: 'numbered', number: '2 bis', lead: 'Some participants held that:', text: 'a new body is needed.' },
  ],
  footnotes: { 1: 'General Assembly resolution 70/125, para. 65.' },
  language: 'en-GB',
  rtl: false,
}

const paragraphWith = (text: string) => `//${el('body')}//${el('p')}[contains(string(.), '${text}')]`

describe('the report in the UN layout, read back from the Word file', () => {
  it('puts the symbol at the end of the first line, after the organization, with distribution, date and original under it', async () => {
    const xml = docxPart(await unDocx(SAMPLE), 'word/document.xml') as Uint8Array
    const first = `(//${el('body')}/${el('p')})[1]`
    expect(xpath(xml, `string(${first})`)).toBe('United NationsE/CN.16/2018/CRP.3')
    expect(xpath(xml, `count(${first}/${el('r')}/${el('tab')})`)).toBe('1')
    expect(xpath(xml, `string(${first}/${el('pPr')}/${el('pStyle')}/@*[local-name()='val'])`)).toBe('UNSymbolBlock')
    for (const line of ['Distr.: General', '14 May 2018', 'Original: English'])
      expect(
        xpath(xml, `string(${paragraphWith(line)}/${el('pPr')}/${el('pStyle')}/@*[local-name()='val'])`),
        line,
      ).toBe('UNDistribution')
    expect(
      xpath(
        xml,
        `string(${paragraphWith('Twenty-first session')}/${el('pPr')}/${el('pStyle')}/@*[local-name()='val'])`,
      ),
    ).toBe('UNMasthead')
    expect(
      xpath(
        xml,
        `string(${paragraphWith('Report of the Working Group')}/${el('pPr')}/${el('pStyle')}/@*[local-name()='val'])`,
      ),
    ).toBe('HCh')
  })

  it('numbers the recommendations in the text, keeps "2 bis", and sets preambular paragraphs in the italic style', async () => {
    const xml = docxPart(await unDocx(SAMPLE), 'word/document.xml') as Uint8Array
    expect(xpath(xml, `string((${paragraphWith('Recommends that all')}//${el('t')})[1])`)).toBe('1.')
    expect(xpath(xml, `string((${paragraphWith('Encourages capacity')}//${el('t')})[1])`)).toBe('2.')
    expect(xpath(xml, `string((${paragraphWith('a new body')}//${el('t')})[1])`)).toBe('2 bis')
    expect(xpath(xml, `count(${paragraphWith('Some participants held')}//${el('r')}[${el('rPr')}/${el('i')}])`)).toBe(
      '1',
    )
    expect(
      xpath(
        xml,
        `string(${paragraphWith('Recalling paragraphs')}/${el('pPr')}/${el('pStyle')}/@*[local-name()='val'])`,
      ),
    ).toBe('Preambular')
  })

  it('defines the house styles in styles.xml, the preambular one in italics', async () => {
    const styles = docxPart(await unDocx(SAMPLE), 'word/styles.xml') as Uint8Array
    for (const id of ['UNSymbolBlock', 'UNDistribution', 'UNMasthead', 'HCh', 'H1', 'SingleTxt', 'Preambular'])
      expect(xpath(styles, `count(//${el('style')}[@*[local-name()='styleId']='${id}'])`), id).toBe('1')
    expect(
      xpath(styles, `count(//${el('style')}[@*[local-name()='styleId']='Preambular']//${el('rPr')}/${el('i')})`),
    ).toBe('1')
    expect(
      xpath(
        styles,
        `string(//${el('style')}[@*[local-name()='styleId']='SingleTxt']/${el('name')}/@*[local-name()='val'])`,
      ),
    ).toBe('UN Single Txt')
  })

  it('numbers the pages in the footer, repeats the symbol in the following pages’ header, and carries the footnote', async () => {
    const bytes = await unDocx(SAMPLE)
    const parts = docxParts(bytes)
    const footers = parts.filter((p) => /^word\/footer\d+\.xml$/.test(p))
    expect(footers.length).toBeGreaterThan(0)
    const footer = docxPart(bytes, footers[0] as string) as Uint8Array
    expect(xpath(footer, `string(//${el('instrText')})`)).toContain('PAGE')
    const headers = parts
      .filter((p) => /^word\/header\d+\.xml$/.test(p))
      .map((p) => xpath(docxPart(bytes, p) as Uint8Array, 'string(/)'))
    expect(headers).toContain('E/CN.16/2018/CRP.3')
    const document = docxPart(bytes, 'word/document.xml') as Uint8Array
    expect(xpath(document, `count(//${el('titlePg')})`)).toBe('1')
    expect(xpath(document, `count(${paragraphWith('resolution 70/125')}//${el('footnoteReference')})`)).toBe('1')
    const footnotes = docxPart(bytes, 'word/footnotes.xml') as Uint8Array
    expect(xpath(footnotes, 'string(/)')).toContain('General Assembly resolution 70/125, para. 65.')
  })

  it('runs the frame right to left for an Arabic reader', async () => {
    const xml = docxPart(
      await unDocx({ ...SAMPLE, rtl: true, distribution: 'التوزيع: عام' }),
      'word/document.xml',
    ) as Uint8Array
    expect(xpath(xml, `count(${paragraphWith('التوزيع')}/${el('pPr')}/${el('bidi')})`)).toBe('1')
  })

  const lo = soffice()
  it.skipIf(!lo)(
    'opens in LibreOffice with the symbol, distribution and numbered paragraphs visible (skipped when LibreOffice is not installed)',
    async () => {
      const text = docxToText(await unDocx(SAMPLE), lo as string)
      expect(text).toContain('E/CN.16/2018/CRP.3')
      expect(text).toContain('Distr.: General')
      expect(text).toMatch(/1\.\s+Recommends that all organizations report annually;/)
      expect(text).toMatch(/2 bis\s+Some participants held that: a new body is needed\./)
    },
    120_000,
  )
})
