// A notice's words: an accreditation approved says approved in every language (its outcome is a
// code an ICU select chooses by, so it is not wrapped in bidi isolation as typed names are).
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCatalogs } from '../../../core/i18n/catalog.ts'
import { LOCALES } from '../../../core/i18n/locales.ts'
import { Messages } from '../../../core/i18n/messages.ts'
import { noticeText } from './text.ts'

const messages = new Messages([loadCatalogs(join(import.meta.dirname, '..', 'messages'))])

describe('noticeText', () => {
  it('says an approved accreditation was approved and a refused one refused, in all six languages', () => {
    for (const locale of LOCALES) {
      const i18n = messages.translator(locale)
      const say = (outcome: string) =>
        noticeText(i18n, { kind: 'accreditation_decided', values: { outcome }, dueAt: null }).title
      expect(say('approved'), locale).not.toBe(say('refused'))
    }
    expect(
      noticeText(messages.translator('en'), {
        kind: 'accreditation_decided',
        values: { outcome: 'approved' },
        dueAt: null,
      }).title,
    ).toBe('Your accreditation request was approved')
  })

  it('still isolates what people typed, such as a document’s title', () => {
    const { title } = noticeText(messages.translator('en'), {
      kind: 'revision_issued',
      values: { label: 'Rev.1', document: 'مشروع', process: 'WGEC' },
      dueAt: null,
    })
    expect(title).toContain('\u2068مشروع\u2069')
  })
})
