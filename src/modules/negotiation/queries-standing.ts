// Where the States stand, kept as read models beside the record: every position goes into the
// history (negotiation_position), the State's current word per subject (negotiation_current_position)
// and the subject's tally (negotiation_tally), in the transaction that records it. A change of a
// paragraph's text refreshes its tally, so earlier positions show as on an earlier wording. Pages
// read the tallies (one row per subject) and never scan the history.
import { sql } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import { ndb } from './queries.ts'
import { EMPTY_TALLY, type StatePosition, type Tally, tally } from './rules/consensus.ts'
import { amendmentWording, paragraphWording } from './rules/wording.ts'

export type SubjectType = 'paragraph' | 'amendment'

/** A subject's document and the fingerprint of its present wording, locked when asked. */
export async function subjectWording(
  db: Db,
  subjectType: SubjectType,
  subjectId: number,
  options: { forUpdate?: boolean } = {},
): Promise<{ documentId: number; wording: string } | undefined> {
  const n = ndb(db)
  if (subjectType === 'paragraph') {
    let q = n.selectFrom('negotiationParagraph').select(['documentId', 'text']).where('id', '=', subjectId)
    if (options.forUpdate) q = q.forUpdate()
    const row = await q.executeTakeFirst()
    return row && { documentId: row.documentId, wording: paragraphWording(row.text) }
  }
  let q = n
    .selectFrom('negotiationAmendment')
    .select(['documentId', 'operation', 'quotedOld', 'newText', 'wordingVersion'])
    .where('id', '=', subjectId)
  if (options.forUpdate) q = q.forUpdate()
  const row = await q.executeTakeFirst()
  return row && { documentId: row.documentId, wording: amendmentWording(row) }
}

/** A tally's counts and States, over rows of current positions, against the present wording `w`. */
export function tallyCounts(w: string) {
  const states = (filter: ReturnType<typeof sql>) =>
    sql<string[]>`coalesce(array_agg(member_state_iso3 order by member_state_iso3) filter (where ${filter}), '{}')`
  const count = (filter: ReturnType<typeof sql>) => sql<number>`(count(*) filter (where ${filter}))::int`
  return sql`${count(sql`wording = ${w} and position = 'support'`)},
      ${count(sql`wording = ${w} and position = 'no_objection'`)},
      ${count(sql`wording = ${w} and position = 'objection'`)},
      ${count(sql`wording = ${w} and position = 'reservation'`)},
      ${count(sql`wording <> ${w}`)},
      ${states(sql`position = 'objection'`)},
      ${states(sql`wording = ${w} and position = 'reservation'`)},
      ${states(sql`wording <> ${w} and position = 'objection'`)}`
}

/** Recounts one subject's tally from its current positions against its present wording. */
export async function refreshTally(
  trx: Db,
  subjectType: SubjectType,
  subjectId: number,
  known?: { documentId: number; wording: string },
): Promise<void> {
  const subject = known ?? (await subjectWording(trx, subjectType, subjectId))
  if (!subject) return
  const w = subject.wording
  await sql`
    insert into negotiation_tally (subject_type, subject_id, document_id, wording, support, no_objection,
      objection, reservation, earlier, objecting, reserving, earlier_objecting)
    select ${subjectType}, ${subjectId}, ${subject.documentId}, ${w}, ${tallyCounts(w)}
    from negotiation_current_position where subject_type = ${subjectType} and subject_id = ${subjectId}
    on conflict (subject_type, subject_id) do update set wording = excluded.wording, support = excluded.support,
      no_objection = excluded.no_objection, objection = excluded.objection, reservation = excluded.reservation,
      earlier = excluded.earlier, objecting = excluded.objecting, reserving = excluded.reserving,
      earlier_objecting = excluded.earlier_objecting`.execute(trx)
}

type TallyRow = {
  subjectId: number
  wording: string
  support: number
  noObjection: number
  objection: number
  reservation: number
  earlier: number
  objecting: string[]
  reserving: string[]
  earlierObjecting: string[]
}

function tallyOf(r: TallyRow): Tally {
  const spoken = r.support + r.noObjection + r.objection + r.reservation
  return {
    support: r.support,
    no_objection: r.noObjection,
    objection: r.objection,
    reservation: r.reservation,
    objecting: [...r.objecting],
    reserving: [...r.reserving],
    earlier: r.earlier,
    earlierObjecting: [...r.earlierObjecting],
    readiness: r.objecting.length > 0 ? 'objected' : spoken > 0 ? 'ready' : 'open',
  }
}

/** A paragraph's standing summary: its tally on the present wording, and that wording. */
export interface ParagraphStanding extends Tally {
  paragraphId: number
  wording: string
}

/**
 * Each paragraph's standing summary (counts per position on the present wording, objecting and
 * reserving States, readiness, positions on an earlier wording), read from one tally row per
 * paragraph. Paragraphs no State has spoken on are "open".
 *
 * @example
 * const standing = (await standingsOf(db, documentId)).get(paragraph.id)
 * if (standing?.readiness === 'objected') ...standing.objecting
 */
export async function standingsOf(db: Db, documentId: number): Promise<Map<number, ParagraphStanding>> {
  const n = ndb(db)
  const [paragraphs, rows] = await Promise.all([
    n.selectFrom('negotiationParagraph').select(['id', 'text']).where('documentId', '=', documentId).execute(),
    n
      .selectFrom('negotiationTally')
      .selectAll()
      .where('documentId', '=', documentId)
      .where('subjectType', '=', 'paragraph')
      .execute(),
  ])
  const byId = new Map(rows.map((r) => [r.subjectId, r]))
  const result = new Map<number, ParagraphStanding>()
  const drifted: number[] = []
  for (const p of paragraphs) {
    const wording = paragraphWording(p.text)
    const row = byId.get(p.id)
    if (row && row.wording !== wording) drifted.push(p.id)
    result.set(p.id, { paragraphId: p.id, wording, ...(row ? tallyOf(row) : EMPTY_TALLY) })
  }
  // a text changed without its tally (a path that forgot): count from the current positions instead
  if (drifted.length) {
    const recounted = await standings(db, 'paragraph', drifted)
    for (const [id, s] of recounted) result.set(id, { paragraphId: id, wording: s.wording ?? '', ...s.tally })
  }
  return result
}

/** Each amendment's tally (its wording never changes once tabled). */
export async function amendmentStandingsOf(db: Db, documentId: number): Promise<Map<number, Tally>> {
  const rows = await ndb(db)
    .selectFrom('negotiationTally')
    .selectAll()
    .where('documentId', '=', documentId)
    .where('subjectType', '=', 'amendment')
    .execute()
  return new Map(rows.map((r) => [r.subjectId, tallyOf(r)]))
}

export interface Standing {
  /** each State's current position, with the wording it was given on */
  positions: StatePosition[]
  tally: Tally
  /** the fingerprint of the subject's present wording */
  wording?: string | undefined
}

/** Each subject's State positions (from the current-position table) and tally on its present wording. */
export async function standings(db: Db, subjectType: SubjectType, ids: readonly number[]) {
  const result = new Map<number, Standing>()
  if (ids.length === 0) return result
  const n = ndb(db)
  const [rows, wordings] = await Promise.all([
    n
      .selectFrom('negotiationCurrentPosition')
      .select(['subjectId', 'memberStateIso3', 'position', 'at', 'accountId', 'note', 'wording'])
      .where('subjectType', '=', subjectType)
      .where('subjectId', 'in', [...ids])
      .orderBy('memberStateIso3')
      .execute(),
    subjectType === 'paragraph'
      ? n
          .selectFrom('negotiationParagraph')
          .select(['id', 'text'])
          .where('id', 'in', [...ids])
          .execute()
          .then((ps) => new Map(ps.map((p) => [p.id, paragraphWording(p.text)])))
      : n
          .selectFrom('negotiationAmendment')
          .select(['id', 'operation', 'quotedOld', 'newText', 'wordingVersion'])
          .where('id', 'in', [...ids])
          .execute()
          .then((as) => new Map(as.map((a) => [a.id, amendmentWording(a)]))),
  ])
  const grouped = new Map<number, StatePosition[]>()
  for (const r of rows) grouped.set(r.subjectId, [...(grouped.get(r.subjectId) ?? []), { ...r }])
  for (const id of ids) {
    const positions = grouped.get(id) ?? []
    const wording = wordings.get(id)
    result.set(id, { positions, tally: tally(positions, wording ?? ''), wording })
  }
  return result
}
