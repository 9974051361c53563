// The people of a negotiation, for the proposals' and the negotiation's integration tests: a body
// with its process, its Chair, a Chair of another body (with its own process), delegates of four
// States (two of Brazil's) and a Secretariat member, each as an Actor the commands take and with
// a signed-in browser. Each call makes new bodies and accounts, so tests that call it share nothing.
import { type Actor, SYSTEM } from '../../src/core/auth/actor.ts'
import { activeGrants } from '../../src/core/auth/grants.ts'
import { createBody, createProcess } from '../../src/modules/processes/index.ts'
import { accountWithRole, type TestClient } from './client.ts'
import type { TestRuntime } from './runtime.ts'

export type Who = 'chair' | 'otherChair' | 'bra1' | 'bra2' | 'zaf' | 'fra' | 'usa' | 'secretariat'

export interface Negotiators {
  bodyId: number
  processId: number
  /** a process of another body, chaired by `otherChair` */
  otherProcessId: number
  actors: Record<Who, Actor>
  /** each one's signed-in browser */
  clients: Record<Who, TestClient>
  at: (who: Who, now?: Date) => { actor: Actor; now: Date }
}

async function actorOf(runtime: TestRuntime, accountId: number, name: string): Promise<Actor> {
  return {
    kind: 'account',
    accountId,
    displayName: name,
    email: `${name}@example.org`,
    grants: await activeGrants(runtime.deps.db, accountId),
    via: 'session',
  }
}

let serial = 0

export async function negotiators(runtime: TestRuntime): Promise<Negotiators> {
  const db = runtime.deps.db
  const system = { actor: SYSTEM, now: new Date() }
  serial += 1
  const made = async (slug: string) => {
    const body = await createBody(db, system, { slug: `${slug}-${serial}`, name: `Body ${slug}`, acronym: slug })
    if (!body.ok) throw new Error(JSON.stringify(body.error))
    const process = await createProcess(db, system, {
      bodyId: body.value.id,
      slug: `${slug}-${serial}-p`,
      title: 'Drafting',
      mandateSymbol: 'E/RES/2026/1',
    })
    if (!process.ok) throw new Error(JSON.stringify(process.error))
    return { bodyId: body.value.id, processId: process.value.id }
  }
  const own = await made('wg')
  const other = await made('og')
  const roles: [Who, Parameters<typeof accountWithRole>[1], Parameters<typeof accountWithRole>[2]][] = [
    ['chair', 'chair', { type: 'body', id: String(own.bodyId) }],
    ['otherChair', 'chair', { type: 'body', id: String(other.bodyId) }],
    ['bra1', 'government_delegate', { type: 'member_state', id: 'BRA' }],
    ['bra2', 'government_delegate', { type: 'member_state', id: 'BRA' }],
    ['zaf', 'government_delegate', { type: 'member_state', id: 'ZAF' }],
    ['fra', 'government_delegate', { type: 'member_state', id: 'FRA' }],
    ['usa', 'government_delegate', { type: 'member_state', id: 'USA' }],
    ['secretariat', 'secretariat', null],
  ]
  const actors = {} as Record<Who, Actor>
  const clients = {} as Record<Who, TestClient>
  for (const [who, role, scope] of roles) {
    const a = await accountWithRole(runtime, role, scope, who)
    actors[who] = await actorOf(runtime, a.accountId, who)
    clients[who] = a.client
  }
  const at = (who: Who, now = new Date()) => ({ actor: actors[who], now })
  return {
    bodyId: own.bodyId,
    processId: own.processId,
    otherProcessId: other.processId,
    actors,
    clients,
    at,
  }
}
