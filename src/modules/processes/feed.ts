// The Atom feed of a process's activity, in the language asked for.
import { Feed } from 'feed'
import type { Translator } from '../../core/i18n/messages.ts'
import type { ActivityItem } from '../../core/module.ts'
import type { Process } from './queries.ts'

export function processFeed(
  process: Process,
  items: readonly ActivityItem[],
  i18n: Translator,
  baseUrl: string,
): string {
  const self = `${baseUrl}/api/v1/processes/${process.id}/feed.atom`
  const feed = new Feed({
    id: `${baseUrl}/processes/${process.id}`,
    title: process.title,
    link: `${baseUrl}/processes/${process.id}`,
    language: i18n.tag,
    updated: items[0]?.at ?? process.updatedAt,
    feedLinks: { atom: self },
    generator: 'ecp',
    copyright: 'CC BY 4.0',
  })
  for (const item of items) {
    const title = i18n.t(item.message, item.values)
    feed.addItem({
      id: `${baseUrl}/activity/${item.id}`,
      title,
      link: `${baseUrl}${item.href}`,
      date: item.at,
      description: title,
    })
  }
  return feed.atom1()
}
