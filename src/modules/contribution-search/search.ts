// What the page and the API share: the call's search as the reader may see it. The public reads
// published contributions only; the Secretariat (who moderates) also those held for review;
// withdrawn and hidden texts are searched by nobody.
import type { Context } from 'hono'
import { can } from '../../core/auth/authorize.ts'
import type { AppEnv } from '../../core/http/context.ts'
import type { Locale } from '../../core/i18n/locales.ts'
import { campaignMembersOfCall } from '../consultation/index.ts'
import { MARK_END, MARK_START, searchContributions } from '../contributions/index.ts'
import { PAGE_SIZE, type SearchPageQuery } from './schemas.ts'

export type Filters = Omit<SearchPageQuery, 'q'>

export function searchCall(c: Context<AppEnv>, callId: number, q: string, filters: Filters) {
  return searchContributions(
    c.var.db,
    {
      callId,
      q,
      statuses: can(c.var.actor, 'contribution.moderate') ? ['published', 'pending_review'] : ['published'],
      questionId: filters.question,
      stakeholderGroup: filters.stakeholderGroup,
      regionalGroup: filters.region,
      language: filters.language as Locale | undefined,
      campaign: filters.campaign,
      after: filters.after,
      limit: PAGE_SIZE,
    },
    campaignMembersOfCall(callId),
  )
}

/** An excerpt in pieces, the words found marked: what the page renders and the API returns. */
export function excerptPieces(excerpt: string): { text: string; match: boolean }[] {
  const pieces: { text: string; match: boolean }[] = []
  for (const [i, part] of excerpt.split(MARK_START).entries()) {
    const [found, rest] = i === 0 ? [null, part] : splitOnce(part, MARK_END)
    if (found) pieces.push({ text: found, match: true })
    if (rest) pieces.push({ text: rest, match: false })
  }
  return pieces
}

function splitOnce(text: string, mark: string): [string, string] {
  const at = text.indexOf(mark)
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + mark.length)]
}

export const cursorOf = (next: { contributionId: number; questionId: number } | null) =>
  next ? `${next.contributionId}-${next.questionId}` : null
