// The actors' state changes: each validates, writes and records itself in the audit log within
// one transaction.

import { auditedBy, type CommandContext, recordAudit } from '../../core/audit/audit.ts'
import { accountIdOf, isStaff } from '../../core/auth/actor.ts'
import { authorize } from '../../core/auth/authorize.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { invalid, notFound, ok, type Result } from '../../core/result.ts'
import { findMemberState } from './queries/member-states.ts'
import {
  findOrganizationById,
  insertOrganization,
  type Organization,
  type OrganizationWrite,
  slugTaken,
  updateOrganizationRow,
} from './queries/organizations.ts'
import {
  type Affiliation,
  endAffiliationRow,
  findPersonByAccount,
  insertAffiliation,
  insertPerson,
  type Person,
  updatePersonRow,
} from './queries/people.ts'
import { organizationSearchText, slugFor } from './rules/organizations.ts'
import type { OrganizationInput } from './schemas.ts'

async function toWrite(db: Db, input: OrganizationInput): Promise<Result<OrganizationWrite>> {
  if (input.headquarters && !(await findMemberState(db, input.headquarters))) {
    return invalid([{ path: 'headquarters', code: 'actors.unknownMemberState' }])
  }
  return ok({
    name: input.name,
    acronym: input.acronym ?? null,
    stakeholderGroup: input.stakeholderGroup,
    headquartersIso3: input.headquarters ?? null,
    website: input.website ?? null,
    description: input.description ?? {},
    searchText: organizationSearchText(input),
  })
}

async function uniqueSlug(db: Db, base: string): Promise<string> {
  if (!(await slugTaken(db, base))) return base
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`
    if (!(await slugTaken(db, candidate))) return candidate
  }
}

export async function createOrganization(
  db: Db,
  ctx: CommandContext,
  input: OrganizationInput,
): Promise<Result<Organization>> {
  const allowed = authorize(ctx.actor, 'organization.create')
  if (!allowed.ok) return allowed
  return inTransaction(db, async (trx) => {
    const write = await toWrite(trx, input)
    if (!write.ok) return write
    const slug = await uniqueSlug(trx, slugFor(input))
    const organization = await insertOrganization(trx, slug, write.value, accountIdOf(ctx.actor))
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'organization.created',
      subjectType: 'organization',
      subjectId: organization.id,
      payload: { slug, ...input },
    })
    return ok(organization)
  })
}

export async function updateOrganization(
  db: Db,
  ctx: CommandContext,
  id: number,
  input: OrganizationInput,
): Promise<Result<Organization>> {
  const allowed = authorize(ctx.actor, 'organization.update', { organizationId: id })
  if (!allowed.ok) return allowed
  return inTransaction(db, async (trx) => {
    const current = await findOrganizationById(trx, id)
    if (!current) return notFound('organization_not_found')
    // an organization's own representatives keep it up to date, but only the Secretariat decides
    // which stakeholder group it belongs to
    const decidesGroup = ctx.actor.kind === 'system' || isStaff(ctx.actor)
    const write = await toWrite(trx, decidesGroup ? input : { ...input, stakeholderGroup: current.stakeholderGroup })
    if (!write.ok) return write
    const organization = await updateOrganizationRow(trx, id, write.value)
    if (!organization) return notFound('organization_not_found')
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'organization.updated',
      subjectType: 'organization',
      subjectId: id,
      payload: { ...input },
    })
    return ok(organization)
  })
}

/** The person behind an account, created on first need (sign-up creates it). */
export async function ensurePersonForAccount(db: Db, accountId: number, name: string): Promise<Person> {
  return (await findPersonByAccount(db, accountId)) ?? insertPerson(db, { name, accountId })
}

export async function createPerson(
  db: Db,
  ctx: CommandContext,
  input: { name: string; honorific?: string | null; accountId?: number | null; profilePublic?: boolean },
): Promise<Person> {
  return inTransaction(db, async (trx) => {
    const person = await insertPerson(trx, input)
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'person.created',
      subjectType: 'person',
      subjectId: person.id,
      payload: { name: person.name, honorific: person.honorific },
      public: person.profilePublic,
    })
    return person
  })
}

export async function updatePerson(
  db: Db,
  ctx: CommandContext,
  personId: number,
  changes: Partial<Pick<Person, 'name' | 'honorific' | 'profilePublic'>>,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    await updatePersonRow(trx, personId, changes)
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'person.updated',
      subjectType: 'person',
      subjectId: personId,
      payload: changes,
      public: false,
    })
  })
}

/** Records that a person sits in a State's delegation or works for an organization. */
export async function addAffiliation(
  db: Db,
  ctx: CommandContext,
  input: Omit<Affiliation, 'id' | 'endedOn'>,
): Promise<Affiliation> {
  return inTransaction(db, async (trx) => {
    const affiliation = await insertAffiliation(trx, input)
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'affiliation.added',
      subjectType: 'person',
      subjectId: input.personId,
      payload: { ...input, affiliationId: affiliation.id },
    })
    return affiliation
  })
}

export async function endAffiliation(db: Db, ctx: CommandContext, affiliationId: number, endedOn: string) {
  return inTransaction(db, async (trx) => {
    const affiliation = await endAffiliationRow(trx, affiliationId, endedOn)
    if (!affiliation) return notFound('affiliation_not_found')
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'affiliation.ended',
      subjectType: 'person',
      subjectId: affiliation.personId,
      payload: { affiliationId, endedOn },
    })
    return ok(affiliation)
  })
}
