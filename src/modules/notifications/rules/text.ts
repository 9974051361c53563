// A notice in words: what happened and what to do by when, in the reader's language and time
// zone. Values typed by people (titles, reasons) are isolated so an Arabic title does not reorder
// an English sentence, or the reverse; a value given in six languages (a State's name) is read in
// the reader's.
import type { Translator } from '../../../core/i18n/messages.ts'
import { isolated } from '../../../core/ui/name.tsx'

export type NoticeValues = Record<string, string | number | Record<string, string>>

/** Values an ICU `select` chooses by (codes, never typed by people): isolating them would match no case. */
const SELECTORS = new Set(['outcome'])

export interface NoticeText {
  /** one line: what happened */
  title: string
  /** what to do, and by when when there is a deadline */
  todo: string
}

/** The words of a notice for a reader. */
export function noticeText(
  i18n: Pick<Translator, 't' | 'locale' | 'dateTime'>,
  notice: { kind: string; values: NoticeValues; dueAt: Date | null },
  /** when given and the deadline is behind it, the notice says so instead of asking to act */
  now?: Date,
): NoticeText {
  const values: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(notice.values)) {
    if (typeof value === 'number') values[name] = value
    else if (typeof value === 'string') values[name] = SELECTORS.has(name) ? value : isolated(value)
    else values[name] = isolated(value[i18n.locale] || value.en || Object.values(value)[0] || '')
  }
  if (notice.dueAt) values.due = i18n.dateTime(notice.dueAt)
  return {
    title: i18n.t(`notifications.notice.${notice.kind}`, values),
    todo:
      now && notice.dueAt && notice.dueAt <= now
        ? i18n.t('notifications.todo.passed', values)
        : i18n.t(`notifications.todo.${notice.kind}`, values),
  }
}
