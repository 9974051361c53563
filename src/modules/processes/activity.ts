// What happened in processes, for their Atom feeds and followers' digests: calls opened,
// meetings scheduled, documents issued, reports transmitted (each module adds its own).
import type { Db } from '../../core/db/database.ts'
import type { ActivityItem, ActivityQuery, ModuleManifest } from '../../core/module.ts'
import { pdb } from './queries.ts'

export async function processesActivity(db: Db, query: ActivityQuery): Promise<ActivityItem[]> {
  if (query.processIds.length === 0) return []
  const p = pdb(db)
  const [calls, meetings, documents, transmissions] = await Promise.all([
    // a call is news when it opens, not when the Secretariat prepared it
    p
      .selectFrom('processesCall')
      .select(['id', 'processId', 'title', 'opensAt'])
      .where('processId', 'in', query.processIds)
      .where('opensAt', '>', query.since)
      .$if(query.until !== undefined, (q) => q.where('opensAt', '<=', query.until as Date))
      .orderBy('opensAt', 'desc')
      .limit(query.limit)
      .execute(),
    p
      .selectFrom('processesMeeting')
      .select(['id', 'processId', 'title', 'createdAt', 'startsAt'])
      .where('processId', 'in', query.processIds)
      .where('createdAt', '>', query.since)
      .orderBy('createdAt', 'desc')
      .limit(query.limit)
      .execute(),
    p
      .selectFrom('processesDocument')
      .select(['id', 'processId', 'title', 'symbol', 'createdAt'])
      .where('processId', 'in', query.processIds)
      .where('createdAt', '>', query.since)
      .orderBy('createdAt', 'desc')
      .limit(query.limit)
      .execute(),
    p
      .selectFrom('processesTransmission')
      .select(['id', 'processId', 'occasion', 'createdAt'])
      .where('processId', 'in', query.processIds)
      .where('createdAt', '>', query.since)
      .orderBy('createdAt', 'desc')
      .limit(query.limit)
      .execute(),
  ])
  return [
    ...calls.map((r) => ({
      id: `call:${r.id}`,
      at: r.opensAt,
      processId: r.processId,
      message: 'processes.activity.callOpened',
      values: { title: r.title },
      href: `/processes/${r.processId}#call-${r.id}`,
    })),
    ...meetings.map((r) => ({
      id: `meeting:${r.id}`,
      at: r.createdAt,
      processId: r.processId,
      message: 'processes.activity.meetingScheduled',
      values: { title: r.title, date: r.startsAt },
      href: `/meetings/${r.id}`,
    })),
    ...documents.map((r) => ({
      id: `document:${r.id}`,
      at: r.createdAt,
      processId: r.processId,
      message: 'processes.activity.documentIssued',
      values: { title: r.symbol ? `${r.symbol}: ${r.title}` : r.title },
      href: `/processes/${r.processId}#documents`,
    })),
    ...transmissions.map((r) => ({
      id: `transmission:${r.id}`,
      at: r.createdAt,
      processId: r.processId,
      message: 'processes.activity.reportTransmitted',
      values: { occasion: r.occasion },
      href: `/processes/${r.processId}#transmissions`,
    })),
  ]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, query.limit)
}

/** Every module's activity in these processes, newest first. */
export async function allActivity(
  db: Db,
  modules: readonly ModuleManifest[],
  query: ActivityQuery,
): Promise<ActivityItem[]> {
  const lists = await Promise.all(modules.flatMap((m) => (m.activity ? [m.activity(db, query)] : [])))
  return lists
    .flat()
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, query.limit)
}
