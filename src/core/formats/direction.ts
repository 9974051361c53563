// Which way a paragraph of a generated document (Word) runs: by the language its text is recorded
// in, else, as HTML's dir="auto" does, by its first strong character (Unicode bidi rules P2-P3).
import { textLanguage } from '../i18n/locales.ts'

/** Letters of the right-to-left scripts in use (Arabic, Hebrew, Syriac, Thaana, N'Ko, Adlam ...). */
const RTL_LETTER =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]/u
const LETTER = /\p{L}/u

/** True when the text's first letter belongs to a right-to-left script. */
export function startsRightToLeft(text: string): boolean {
  for (const char of text) if (LETTER.test(char)) return RTL_LETTER.test(char)
  return false
}

/**
 * True when a paragraph of this text runs right to left: the recorded language decides (English
 * text reads left to right in an Arabic document); with none recorded, the text's first letter.
 */
export function isRightToLeft(text: string, language?: string | null): boolean {
  const dir = language ? textLanguage(language).dir : undefined
  return dir ? dir === 'rtl' : startsRightToLeft(text)
}
