// The write API's tests share one world per database: a body with its Chair, the Secretariat,
// delegates of three States, an account with no role, and each one's API token, as a delegation's
// script would hold it; plus a document opened through the API and a paragraph adopted.
import { expect } from 'vitest'
import { accountWithRole, apiTokenFor, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, type TestRuntime } from '../../../test/support/runtime.ts'
import { createAccount } from '../../core/auth/accounts.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import type { TokenScope } from '../../core/auth/scopes.ts'
import type { DatabaseKind } from '../../core/db/database.ts'
import { createOrganization } from '../actors/index.ts'
import { createBody, createProcess } from '../processes/index.ts'

export const DRAFT = `Draft recommendations

Recalling paragraphs 69 to 71 of the Tunis Agenda,

1. Recommends that all relevant organizations report annually to the Commission;

2. Invites Member States to [consider] establishing national focal points;

3. Decides to review progress at its next session.
`

export async function writeApiWorld(kind: DatabaseKind) {
  const runtime: TestRuntime = await createTestRuntime(kind)
  const api: Record<string, TestClient> = {}
  /** A client that sends a token of `accountId` with these scopes. */
  async function tokenClient(accountId: number, scopes: readonly TokenScope[]) {
    const token = await apiTokenFor(runtime, accountId, scopes)
    return new TestClient(runtime, { authorization: `Bearer ${token}` })
  }
  // biome-ignore lint/suspicious/noExplicitAny: request bodies are free-form JSON here
  const post = (who: string, path: string, body?: any) =>
    (api[who] as TestClient).json(`/api/v1${path}`, {
      method: 'POST',
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    })

  const ctx = { actor: SYSTEM, now: new Date() }
  const body = await createBody(runtime.deps.db, ctx, { slug: 'wg', name: 'A Working Group', acronym: 'WG' })
  if (!body.ok) throw new Error(JSON.stringify(body.error))
  const process = await createProcess(runtime.deps.db, ctx, {
    bodyId: body.value.id,
    slug: 'wg-api',
    title: 'Drafting by API',
    mandateSymbol: 'E/RES/2026/1',
  })
  if (!process.ok) throw new Error(JSON.stringify(process.error))
  const processId = process.value.id
  const chair = await accountWithRole(runtime, 'chair', { type: 'body', id: String(body.value.id) }, 'The Chair')
  api.chair = await tokenClient(chair.accountId, ['read', 'chair'])
  api.chairNegotiateOnly = await tokenClient(chair.accountId, ['read', 'negotiate'])
  const secretariat = await accountWithRole(runtime, 'secretariat')
  api.secretariat = await tokenClient(secretariat.accountId, ['read', 'chair'])
  for (const iso3 of ['BRA', 'ZAF', 'FRA']) {
    const a = await accountWithRole(runtime, 'government_delegate', { type: 'member_state', id: iso3 }, iso3)
    api[iso3] = await tokenClient(a.accountId, ['read', 'negotiate'])
    if (iso3 === 'BRA') api.braReadOnly = await tokenClient(a.accountId, ['read'])
  }
  const organization = await createOrganization(runtime.deps.db, ctx, {
    name: { en: 'Association for Progressive Communications' },
    acronym: 'APC',
    stakeholderGroup: 'civil_society',
  })
  if (!organization.ok) throw new Error(JSON.stringify(organization.error))
  const representative = await accountWithRole(runtime, 'stakeholder_representative', {
    type: 'organization',
    id: String(organization.value.id),
  })
  api.apc = await tokenClient(representative.accountId, ['read', 'negotiate'])
  // an account with no role: it may read and contribute, never negotiate
  const participant = await createAccount(runtime.deps.db, {
    email: 'participant@example.org',
    displayName: 'A participant',
    password: 'correct horse battery',
    confirmed: true,
  })
  if (!participant.ok) throw new Error('no account')
  api.participant = await tokenClient(participant.value.id, ['read', 'contribute'])
  api.anonymous = new TestClient(runtime)

  async function openDocument(
    text = DRAFT,
    options: { stakeholdersMayTable?: boolean } = {},
    inProcess: number = processId,
  ) {
    const created = await post('chair', `/processes/${inProcess}/negotiation`, { title: 'Draft', text, ...options })
    expect(created.status).toBe(201)
    const doc = created.body.data
    // biome-ignore lint/suspicious/noExplicitAny: the answer is JSON
    const byLabel = (l: string) => doc.paragraphs.find((p: any) => p.label?.replace(/\.$/, '') === l)
    return { id: doc.id as number, doc, byLabel }
  }

  /** The Chair adopts a paragraph once a State has said it does not object. */
  async function adopt(id: number, paragraphId: number) {
    await post('FRA', `/negotiation/${id}/positions`, { paragraphId, memberState: 'FRA', position: 'no_objection' })
    const adopted = await post('chair', `/negotiation/${id}/paragraphs/${paragraphId}/adopt`)
    expect(adopted.status).toBe(200)
    return adopted
  }

  /** A second process of the same body, for tests that conclude theirs. */
  async function newProcess(slug: string) {
    const made = await createProcess(runtime.deps.db, ctx, {
      bodyId: body.ok ? body.value.id : 0,
      slug,
      title: `Process ${slug}`,
      mandateSymbol: 'E/RES/2026/2',
    })
    if (!made.ok) throw new Error(JSON.stringify(made.error))
    return made.value.id
  }

  return { runtime, api, post, processId, organization: organization.value, openDocument, adopt, newProcess }
}

export type WriteApiWorld = Awaited<ReturnType<typeof writeApiWorld>>
