// Markdown for user-written text (contributions, reports, descriptions), rendered safely: raw
// HTML is off, links are limited to http(s) and mailto, and they open as external links.

import { raw } from 'hono/html'
import MarkdownIt from 'markdown-it'

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false })
md.validateLink = (url: string) => /^(https?:|mailto:|#|\/(?!\/))/i.test(url.trim())
const defaultLinkOpen =
  md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options))
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]
  if (token && /^https?:/i.test(String(token.attrGet('href') ?? ''))) token.attrSet('rel', 'nofollow ugc noopener')
  return defaultLinkOpen(tokens, idx, options, env, self)
}

/** The HTML of a Markdown text, as a string that is safe to embed. */
export function markdownToHtml(source: string): string {
  return md.render(source)
}

/** For JSX: `<div class="prose">{markdown(text)}</div>`. */
export function markdown(source: string) {
  return raw(markdownToHtml(source))
}

export interface TextBlock {
  kind: 'heading' | 'paragraph' | 'item' | 'quote'
  text: string
}

/**
 * The plain-text blocks of a Markdown text, for formats that are not HTML (.docx): headings,
 * paragraphs, list items and quotes, with inline markup reduced to its words.
 */
export function markdownBlocks(source: string): TextBlock[] {
  const blocks: TextBlock[] = []
  const open: string[] = []
  for (const token of md.parse(source, {})) {
    if (token.nesting === 1) open.push(token.type)
    else if (token.nesting === -1) open.pop()
    else if (token.type === 'inline') {
      const text = (token.children ?? [])
        .map((c) => (c.type === 'softbreak' || c.type === 'hardbreak' ? ' ' : c.content))
        .join('')
        .trim()
      if (!text) continue
      const kind = open.includes('list_item_open')
        ? 'item'
        : open.includes('blockquote_open')
          ? 'quote'
          : open.at(-1) === 'heading_open'
            ? 'heading'
            : 'paragraph'
      blocks.push({ kind, text })
    } else if (token.type === 'code_block' || token.type === 'fence') {
      blocks.push({ kind: 'paragraph', text: token.content.trim() })
    }
  }
  return blocks
}
