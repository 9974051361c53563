// Writes a parsed document back as plain text that parseUnText reads into the same structure: the title, then
// each paragraph on one line as "label text", its sub-paragraphs under it indented by a tab.
import type { ParsedDocument, ParsedParagraph } from './parse.ts'

function line(paragraph: ParsedParagraph): string {
  return [paragraph.label, paragraph.text].filter(Boolean).join(' ')
}

function block(paragraph: ParsedParagraph): string {
  return [line(paragraph), ...paragraph.children.map((child) => `\t${line(child)}`)].join('\n')
}

/** Paragraphs are separated by a blank line, since consecutive lines are read as one hard-wrapped paragraph. */
export function renderPlainText(doc: ParsedDocument): string {
  const blocks = doc.paragraphs.map(block)
  if (doc.title !== null) blocks.unshift(doc.title)
  return `${blocks.join('\n\n')}\n`
}
