// A comparison of two revisions as Word tracked changes (tracked-docx.ts): each insertion and
// deletion is a revision mark whose author is the delegation that proposed it (the amendments
// incorporated between the two revisions) and whose date is the day it was incorporated; a change
// no amendment made is the Chair's, dated with the later revision. Bracketed text stays in its
// brackets. The frame runs in the reader's direction; the negotiated text in its own language's.
import type { Db } from '../../core/db/database.ts'
import { isRightToLeft } from '../../core/formats/direction.ts'
import type { Translator } from '../../core/i18n/messages.ts'
import { findOrganizationsByIds, listMemberStates, localized } from '../actors/index.ts'
import { amendmentsOf, type Comparison, revisionName } from '../negotiation/index.ts'
import { authorsOfChanges } from './rules/authorship.ts'
import { trackedComparisonDocx } from './tracked-docx.ts'

/** Who proposed each change of the comparison, from the amendments incorporated between its revisions. */
export async function changeAuthors(db: Db, view: Comparison, i18n: Translator) {
  const amendments = (await amendmentsOf(db, view.document.id)).filter(
    (a) => a.status === 'incorporated' && a.decidedAt,
  )
  const states = new Map((await listMemberStates(db)).map((s) => [s.iso3, s.shortName.en]))
  const orgs = await findOrganizationsByIds(db, [
    ...new Set(amendments.flatMap((a) => (a.organizationId ? [a.organizationId] : []))),
  ])
  const delegation = (a: { memberStateIso3: string | null; organizationId: number | null }) =>
    a.memberStateIso3
      ? (states.get(a.memberStateIso3) ?? a.memberStateIso3)
      : localized(orgs.find((o) => o.id === a.organizationId)?.name, 'en') || i18n.t('reports.compare.chair')
  const [earlier, later] = view.from.number <= view.to.number ? [view.from, view.to] : [view.to, view.from]
  return authorsOfChanges(
    amendments.map((a) => ({ paragraphId: a.paragraphId, delegation: delegation(a), decidedAt: a.decidedAt as Date })),
    { after: earlier.issuedAt, upTo: later.issuedAt },
    i18n.t('reports.compare.chair'),
    (names) => i18n.list(names),
  )
}

export async function comparisonDocx(db: Db, view: Comparison, i18n: Translator): Promise<Buffer> {
  const t = i18n.t
  const authorOf = await changeAuthors(db, view, i18n)
  return trackedComparisonDocx({
    title: view.document.title,
    heading: t('negotiation.compare.title', { from: revisionName(t, view.from), to: revisionName(t, view.to) }),
    legend: t('reports.compare.legend'),
    readerRtl: i18n.dir === 'rtl',
    textRtl: isRightToLeft(view.document.title, view.document.language),
    language: view.document.language,
    paragraphs: view.changes.map((ch) => ({
      label: ch.label,
      change: ch.change,
      pieces: ch.pieces,
      ...authorOf(ch.id),
    })),
  })
}
