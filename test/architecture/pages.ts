// What the page walk looks for, as pure functions so each can be shown to catch what it should.

/** Addresses that are not pages (downloads, feeds, the API, sign-out): neither walked nor checked with axe. */
export const NOT_PAGES =
  /\.(docx|xml|json|jsonl|ics|csv|zip|atom|txt|css|js)(\?|$)|^\/(sign-out|api\/|attachments\/|library\/\d+\/file|documents\/[^/]+\/files\/)/

/** Page routes no walk reaches by following links, each with the reason it is not linked. */
export const UNLINKED: Record<string, string> = {
  '/healthz': 'for load balancers and monitoring, not people',
  '/sign-up/sent': 'where the sign-up form leads',
  '/sign-up/confirm/:token': 'the link in the confirmation mail',
  '/negotiation/:id/compare': 'the answer to the form that picks two revisions (a GET form)',
  '/paragraphs/:id': 'a paragraph is opened at its place in the document (this address redirects there)',
  '/library/:id{[0-9]+}/file': 'a download',
  '/audit/checkpoint': 'the signed checkpoint as plain text (a C2SP note), for verifiers; linked from /audit-log',
}

/** A Hono route path (`/processes/:id{[0-9]+}`) as a regular expression over a request path. */
export function routePattern(path: string): RegExp {
  const source = path
    .split('/')
    .map((part) => {
      const param = /^:[\w]+(?:\{(.+)\})?(\?)?$/.exec(part)
      if (!param) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      return `(?:${param[1] ?? '[^/]+'})${param[2] ?? ''}`
    })
    .join('/')
  return new RegExp(`^${source}/?$`)
}

/** Raw message keys (any word that is a catalog key) and leaked JavaScript values, outside scripts
 * and outside <code>, where identifiers are meant (an audit entry's action is `capacity.matched`). */
export function pageProblems(html: string, keys: ReadonlySet<string>): string[] {
  const visible = html.replace(/<(script|style|code)\b[\s\S]*?<\/\1>/g, ' ')
  const problems: string[] = []
  const prefixes = new Set([...keys].map((key) => key.split('.')[0]))
  for (const [word] of visible.matchAll(/(?<![\w@/.-])[A-Za-z][\w-]*(?:\.[\w-]+)+/g)) {
    // a key of the catalogs, or one shaped like them that the catalogs lack (a key built at run time)
    if (keys.has(word)) problems.push(`raw message key ${word}`)
    else if (prefixes.has(word.split('.')[0]) && /^[a-z][\w-]*(\.[a-z][\w-]*)+$/.test(word))
      problems.push(`unknown message key ${word}`)
  }
  for (const [leak] of visible.matchAll(/\bundefined\b|\bNaN\b|\[object Object\]/g)) {
    problems.push(`${leak} in …${visible.slice(Math.max(0, visible.indexOf(leak) - 60), visible.indexOf(leak) + 20)}…`)
  }
  return [...new Set(problems)]
}
