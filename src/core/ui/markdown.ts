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
