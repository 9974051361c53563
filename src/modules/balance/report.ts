// The balance of one scope (a process, a body, a call, a meeting, a year of the platform): who took
// part, measured against the UN membership or the body's composition, with its trend. Pages, CSV,
// the API and the open data are all made from this one result.

import { isoDate } from '../../core/dates.ts'
import type { Db } from '../../core/db/database.ts'
import { err, notFound, ok, type Result } from '../../core/result.ts'
import { findBody } from '../bodies/index.ts'
import {
  callsOf,
  findCall,
  findMeeting,
  findProcess,
  meetingsOf,
  type Process,
  listProcesses as processesOf,
} from '../processes/index.ts'
import { type Balance, balanceOf, type TrendPoint, trendPoint } from './rules/balance.ts'
import { participantsFrom, type Sighting } from './rules/participants.ts'
import { type SCOPES, yearAllowed } from './schemas.ts'
import { compositionOf, type Placed, PROCESS_SOURCES, resolverFor, sightings } from './sightings.ts'

export type Scope = (typeof SCOPES)[number]

export interface BalanceReport {
  scope: Scope
  id: number
  title: string
  bodyId: number | null
  processId: number | null
  /** the day States were classified on (LDC status changes with graduation) */
  asOf: string
  /** what the representation ratios compare with */
  reference: 'un_membership' | 'body_composition'
  balance: Balance
  trendOf: 'cycles' | 'processes' | 'meetings' | 'years' | null
  trend: TrendPoint[]
  /** the scopes around it: its body or process, its calls and attended meetings, a body's processes */
  related: Related[]
}

export interface Related {
  scope: Scope
  id: number
  title: string
}

interface Gathered {
  title: string
  bodyId: number | null
  processId: number | null
  placed: Placed[]
  /** the trend's buckets: a label and which sightings fall in it */
  buckets: { label: string; take: (s: Placed) => boolean }[]
  trendOf: BalanceReport['trendOf']
  /** the sightings of the scope itself, when the trend's buckets hold more */
  own?: (s: Placed) => boolean
  asOf: Date
  related: Related[]
}

/** A recurring process's name without its year: "cstd-ec-2026" and "cstd-ec-2025" are cycles of one item. */
const stem = (slug: string) => slug.replace(/-?\d{4}$/, '')

/**
 * The cycles of a process, oldest first: the chain of `previousProcessId` when one is recorded,
 * else, for an annual process, the body's annual processes of the same name stem by cycle year.
 */
function cyclesOf(process: Process, all: readonly Process[]): Process[] {
  const byId = new Map(all.map((p) => [p.id, p]))
  const chain = [process]
  for (let p = process; p.previousProcessId && byId.has(p.previousProcessId) && chain.length < 100; ) {
    p = byId.get(p.previousProcessId) as Process
    chain.unshift(p)
  }
  for (let p: Process | undefined = process; p && chain.length < 100; ) {
    const current: Process = p
    p = all.find((q) => q.previousProcessId === current.id)
    if (p) chain.push(p)
  }
  if (chain.length > 1 || process.recurrence !== 'annual') return chain
  return all
    .filter((p) => p.recurrence === 'annual' && p.cycleYear !== null && stem(p.slug) === stem(process.slug))
    .sort((a, b) => (a.cycleYear as number) - (b.cycleYear as number))
}

const cycleLabel = (p: Process) => (p.cycleYear ? String(p.cycleYear) : p.title)

async function gather(db: Db, scope: Scope, id: number, now: Date): Promise<Result<Gathered>> {
  if (scope === 'year') {
    if (!yearAllowed(id, now)) return notFound('balance_year_out_of_range')
    const placed = await sightings(db, {}, [...PROCESS_SOURCES, 'annual_reports'], ['year'])
    const years = [...new Set([...placed.flatMap((s) => s.year ?? []), id])].sort((a, b) => a - b)
    const end = new Date(Date.UTC(id, 11, 31))
    return ok({
      title: String(id),
      bodyId: null,
      processId: null,
      placed,
      own: (s) => s.year === id,
      buckets: years.map((y) => ({ label: String(y), take: (s: Placed) => s.year === y })),
      trendOf: 'years',
      asOf: end < now ? end : now,
      related: [],
    })
  }
  if (scope === 'body') {
    const body = await findBody(db, id)
    if (!body) return notFound('body_not_found')
    const processes = (await processesOf(db, { bodyId: id })).reverse()
    // people speaking for themselves counted once in the body, and once in each process (the trend)
    const placed = await sightings(db, { processIds: processes.map((p) => p.id), bodyId: id }, PROCESS_SOURCES, [
      'body',
      'process',
    ])
    return ok({
      title: body.name,
      bodyId: id,
      processId: null,
      placed,
      own: (s) => s.people === undefined || s.processId === null,
      buckets: processes.map((p) => ({ label: cycleLabel(p), take: (s: Placed) => s.processId === p.id })),
      trendOf: 'processes',
      asOf: now,
      related: processes.map((p) => ({ scope: 'process' as const, id: p.id, title: p.title })),
    })
  }
  if (scope === 'process') {
    const process = await findProcess(db, id)
    if (!process) return notFound('process_not_found')
    const cycles = cyclesOf(process, await processesOf(db, { bodyId: process.bodyId }))
    const [placed, calls, meetings, body] = await Promise.all([
      sightings(db, { processIds: cycles.map((p) => p.id) }, PROCESS_SOURCES, ['process']),
      callsOf(db, id),
      meetingsOf(db, { processId: id }),
      findBody(db, process.bodyId),
    ])
    const attended = new Set(placed.flatMap((s) => (s.meetingId !== undefined ? [s.meetingId] : [])))
    return ok({
      title: process.title,
      bodyId: process.bodyId,
      processId: id,
      placed,
      own: (s) => s.processId === id,
      buckets:
        cycles.length > 1
          ? cycles.map((p) => ({ label: cycleLabel(p), take: (s: Placed) => s.processId === p.id }))
          : [],
      trendOf: cycles.length > 1 ? 'cycles' : null,
      asOf: now,
      related: [
        ...(body ? [{ scope: 'body' as const, id: body.id, title: body.name }] : []),
        ...calls.map((c) => ({ scope: 'call' as const, id: c.id, title: c.title })),
        ...meetings
          .filter((m) => attended.has(m.id))
          .map((m) => ({ scope: 'meeting' as const, id: m.id, title: m.title })),
      ],
    })
  }
  if (scope === 'call') {
    const call = await findCall(db, id)
    if (!call) return notFound('call_not_found')
    const process = await findProcess(db, call.processId)
    return ok({
      title: call.title,
      bodyId: process?.bodyId ?? null,
      processId: call.processId,
      placed: await sightings(db, { callId: id }, ['contributions'], ['call']),
      buckets: [],
      trendOf: null,
      asOf: now,
      related: process ? [{ scope: 'process', id: process.id, title: process.title }] : [],
    })
  }
  const meeting = await findMeeting(db, id)
  if (!meeting) return notFound('meeting_not_found')
  const [process, meetings, placed] = await Promise.all([
    findProcess(db, meeting.processId),
    meetingsOf(db, { processId: meeting.processId }),
    sightings(db, { processIds: [meeting.processId] }, ['attendance'], []),
  ])
  if (!placed.some((s) => s.meetingId === id)) return err({ type: 'not_found', id: 'attendance_not_recorded' })
  const attended = meetings.filter((m) => placed.some((s) => s.meetingId === m.id))
  return ok({
    title: meeting.title,
    bodyId: process?.bodyId ?? null,
    processId: meeting.processId,
    placed,
    own: (s) => s.meetingId === id,
    buckets:
      attended.length > 1
        ? attended
            .map((m) => ({ label: `${m.number}`, take: (s: Placed) => s.meetingId === m.id }))
            .sort((a, b) => Number(a.label) - Number(b.label))
        : [],
    trendOf: attended.length > 1 ? 'meetings' : null,
    asOf: now,
    related: process ? [{ scope: 'process', id: process.id, title: process.title }] : [],
  })
}

/** The balance of a scope, or why there is none (an unknown id, a meeting nobody's attendance was recorded for). */
export async function balanceReport(db: Db, scope: Scope, id: number, now: Date): Promise<Result<BalanceReport>> {
  const gathered = await gather(db, scope, id, now)
  if (!gathered.ok) return gathered
  const g = gathered.value
  const composition: Sighting[] = g.bodyId ? await compositionOf(db, g.bodyId) : []
  const orgIds = [...g.placed, ...composition].flatMap((s) => (s.organizationId !== null ? [s.organizationId] : []))
  const { resolve, membership } = await resolverFor(db, g.asOf, orgIds)
  const refs = {
    membership,
    composition: composition.length > 0 ? participantsFrom(composition, resolve) : null,
  }
  const own = g.own ? g.placed.filter(g.own) : g.placed
  const balance = balanceOf(participantsFrom(own, resolve), refs)
  const trend = g.buckets.map((b) =>
    trendPoint(b.label, balanceOf(participantsFrom(g.placed.filter(b.take), resolve), refs)),
  )
  return ok({
    scope,
    id,
    title: g.title,
    bodyId: g.bodyId,
    processId: g.processId,
    asOf: isoDate(g.asOf),
    reference: refs.composition ? 'body_composition' : 'un_membership',
    balance,
    trendOf: g.trendOf,
    trend,
    related: g.related,
  })
}
