// SQL of the consultation tables: imports and their rejects, settings, campaigns, texts, buckets
// and members. The only code that touches them.
import type { Kysely } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import type { CoreTables } from '../../core/db/tables.ts'
import { DEFAULT_METHOD } from './rules/minhash.ts'
import type { ConsultationImportTable, ConsultationTables } from './tables.ts'

type ConsultationDb = Kysely<CoreTables & ConsultationTables>
export const kdb = (db: Db): ConsultationDb => db.withTables<ConsultationTables>()

export type ImportRow = Omit<
  {
    [K in keyof ConsultationImportTable]: ConsultationImportTable[K] extends import('kysely').ColumnType<
      infer S,
      unknown,
      unknown
    >
      ? S
      : ConsultationImportTable[K]
  },
  'content'
>

const importColumns = [
  'id',
  'callId',
  'accountId',
  'fileName',
  'fileSha256',
  'format',
  'status',
  'lineDone',
  'records',
  'accepted',
  'alreadyThere',
  'rejected',
  'error',
  'createdAt',
  'updatedAt',
  'finishedAt',
] as const

export async function findImport(db: Db, id: number): Promise<ImportRow | undefined> {
  const row = await kdb(db)
    .selectFrom('consultationImport')
    .select(importColumns)
    .where('id', '=', id)
    .executeTakeFirst()
  return row ? { ...row, id: Number(row.id), callId: Number(row.callId), accountId: Number(row.accountId) } : undefined
}

export async function importContent(db: Db, id: number): Promise<Uint8Array | null> {
  const row = await kdb(db).selectFrom('consultationImport').select('content').where('id', '=', id).executeTakeFirst()
  return row?.content ?? null
}

export async function importsOfCall(db: Db, callId: number): Promise<ImportRow[]> {
  const rows = await kdb(db)
    .selectFrom('consultationImport')
    .select(importColumns)
    .where('callId', '=', callId)
    .orderBy('id', 'desc')
    .limit(50)
    .execute()
  return rows.map((row) => ({
    ...row,
    id: Number(row.id),
    callId: Number(row.callId),
    accountId: Number(row.accountId),
  }))
}

export async function rejectsOf(db: Db, importId: number) {
  return kdb(db)
    .selectFrom('consultationReject')
    .select(['line', 'externalId', 'reason', 'record'])
    .where('importId', '=', importId)
    .orderBy('line')
    .execute()
}

/** The call's similarity threshold (the default when never set). */
export async function thresholdOf(db: Db, callId: number): Promise<number> {
  const row = await kdb(db)
    .selectFrom('consultationSetting')
    .select('threshold')
    .where('callId', '=', callId)
    .executeTakeFirst()
  return row ? Number(row.threshold) : DEFAULT_METHOD.threshold
}

/**
 * The call's threshold and how many of its contributions the analysis has read, in one statement
 * (the campaigns page and its API read both; on PGlite each statement costs about 0.5 ms of CPU).
 */
export async function thresholdAndAnalysed(db: Db, callId: number): Promise<{ threshold: number; analysed: number }> {
  const row = await kdb(db)
    .selectFrom('consultationSetting')
    .select(['threshold', 'analysed'])
    .where('callId', '=', callId)
    .executeTakeFirst()
  return { threshold: row ? Number(row.threshold) : DEFAULT_METHOD.threshold, analysed: Number(row?.analysed ?? 0) }
}

export async function settingOf(db: Db, callId: number) {
  return kdb(db).selectFrom('consultationSetting').selectAll().where('callId', '=', callId).executeTakeFirst()
}

export interface CampaignRow {
  id: number
  callId: number
  size: number
  exactGroups: number
  template: string
  firstAt: Date
  lastAt: Date
  profile: import('./tables.ts').CampaignProfile
  /** the most sent distinct personal additions, with how many sent each */
  topAdditions: { text: string; count: number }[]
}

const campaignColumns = [
  'id',
  'callId',
  'size',
  'exactGroups',
  'template',
  'firstAt',
  'lastAt',
  'profile',
  'topAdditions',
] as const

function campaignRow(r: { id: number; callId: number } & Omit<CampaignRow, 'id' | 'callId'>): CampaignRow {
  return { ...r, id: Number(r.id), callId: Number(r.callId) }
}

/** Where a list of campaigns (largest first) continues: after the campaign of this size and id. */
export interface CampaignKey {
  size: number
  id: number
}

export async function campaignsOfCall(
  db: Db,
  callId: number,
  page: { limit: number; offset?: number; after?: CampaignKey | undefined },
) {
  const { after } = page
  let rows = kdb(db).selectFrom('consultationCampaign').select(campaignColumns).where('callId', '=', callId)
  if (after)
    rows = rows.where((eb) =>
      eb.or([eb('size', '<', after.size), eb.and([eb('size', '=', after.size), eb('id', '>', after.id)])]),
    )
  const [found, totals] = await Promise.all([
    rows
      .orderBy('size', 'desc')
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset ?? 0)
      .execute(),
    kdb(db)
      .selectFrom('consultationCampaign')
      .select((eb) => [eb.fn.countAll<string>().as('total'), eb.fn.sum<string>('size').as('members')])
      .where('callId', '=', callId)
      .executeTakeFirstOrThrow(),
  ])
  return { rows: found.map(campaignRow), total: Number(totals.total), members: Number(totals.members ?? 0) }
}

export async function findCampaign(db: Db, id: number): Promise<CampaignRow | undefined> {
  const row = await kdb(db)
    .selectFrom('consultationCampaign')
    .select(campaignColumns)
    .where('id', '=', id)
    .executeTakeFirst()
  return row ? campaignRow(row) : undefined
}

/** A campaign's members, in submission order, with their personal additions. */
/**
 * A page of a campaign's members in contribution-id order: `afterId` (keyset) reads through the
 * campaign's index from that member on, so each page costs the same however deep; `offset` (the
 * old `page`) reads every member above it. `next` is the last member's id, null on the last page.
 */
export async function campaignMembers(
  db: Db,
  campaignId: number,
  page: { limit: number } & ({ offset: number } | { afterId: number }),
) {
  let query = kdb(db)
    .selectFrom('consultationMember as m')
    .innerJoin('consultationText as t', 't.id', 'm.textId')
    .select(['m.contributionId', 'm.submittedAt', 't.additions', 't.hash'])
    .where('m.campaignId', '=', campaignId)
  query = 'afterId' in page ? query.where('m.contributionId', '>', page.afterId) : query.offset(page.offset)
  const rows = (await query.orderBy('m.contributionId').limit(page.limit).execute()).map((r) => ({
    ...r,
    contributionId: Number(r.contributionId),
  }))
  const last = rows.at(-1)
  return { rows, next: rows.length === page.limit && last ? last.contributionId : null }
}

/** The campaign a contribution belongs to, if any. */
export async function campaignOfContribution(db: Db, contributionId: number): Promise<number | null> {
  const row = await kdb(db)
    .selectFrom('consultationMember')
    .select('campaignId')
    .where('contributionId', '=', contributionId)
    .executeTakeFirst()
  return row?.campaignId ? Number(row.campaignId) : null
}

/**
 * The call's contributions in no campaign (as far as the analysis has read), in id order, a page
 * after `afterId` (keyset: each page costs the same, however deep); the total is the read model's.
 */
export async function loneContributions(db: Db, callId: number, page: { limit: number; afterId: number }) {
  const [rows, total] = await Promise.all([
    kdb(db)
      .selectFrom('consultationMember')
      .select('contributionId')
      .where('callId', '=', callId)
      .where('campaignId', 'is', null)
      .where('contributionId', '>', page.afterId)
      .orderBy('contributionId')
      .limit(page.limit)
      .execute(),
    kdb(db).selectFrom('consultationSetting').select('lone').where('callId', '=', callId).executeTakeFirst(),
  ])
  return { ids: rows.map((r) => Number(r.contributionId)), total: Number(total?.lone ?? 0) }
}

/** The first administrator or Secretariat member: who a CLI import is recorded under by default. */
export async function firstStaffAccount(db: Db): Promise<number | null> {
  const row = await db
    .selectFrom('authRoleGrant')
    .select('accountId')
    .where('role', 'in', ['administrator', 'secretariat'])
    .where('revokedAt', 'is', null)
    .orderBy('id')
    .executeTakeFirst()
  return row ? Number(row.accountId) : null
}

/** Which of these contributions are already in the consultation's record (a member of a text). */
export async function assignedAmong(db: Db, contributionIds: number[]): Promise<Set<number>> {
  if (contributionIds.length === 0) return new Set()
  const rows = await kdb(db)
    .selectFrom('consultationMember')
    .select('contributionId')
    .where('contributionId', 'in', contributionIds)
    .execute()
  return new Set(rows.map((r) => Number(r.contributionId)))
}
