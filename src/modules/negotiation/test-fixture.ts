// Shared by the negotiation module's integration tests: a body with its process, its Chair, a
// Chair of another body, delegates of four States, a Secretariat member and an organization's
// representative, each as an Actor the commands take.
import { accountWithRole, type TestClient } from '../../../test/support/client.ts'
import type { TestRuntime } from '../../../test/support/runtime.ts'
import { type Actor, SYSTEM } from '../../core/auth/actor.ts'
import { activeGrants } from '../../core/auth/grants.ts'
import { createBody, createProcess } from '../processes/index.ts'
import { createDocument } from './commands-documents.ts'
import { paragraphsOf } from './queries.ts'
import { parseUnText } from './rules/parse.ts'

export const DRAFT = `Draft recommendations

Recalling paragraphs 69 to 71 of the Tunis Agenda,

1. Recommends that all relevant organizations report annually to the Commission;

2. Invites Member States to [consider] establishing national focal points;

3. Decides to review progress at its next session.
`

export type Who = 'chair' | 'otherChair' | 'bra1' | 'bra2' | 'zaf' | 'fra' | 'usa' | 'secretariat'

export interface Fixture {
  bodyId: number
  processId: number
  /** a process of another body, chaired by `otherChair` */
  otherProcessId: number
  actors: Record<Who, Actor>
  /** each one's signed-in browser */
  clients: Record<Who, TestClient>
  at: (who: Who, now?: Date) => { actor: Actor; now: Date }
  newDocument: (text?: string, processId?: number) => Promise<{ id: number; byLabel: (l: string) => number }>
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

export async function negotiationFixture(runtime: TestRuntime): Promise<Fixture> {
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
    newDocument: async (text = DRAFT, processId = own.processId) => {
      const chair = processId === own.processId ? 'chair' : 'otherChair'
      const created = await createDocument(db, at(chair), { processId, title: 'Draft', imported: parseUnText(text) })
      if (!created.ok) throw new Error(JSON.stringify(created.error))
      const paragraphs = await paragraphsOf(db, created.value.id)
      const byLabel = (l: string) => {
        const p = paragraphs.find((x) => x.label?.replace(/\.$/, '') === l)
        if (!p) throw new Error(`no paragraph ${l}`)
        return p.id
      }
      return { id: created.value.id, byLabel }
    },
  }
}
