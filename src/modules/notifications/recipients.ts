// Who hears of an event, and where it happened: the process and body behind a document or a
// paragraph, their titles, and the accounts an audience means. Other modules are reached only
// through their index.ts (their exported functions), role grants through core.
import { grantsOfRole } from '../../core/auth/grants.ts'
import type { Db } from '../../core/db/database.ts'
import { findMemberState } from '../actors/index.ts'
import { memberStatesOf } from '../bodies/index.ts'
import { documentWithBody, findParagraph } from '../negotiation/index.ts'
import { findProcess } from '../processes/index.ts'
import { followersOf } from './queries.ts'
import { type Audience, type NoticeEvent, PERSONAL } from './rules/events.ts'
import type { NoticeValues } from './rules/text.ts'

/** Where an event happened, resolved; null when the thing is gone (no notice then). */
export interface ResolvedPlace {
  processId: number | null
  bodyId: number | null
  values: NoticeValues
}

export async function resolvePlace(db: Db, event: NoticeEvent): Promise<ResolvedPlace | null> {
  const place = event.place
  const values: NoticeValues = { ...event.values }
  if (typeof values.state === 'string' && values.state) {
    const state = await findMemberState(db, values.state)
    if (state) values.state = state.shortName
  }
  if (place.type === 'none') return { processId: null, bodyId: null, values }
  if (place.type === 'process') {
    const process = await findProcess(db, place.processId)
    if (!process) return null
    return { processId: process.id, bodyId: process.bodyId, values: { process: process.title, ...values } }
  }
  const found = await documentWithBody(db, place.documentId)
  if (!found) return null
  values.process = found.process.title
  values.document = found.document.title
  if (place.type === 'paragraph') {
    const paragraph = await findParagraph(db, place.paragraphId)
    if (!paragraph) return null
    values.paragraph = paragraph.label ?? `#${paragraph.position ?? paragraph.id}`
  }
  return { processId: found.process.id, bodyId: found.bodyId, values }
}

/** Delegates of every Member State that is a member (not an observer) of the body. */
async function bodyDelegates(db: Db, bodyId: number): Promise<number[]> {
  return (await memberStatesOf(db, bodyId)).flatMap((s) => s.delegateAccountIds)
}

async function stateDelegates(db: Db, iso3: string): Promise<number[]> {
  const grants = await grantsOfRole(db, 'government_delegate', { type: 'member_state', id: iso3.toUpperCase() })
  return grants.map((g) => g.accountId)
}

async function representatives(db: Db, organizationId: number): Promise<number[]> {
  const grants = await grantsOfRole(db, 'stakeholder_representative', {
    type: 'organization',
    id: String(organizationId),
  })
  return grants.map((g) => g.accountId)
}

/**
 * The accounts an event reaches, without the person who caused it. A restricted audit entry
 * reaches only the people it names (the requester, the State or organization asked), never a
 * body's delegates or the followers of a process: they could not read the entry themselves.
 */
export async function recipientsOf(
  db: Db,
  audience: readonly Audience[],
  place: ResolvedPlace,
  source: { public: boolean; actorAccountId: number | null },
): Promise<number[]> {
  const ids = new Set<number>()
  for (const a of audience) {
    if (!source.public && !PERSONAL.has(a.type)) continue
    if (a.type === 'account') ids.add(a.accountId)
    else if (a.type === 'state_delegates') for (const id of await stateDelegates(db, a.iso3)) ids.add(id)
    else if (a.type === 'organization') for (const id of await representatives(db, a.organizationId)) ids.add(id)
    else if (place.processId !== null && place.bodyId !== null) {
      const found =
        a.type === 'followers'
          ? await followersOf(db, place.processId, place.bodyId)
          : await bodyDelegates(db, place.bodyId)
      for (const id of found) ids.add(id)
    }
  }
  if (source.actorAccountId !== null) ids.delete(source.actorAccountId)
  return [...ids].sort((x, y) => x - y)
}
