// Small parts the deliberation pages share: a declared group's name, a statement's text (in its
// own direction), a score as a percentage, the page's sub-navigation.
import type { Translator } from '../../../core/i18n/messages.ts'
import { isRegionalGroup } from '../rules/declared.ts'

/** The name of a declared group (UN regional group or stakeholder group). */
export function groupName(t: Translator['t'], group: string): string {
  if (isRegionalGroup(group)) return t(`actors.group.${group}`)
  if (group === 'government') return t('deliberation.government')
  return t(`actors.stakeholder.${group}`)
}

/** Text a participant wrote: its direction from its first strong letter (dir=auto). */
export function StatementText({ text, fallback }: { text: string; fallback: string }) {
  return text ? <span dir="auto">{text}</span> : <span class="muted">{fallback}</span>
}

export const percent = (value: number) => `${Math.round(value * 100)} %`

export function SubNav({
  t,
  id,
  current,
}: {
  t: Translator['t']
  id: number
  current: 'vote' | 'results' | 'moderation'
}) {
  const items = [
    ['vote', `/deliberations/${id}`, t('deliberation.tab.vote')],
    ['results', `/deliberations/${id}/results`, t('deliberation.tab.results')],
  ] as const
  return (
    <nav aria-label={t('deliberation.tabs')}>
      <ul class="inline-list">
        {items.map(([key, href, label]) => (
          <li>
            {key === current ? (
              <a href={href} aria-current="page">
                {label}
              </a>
            ) : (
              <a href={href}>{label}</a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  )
}
