// SQL for Member States: the reference data sync and the reads every page and API uses.

import { sql } from 'kysely'
import { recordAudit } from '../../../core/audit/audit.ts'
import { canonicalJson } from '../../../core/audit/canonical-json.ts'
import { SYSTEM } from '../../../core/auth/actor.ts'
import { sha256 } from '../../../core/auth/crypto.ts'
import type { Db } from '../../../core/db/database.ts'
import { inTransaction, jsonb } from '../../../core/db/helpers.ts'
import type { MemberStateRecord } from '../reference/build-member-states.ts'
import type { MemberState } from '../rules/member-states.ts'
import { actorsDb } from './db.ts'

const columns = [
  'iso3',
  'iso2',
  'm49',
  'membership',
  'shortName',
  'formalName',
  'regionalGroups',
  'classifications',
] as const

// Reference data is read on most pages and changes only when the shipped file does. Each call
// asks the database for the data's version (cheap) and reuses the parsed list while it holds, so
// every app instance still sees a change as soon as it is committed.
const cache = new WeakMap<object, { version: string; states: MemberState[] }>()

export async function listMemberStates(db: Db): Promise<MemberState[]> {
  const adb = actorsDb(db)
  const { version } = await adb
    .selectFrom('actorsMemberState')
    .select(sql<string>`count(*)::text || ':' || coalesce(max(updated_at)::text, '')`.as('version'))
    .executeTakeFirstOrThrow()
  const key = db.isTransaction ? null : db
  const cached = key ? cache.get(key) : undefined
  if (cached?.version === version) return cached.states
  const states = (await adb.selectFrom('actorsMemberState').select(columns).orderBy('iso3').execute()) as MemberState[]
  if (key) cache.set(key, { version, states })
  return states
}

export async function findMemberState(db: Db, iso3: string): Promise<MemberState | undefined> {
  return (await actorsDb(db)
    .selectFrom('actorsMemberState')
    .select(columns)
    .where('iso3', '=', iso3.toUpperCase())
    .executeTakeFirst()) as MemberState | undefined
}

/** Inserts new States and updates changed ones; each change is audited. Returns how many changed. */
export async function syncMemberStates(db: Db, records: MemberStateRecord[]): Promise<number> {
  return inTransaction(db, (trx) => syncInTransaction(trx, records))
}

async function syncInTransaction(db: Db, records: MemberStateRecord[]): Promise<number> {
  const existing = new Map(
    (await actorsDb(db).selectFrom('actorsMemberState').select(['iso3', 'sourceHash']).execute()).map((r) => [
      r.iso3,
      r.sourceHash,
    ]),
  )
  let changed = 0
  for (const record of records) {
    const hash = sha256(canonicalJson(record))
    if (existing.get(record.iso3) === hash) continue
    const values = {
      iso2: record.iso2,
      m49: record.m49,
      membership: record.membership,
      shortName: jsonb(record.shortName),
      formalName: jsonb(record.formalName),
      regionalGroups: jsonb(record.regionalGroups),
      classifications: jsonb(record.classifications),
      sourceHash: hash,
      updatedAt: new Date(),
    }
    await actorsDb(db)
      .insertInto('actorsMemberState')
      .values({ iso3: record.iso3, ...values })
      .onConflict((oc) => oc.column('iso3').doUpdateSet(values))
      .execute()
    await recordAudit(db, {
      actor: SYSTEM,
      action: existing.has(record.iso3) ? 'member_state.reference_updated' : 'member_state.reference_added',
      subjectType: 'member_state',
      subjectId: record.iso3,
      payload: { sourceHash: hash },
    })
    changed++
  }
  return changed
}
