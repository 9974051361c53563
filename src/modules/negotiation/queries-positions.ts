// A State's position, written in as few statements as the write allows, because it is the write a
// negotiation makes most and often while others keep reading: the subject it is given on (locked,
// with its document's process) in one read, and the history, the current word and the tally in
// one statement, which may also take the audit log's lock (after its own row locks).
import { type RawBuilder, sql } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import { type Amendment, ndb, type Paragraph } from './queries.ts'
import { subjectWording, tallyCounts } from './queries-standing.ts'
import type { Position } from './rules/consensus.ts'
import { amendmentWording, paragraphWording } from './rules/wording.ts'

/** What a position is given on, locked: the subject row, its document's process and its wording. */
export type PositionSubject = { processId: number; wording: string } & (
  | { subjectType: 'paragraph'; paragraph: Paragraph }
  | { subjectType: 'amendment'; amendment: Amendment }
)

/**
 * The paragraph or amendment, locked (`for update` of its own row only, so a declaration or a
 * change of text waits for the position), with its document's process, in one statement.
 */
export async function lockPositionSubject(
  trx: Db,
  subjectType: 'paragraph' | 'amendment',
  id: number,
): Promise<PositionSubject | undefined> {
  const n = ndb(trx)
  if (subjectType === 'paragraph') {
    const row = await n
      .selectFrom('negotiationParagraph as s')
      .innerJoin('negotiationDocument as d', 'd.id', 's.documentId')
      .selectAll('s')
      .select('d.processId as documentProcessId')
      .where('s.id', '=', id)
      .forUpdate('s')
      .executeTakeFirst()
    if (!row) return undefined
    const { documentProcessId, ...paragraph } = row
    return { subjectType, paragraph, processId: documentProcessId, wording: paragraphWording(paragraph.text) }
  }
  const row = await n
    .selectFrom('negotiationAmendment as s')
    .innerJoin('negotiationDocument as d', 'd.id', 's.documentId')
    .selectAll('s')
    .select('d.processId as documentProcessId')
    .where('s.id', '=', id)
    .forUpdate('s')
    .executeTakeFirst()
  if (!row) return undefined
  const { documentProcessId, ...amendment } = row
  return { subjectType, amendment, processId: documentProcessId, wording: amendmentWording(amendment) }
}

export interface PositionRecord {
  subjectType: 'paragraph' | 'amendment'
  subjectId: number
  memberStateIso3: string
  position: Position
  note: string | null
  accountId: number
  at: Date
}

/**
 * Records a State's position on the subject's present wording: the history, the current word and
 * the tally, in one statement (the tally counts the subject's other States' current words and this
 * one, since a statement does not see its own writes). Call inside a transaction holding the
 * subject's row lock (`known` is what that lock read; without it the subject is read and locked
 * here). `alsoSelect` is evaluated after the writes, e.g. the audit log's lock.
 */
export async function recordPosition(
  trx: Db,
  input: PositionRecord,
  known?: { documentId: number; wording: string },
  alsoSelect?: RawBuilder<unknown>,
): Promise<{ id: number; wording: string }> {
  const subject = known ?? (await subjectWording(trx, input.subjectType, input.subjectId, { forUpdate: true }))
  if (!subject) throw new Error(`no ${input.subjectType} ${input.subjectId}`)
  const { subjectType: t, subjectId: id, memberStateIso3: iso3, position, note, accountId, at } = input
  const w = subject.wording
  const result = await sql<{ id: number }>`
    with history as (
      insert into negotiation_position (subject_type, subject_id, member_state_iso3, position, note, account_id, at, wording)
      values (${t}, ${id}, ${iso3}, ${position}, ${note}, ${accountId}, ${at}, ${w})
      returning id
    ), current_word as (
      insert into negotiation_current_position (subject_type, subject_id, member_state_iso3, document_id, position_id,
        position, wording, note, account_id, at)
      select ${t}, ${id}, ${iso3}, ${subject.documentId}, history.id, ${position}, ${w}, ${note}, ${accountId}, ${at}
      from history
      on conflict (subject_type, subject_id, member_state_iso3) do update set document_id = excluded.document_id,
        position_id = excluded.position_id, position = excluded.position, wording = excluded.wording,
        note = excluded.note, account_id = excluded.account_id, at = excluded.at
      returning member_state_iso3, position, wording
    ), standing as (
      select member_state_iso3, position, wording from negotiation_current_position
      where subject_type = ${t} and subject_id = ${id} and member_state_iso3 <> ${iso3}
      union all select member_state_iso3, position, wording from current_word
    ), counted as (
      insert into negotiation_tally (subject_type, subject_id, document_id, wording, support, no_objection,
        objection, reservation, earlier, objecting, reserving, earlier_objecting)
      select ${t}, ${id}, ${subject.documentId}, ${w}, ${tallyCounts(w)} from standing
      on conflict (subject_type, subject_id) do update set wording = excluded.wording, support = excluded.support,
        no_objection = excluded.no_objection, objection = excluded.objection, reservation = excluded.reservation,
        earlier = excluded.earlier, objecting = excluded.objecting, reserving = excluded.reserving,
        earlier_objecting = excluded.earlier_objecting
      returning subject_id
    )
    select (select id from history) as id${alsoSelect ? sql`, ${alsoSelect} as also` : sql``} from counted`.execute(trx)
  const row = result.rows[0]
  if (!row) throw new Error(`the position on ${t} ${id} was not written`)
  return { id: Number(row.id), wording: w }
}
