// Who made each change between two revisions, for the tracked-changes comparison: the delegations
// whose amendments to the paragraph were incorporated after the earlier revision and by the later
// one, on the day the last of them was; else (the Chair's own redrafting) the fallback author on
// the day the later revision was issued.

export interface IncorporatedAmendment {
  paragraphId: number
  /** the proposing delegation's name: a State, or an organization */
  delegation: string
  decidedAt: Date
}

export interface Authorship {
  author: string
  /** ISO 8601 date-time, without milliseconds (what Word writes) */
  date: string
}

const wordDate = (d: Date) => `${d.toISOString().slice(0, 19)}Z`

/**
 * The author and date of the change to each paragraph, by paragraph id. `join` lists several
 * delegations in the reader's language (Intl.ListFormat), e.g. "Brazil and Egypt".
 */
export function authorsOfChanges(
  amendments: readonly IncorporatedAmendment[],
  window: { after: Date; upTo: Date },
  fallback: string,
  join: (names: string[]) => string,
): (paragraphId: number) => Authorship {
  const byParagraph = new Map<number, IncorporatedAmendment[]>()
  for (const a of amendments) {
    if (a.decidedAt <= window.after || a.decidedAt > window.upTo) continue
    byParagraph.set(a.paragraphId, [...(byParagraph.get(a.paragraphId) ?? []), a])
  }
  return (paragraphId) => {
    const found = byParagraph.get(paragraphId)
    if (!found?.length) return { author: fallback, date: wordDate(window.upTo) }
    const names = [...new Set(found.map((a) => a.delegation))]
    const last = new Date(Math.max(...found.map((a) => a.decidedAt.getTime())))
    return { author: join(names), date: wordDate(last) }
  }
}
