// SQL for people and their affiliations to a Member State's delegation or an organization.
import type { Db } from '../../../core/db/database.ts'
import { actorsDb } from './db.ts'

export interface Person {
  id: number
  name: string
  honorific: string | null
  accountId: number | null
  profilePublic: boolean
}

export interface Affiliation {
  id: number
  personId: number
  memberStateIso3: string | null
  organizationId: number | null
  title: string | null
  startedOn: string | null
  endedOn: string | null
}

const personColumns = ['id', 'name', 'honorific', 'accountId', 'profilePublic'] as const
const affiliationColumns = [
  'id',
  'personId',
  'memberStateIso3',
  'organizationId',
  'title',
  'startedOn',
  'endedOn',
] as const

export async function insertPerson(
  db: Db,
  input: { name: string; honorific?: string | null; accountId?: number | null; profilePublic?: boolean },
): Promise<Person> {
  return actorsDb(db)
    .insertInto('actorsPerson')
    .values({
      name: input.name,
      honorific: input.honorific ?? null,
      accountId: input.accountId ?? null,
      profilePublic: input.profilePublic ?? false,
    })
    .returning(personColumns)
    .executeTakeFirstOrThrow()
}

export async function findPerson(db: Db, id: number): Promise<Person | undefined> {
  return actorsDb(db).selectFrom('actorsPerson').select(personColumns).where('id', '=', id).executeTakeFirst()
}

export async function findPersonByAccount(db: Db, accountId: number): Promise<Person | undefined> {
  return actorsDb(db)
    .selectFrom('actorsPerson')
    .select(personColumns)
    .where('accountId', '=', accountId)
    .executeTakeFirst()
}

export async function updatePersonRow(
  db: Db,
  id: number,
  changes: Partial<Pick<Person, 'name' | 'honorific' | 'profilePublic'>>,
): Promise<void> {
  await actorsDb(db)
    .updateTable('actorsPerson')
    .set({ ...changes, updatedAt: new Date() })
    .where('id', '=', id)
    .execute()
}

export async function insertAffiliation(db: Db, input: Omit<Affiliation, 'id' | 'endedOn'>): Promise<Affiliation> {
  return actorsDb(db)
    .insertInto('actorsAffiliation')
    .values(input)
    .returning(affiliationColumns)
    .executeTakeFirstOrThrow()
}

export async function endAffiliationRow(db: Db, id: number, endedOn: string): Promise<Affiliation | undefined> {
  return actorsDb(db)
    .updateTable('actorsAffiliation')
    .set({ endedOn })
    .where('id', '=', id)
    .where('endedOn', 'is', null)
    .returning(affiliationColumns)
    .executeTakeFirst()
}

export async function affiliationsOfPerson(db: Db, personId: number): Promise<Affiliation[]> {
  return actorsDb(db)
    .selectFrom('actorsAffiliation')
    .select(affiliationColumns)
    .where('personId', '=', personId)
    .orderBy('endedOn', (ob) => ob.desc().nullsFirst())
    .orderBy('startedOn', 'desc')
    .execute()
}

/** People currently affiliated with a State's delegation or an organization. */
export async function currentMembers(
  db: Db,
  target: { memberStateIso3: string } | { organizationId: number },
  today: string,
): Promise<(Person & { title: string | null; startedOn: string | null })[]> {
  let query = actorsDb(db)
    .selectFrom('actorsAffiliation as a')
    .innerJoin('actorsPerson as p', 'p.id', 'a.personId')
    .select(['p.id', 'p.name', 'p.honorific', 'p.accountId', 'p.profilePublic', 'a.title', 'a.startedOn'])
    .where((eb) => eb.or([eb('a.endedOn', 'is', null), eb('a.endedOn', '>', today)]))
  query =
    'memberStateIso3' in target
      ? query.where('a.memberStateIso3', '=', target.memberStateIso3)
      : query.where('a.organizationId', '=', target.organizationId)
  return query.orderBy('p.name').execute()
}
