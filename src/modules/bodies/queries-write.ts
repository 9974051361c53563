// The writes the bodies' commands make, inside their transaction.
import type { Db } from '../../core/db/database.ts'
import { jsonb } from '../../core/db/helpers.ts'
import { bdb } from './queries.ts'
import type { BodyInput, BodyUpdate, OfficerInput, RepresentativeInput } from './schemas.ts'
import type { Standing } from './tables.ts'

export async function insertBody(trx: Db, input: BodyInput, now: Date): Promise<{ id: number }> {
  return bdb(trx)
    .insertInto('bodiesBody')
    .values({
      slug: input.slug,
      name: input.name,
      names: jsonb(input.names ?? {}),
      acronym: input.acronym ?? null,
      description: input.description ?? '',
      parentBodyId: input.parentBodyId ?? null,
      mandateSymbol: input.mandateSymbol ?? null,
      mandateText: input.mandateText ?? '',
      memberStateSeats: input.memberStateSeats ?? null,
      stakeholderSeats: jsonb(input.stakeholderSeats ?? {}),
      termStartsOn: input.termStartsOn ?? null,
      termEndsOn: input.termEndsOn ?? null,
      illustrativeMembership: input.illustrativeMembership ?? false,
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export async function updateBodyRow(trx: Db, bodyId: number, change: BodyUpdate, now: Date): Promise<void> {
  const { names, stakeholderSeats, ...plain } = change
  await bdb(trx)
    .updateTable('bodiesBody')
    .set({
      ...plain,
      ...(names !== undefined ? { names: jsonb(names) } : {}),
      ...(stakeholderSeats !== undefined ? { stakeholderSeats: jsonb(stakeholderSeats) } : {}),
      updatedAt: now,
    })
    .where('id', '=', bodyId)
    .execute()
}

export async function insertMember(
  trx: Db,
  bodyId: number,
  member: { standing: Standing; memberStateIso3: string | null; organizationId: number | null; since: string | null },
) {
  return bdb(trx)
    .insertInto('bodiesMember')
    .values({ bodyId, ...member })
    .onConflict((oc) => oc.doNothing())
    .returning(['id', 'standing', 'memberStateIso3', 'organizationId', 'since'])
    .executeTakeFirst()
}

export async function insertRepresentatives(trx: Db, memberId: number, people: readonly RepresentativeInput[]) {
  if (people.length === 0) return []
  return bdb(trx)
    .insertInto('bodiesRepresentative')
    .values(people.map((p) => ({ memberId, name: p.name, function: p.function ?? null, personId: p.personId ?? null })))
    .returning(['id', 'memberId', 'name', 'function', 'personId'])
    .execute()
}

export async function insertOfficer(trx: Db, bodyId: number, input: OfficerInput) {
  return bdb(trx)
    .insertInto('bodiesOfficer')
    .values({
      bodyId,
      office: input.office,
      name: input.name,
      personId: input.personId ?? null,
      memberStateIso3: input.memberStateIso3 ?? null,
      organizationId: input.organizationId ?? null,
      selection: input.selection ?? null,
      record: input.record ?? null,
      since: input.since ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}
