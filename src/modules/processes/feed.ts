// The Atom feed (RFC 4287) of a process's activity, in the language asked for: written with
// xmlbuilder2, which escapes every text, so a title is shown as the text it is (type="text"), never
// read as HTML. The feed's author is the body that runs the process; xml:lang says the language
// of the feed's own words (the titles people wrote keep theirs).
import { create } from 'xmlbuilder2'
import type { Translator } from '../../core/i18n/messages.ts'
import type { ActivityItem } from '../../core/module.ts'
import type { Body } from '../bodies/index.ts'
import type { Process } from './queries.ts'

const ATOM = 'http://www.w3.org/2005/Atom'

export function processFeed(
  process: Process,
  body: Pick<Body, 'slug' | 'name' | 'names'>,
  items: readonly ActivityItem[],
  i18n: Translator,
  baseUrl: string,
): string {
  const page = `${baseUrl}/processes/${process.id}`
  const feed = create({ version: '1.0', encoding: 'utf-8' }).ele(ATOM, 'feed', { 'xml:lang': i18n.tag })
  feed.ele('id').txt(page)
  feed.ele('title', { type: 'text' }).txt(process.title)
  feed.ele('updated').txt((items[0]?.at ?? process.updatedAt).toISOString())
  const author = feed.ele('author')
  author.ele('name').txt(body.names[i18n.locale] || body.name)
  author.ele('uri').txt(`${baseUrl}/bodies/${body.slug}`)
  feed.ele('link', { rel: 'alternate', type: 'text/html', href: page })
  feed.ele('link', {
    rel: 'self',
    type: 'application/atom+xml',
    href: `${baseUrl}/api/v1/processes/${process.id}/feed.atom`,
  })
  feed.ele('generator').txt('ecp')
  feed.ele('rights').txt('CC BY 4.0')
  for (const item of items) {
    const title = i18n.t(item.message, item.values)
    const entry = feed.ele('entry')
    entry.ele('id').txt(`${baseUrl}/activity/${item.id}`)
    entry.ele('title', { type: 'text' }).txt(title)
    entry.ele('link', { rel: 'alternate', type: 'text/html', href: `${baseUrl}${item.href}` })
    entry.ele('updated').txt(item.at.toISOString())
    entry.ele('summary', { type: 'text' }).txt(title)
  }
  return feed.end({ prettyPrint: true })
}
