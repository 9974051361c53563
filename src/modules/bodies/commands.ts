// State changes of bodies: set one up or change it, add members and observers with their
// representatives, record officers. Each authorizes, validates, writes in one transaction and
// leaves an entry in the audit log. Bodies are set up by the Secretariat (`body.manage`).
import { auditedBy, type CommandContext, recordAudit } from '../../core/audit/audit.ts'
import { authorize } from '../../core/auth/authorize.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { conflict, invalid, notFound, ok, type Result } from '../../core/result.ts'
import { findMemberState, findOrganizationById } from '../actors/index.ts'
import { memberRows, seatsOf } from './detail.ts'
import { type BodyMember, bodyChain, bodyOfficers, findBody, findBodyMember, type Representative } from './queries.ts'
import { insertBody, insertMember, insertOfficer, insertRepresentatives, updateBodyRow } from './queries-write.ts'
import { type Constituency, overFilled, seatsBelowFilled } from './rules/composition.ts'
import type { BodyInput, BodyUpdate, MemberInput, OfficerInput, RepresentativeInput } from './schemas.ts'

const audit = (trx: Db, ctx: CommandContext, action: string, bodyId: number, payload = {}) =>
  recordAudit(trx, { ...auditedBy(ctx), action, subjectType: 'body', subjectId: bodyId, payload })

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: string }).code === '23505'
}

export async function createBody(db: Db, ctx: CommandContext, input: BodyInput): Promise<Result<{ id: number }>> {
  const allowed = authorize(ctx.actor, 'body.manage')
  if (!allowed.ok) return allowed
  if (input.parentBodyId && !(await findBody(db, input.parentBodyId))) {
    return invalid([{ path: 'parentBodyId', code: 'bodies.unknownBody' }])
  }
  if (await findBody(db, input.slug)) return conflict('body_slug_taken')
  try {
    return await inTransaction(db, async (trx) => {
      const row = await insertBody(trx, input, ctx.now)
      await audit(trx, ctx, 'body.created', row.id, {
        slug: input.slug,
        name: input.name,
        names: input.names ?? {},
        parentBodyId: input.parentBodyId ?? null,
        memberStateSeats: input.memberStateSeats ?? null,
        stakeholderSeats: input.stakeholderSeats ?? {},
      })
      return ok(row)
    })
  } catch (error) {
    if (isUniqueViolation(error)) return conflict('body_slug_taken')
    throw error
  }
}

/** Changes a body: its names, mandate, term, parent and composition rules (never below the seats filled). */
export async function updateBody(
  db: Db,
  ctx: CommandContext,
  bodyId: number,
  change: BodyUpdate,
): Promise<Result<void>> {
  const allowed = authorize(ctx.actor, 'body.manage')
  if (!allowed.ok) return allowed
  const body = await findBody(db, bodyId)
  if (!body) return notFound('body_not_found')
  if (change.parentBodyId) {
    if (!(await findBody(db, change.parentBodyId)))
      return invalid([{ path: 'parentBodyId', code: 'bodies.unknownBody' }])
    // a body may not report to itself, even through others
    if ((await bodyChain(db, change.parentBodyId)).some((b) => b.id === bodyId)) {
      return invalid([{ path: 'parentBodyId', code: 'bodies.parentCycle' }])
    }
  }
  const term = { starts: change.termStartsOn ?? body.termStartsOn, ends: change.termEndsOn ?? body.termEndsOn }
  if (
    change.termStartsOn !== null &&
    change.termEndsOn !== null &&
    term.starts &&
    term.ends &&
    term.ends < term.starts
  ) {
    return invalid([{ path: 'termEndsOn', code: 'bodies.termEndsBeforeStart' }])
  }
  const rules = {
    memberStateSeats: change.memberStateSeats !== undefined ? change.memberStateSeats : body.memberStateSeats,
    stakeholderSeats: change.stakeholderSeats ?? body.stakeholderSeats,
  }
  return inTransaction(db, async (trx) => {
    const below = seatsBelowFilled(rules, seatsOf(body, await memberRows(trx, bodyId, 'en')))
    if (below.length) {
      return invalid(
        below.map((g) => ({
          path: g === 'member_states' ? 'memberStateSeats' : `stakeholderSeats.${g}`,
          code: 'bodies.seatsBelowFilled',
        })),
      )
    }
    await updateBodyRow(trx, bodyId, change, ctx.now)
    await audit(trx, ctx, 'body.updated', bodyId, { change })
    return ok(undefined)
  })
}

/** The constituency a new member would sit in, or why it cannot be a member. */
async function constituencyOf(db: Db, input: MemberInput): Promise<Result<Constituency>> {
  if (input.memberStateIso3) {
    if (!(await findMemberState(db, input.memberStateIso3))) {
      return invalid([{ path: 'memberStateIso3', code: 'actors.unknownMemberState' }])
    }
    return ok('member_states')
  }
  const organization = input.organizationId ? await findOrganizationById(db, input.organizationId) : undefined
  if (!organization) return invalid([{ path: 'organizationId', code: 'bodies.unknownOrganization' }])
  return ok(organization.stakeholderGroup)
}

/**
 * Adds a member (a seat of its constituency, refused when the rules' seats are all filled) or an
 * observer (no seat), with its representatives.
 */
export async function addBodyMember(
  db: Db,
  ctx: CommandContext,
  bodyId: number,
  input: MemberInput,
): Promise<Result<BodyMember & { representatives: Representative[] }>> {
  const allowed = authorize(ctx.actor, 'body.manage')
  if (!allowed.ok) return allowed
  const body = await findBody(db, bodyId)
  if (!body) return notFound('body_not_found')
  const constituency = await constituencyOf(db, input)
  if (!constituency.ok) return constituency
  return inTransaction(db, async (trx) => {
    if (
      input.standing === 'member' &&
      overFilled(seatsOf(body, await memberRows(trx, bodyId, 'en')), constituency.value)
    ) {
      return invalid([
        { path: input.memberStateIso3 ? 'memberStateIso3' : 'organizationId', code: 'bodies.seatsFilled' },
      ])
    }
    const row = await insertMember(trx, bodyId, {
      standing: input.standing,
      memberStateIso3: input.memberStateIso3 ?? null,
      organizationId: input.organizationId ?? null,
      since: input.since ?? null,
    })
    if (!row) return conflict('already_member')
    const representatives = await insertRepresentatives(trx, row.id, input.representatives ?? [])
    await audit(trx, ctx, 'body.member_added', bodyId, {
      memberId: row.id,
      standing: row.standing,
      memberState: row.memberStateIso3,
      organizationId: row.organizationId,
      constituency: constituency.value,
      representatives: representatives.map((r) => r.name),
    })
    return ok({ ...row, representatives })
  })
}

/** Names one more representative of a member or an observer (once per name). */
export async function addRepresentative(
  db: Db,
  ctx: CommandContext,
  memberId: number,
  input: RepresentativeInput,
): Promise<Result<Representative>> {
  const allowed = authorize(ctx.actor, 'body.manage')
  if (!allowed.ok) return allowed
  const member = await findBodyMember(db, memberId)
  if (!member) return notFound('body_member_not_found')
  try {
    return await inTransaction(db, async (trx) => {
      const [row] = await insertRepresentatives(trx, memberId, [input])
      if (!row) throw new Error('representative not written')
      await audit(trx, ctx, 'body.representative_added', member.bodyId, { memberId, name: input.name })
      return ok(row)
    })
  } catch (error) {
    if (isUniqueViolation(error)) return conflict('already_representative')
    throw error
  }
}

/**
 * Records an officer elected or designated on a date, with where it is recorded. One Chair and one
 * Rapporteur in office at a time; nobody holds the same office twice (the database refuses both too).
 */
export async function addBodyOfficer(
  db: Db,
  ctx: CommandContext,
  bodyId: number,
  input: OfficerInput,
): Promise<Result<{ id: number }>> {
  const allowed = authorize(ctx.actor, 'body.manage')
  if (!allowed.ok) return allowed
  if (!(await findBody(db, bodyId))) return notFound('body_not_found')
  if (input.memberStateIso3 && !(await findMemberState(db, input.memberStateIso3))) {
    return invalid([{ path: 'memberStateIso3', code: 'actors.unknownMemberState' }])
  }
  if (input.organizationId && !(await findOrganizationById(db, input.organizationId))) {
    return invalid([{ path: 'organizationId', code: 'bodies.unknownOrganization' }])
  }
  const sitting = await bodyOfficers(db, bodyId)
  const sameName = (name: string) => name.toLocaleLowerCase('en') === input.name.toLocaleLowerCase('en')
  if (sitting.some((o) => o.office === input.office && sameName(o.name))) return conflict('already_officer')
  if ((input.office === 'chair' || input.office === 'rapporteur') && sitting.some((o) => o.office === input.office)) {
    return conflict('office_held')
  }
  try {
    return await inTransaction(db, async (trx) => {
      const row = await insertOfficer(trx, bodyId, input)
      await audit(trx, ctx, 'body.officer_added', bodyId, {
        officerId: row.id,
        office: input.office,
        name: input.name,
        memberState: input.memberStateIso3 ?? null,
        selection: input.selection ?? null,
        since: input.since ?? null,
        record: input.record ?? null,
      })
      return ok(row)
    })
  } catch (error) {
    // two requests at once: the database's unique indexes decide
    if (isUniqueViolation(error)) return conflict('office_held')
    throw error
  }
}
