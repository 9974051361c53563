// The report's API as the Secretariat's own tools use it, on each database: issuing with a token
// (symbol, distribution, date, original language, agenda item, document and revision), refused to
// a delegate, for a symbol that is not one or is another report's, and a second time; a retry with
// the same Idempotency-Key stored once; a correction; the transmission received by the parent's
// process; follow-up records, refused for a paragraph that is not a recommendation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, apiTokenFor, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { addBodyMember } from '../bodies/index.ts'
import { createDocument, declare, paragraphsOf, parseUnText } from '../negotiation/index.ts'
import { readAuditLog } from '../notifications/index.ts'
import { createBody, createProcess } from '../processes/index.ts'

const TEXT = `Draft recommendations

1. Recommends that all relevant organizations report annually to the Commission;

2. Recommends establishing a new intergovernmental body;
`

describe.each(DATABASE_KINDS)('the report API on %s', (kind) => {
  let runtime: TestRuntime
  let wgBodyId: number
  let cstdBodyId: number
  let cstdProcessId: number
  let secretariatToken: string
  let delegateToken: string
  let delegate: Awaited<ReturnType<typeof accountWithRole>>
  let observer: Awaited<ReturnType<typeof accountWithRole>>
  let secretariatId: number
  let made = 0
  const system = () => ({ actor: SYSTEM, now: new Date('2026-05-10T09:00:00Z') })
  const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
    if (!r.ok) throw new Error(JSON.stringify(r.error))
    return r.value
  }
  const send = (token: string, method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    new TestClient(runtime).json(`/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body: JSON.stringify(body),
    })
  const audited = async (action: string, subjectId: number) =>
    runtime.deps.db
      .selectFrom('auditEntry')
      .select(['payload'])
      .where('action', '=', action)
      .where('subjectType', '=', 'process')
      .where('subjectId', '=', String(subjectId))
      .execute()

  /**
   * A working-group process of its own with its draft (paragraph 1 adopted, a recommendation;
   * paragraph 2 not) and a symbol no other test uses, so each test stands alone in any order.
   */
  const aProcess = async () => {
    made += 1
    const db = runtime.deps.db
    const processId = must(
      await createProcess(db, system(), {
        bodyId: wgBodyId,
        slug: `wg-${made}`,
        title: `WG ${made}`,
        mandateSymbol: 'A/RES/70/125',
      }),
    ).id
    const documentId = must(
      await createDocument(db, system(), { processId, title: 'Draft recommendations', imported: parseUnText(TEXT) }),
    ).id
    const ids: Record<string, number> = {}
    for (const p of await paragraphsOf(db, documentId)) ids[p.label?.replace(/\.$/, '') ?? 'x'] = p.id
    must(await declare(db, system(), ids['1'] as number, 'agreed_ad_ref'))
    must(await declare(db, system(), ids['1'] as number, 'adopted'))
    const symbol = `E/CN.16/2018/CRP.${made}`
    const issue = (fields: Record<string, unknown> = {}) => ({
      documentId,
      revision: 0,
      symbol,
      distribution: 'limited',
      issuedOn: '2018-05-14',
      originalLanguage: 'en',
      agendaItem: 'Item 3 of the provisional agenda',
      ...fields,
    })
    return { processId, documentId, ids, symbol, issue }
  }
  /** A process whose report is issued (the zero draft), then corrected to the text as it stands now. */
  const anIssuedReport = async () => {
    const p = await aProcess()
    expect((await send(secretariatToken, 'POST', `/processes/${p.processId}/report/issue`, p.issue())).status).toBe(201)
    const current = p.issue({ distribution: 'general', revision: undefined })
    expect((await send(secretariatToken, 'PATCH', `/processes/${p.processId}/report/issue`, current)).status).toBe(200)
    return p
  }

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    const db = runtime.deps.db
    cstdBodyId = must(await createBody(db, system(), { slug: 'cstd', name: 'CSTD', acronym: 'CSTD' })).id
    wgBodyId = must(await createBody(db, system(), { slug: 'wg', name: 'Working Group', parentBodyId: cstdBodyId })).id
    cstdProcessId = must(
      await createProcess(db, system(), {
        bodyId: cstdBodyId,
        slug: 'cstd-21',
        title: 'CSTD 21',
        mandateSymbol: 'E/RES/1',
      }),
    ).id
    must(await addBodyMember(db, system(), wgBodyId, { standing: 'member', memberStateIso3: 'BRA' }))
    must(await addBodyMember(db, system(), wgBodyId, { standing: 'observer', memberStateIso3: 'CHE' }))
    const secretariat = await accountWithRole(runtime, 'secretariat')
    secretariatId = secretariat.accountId
    secretariatToken = await apiTokenFor(runtime, secretariat.accountId)
    delegate = await accountWithRole(runtime, 'government_delegate', { type: 'member_state', id: 'BRA' })
    delegateToken = await apiTokenFor(runtime, delegate.accountId)
    await db.updateTable('authAccount').set({ preferredLocale: 'fr' }).where('id', '=', delegate.accountId).execute()
    observer = await accountWithRole(runtime, 'government_delegate', { type: 'member_state', id: 'CHE' })
  })
  afterAll(() => runtime.close())

  it('refuses the issue to a delegate’s token and stores nothing', async () => {
    const { processId, issue } = await aProcess()
    const refused = await send(delegateToken, 'POST', `/processes/${processId}/report/issue`, issue())
    expect(refused.status).toBe(403)
    expect(refused.body.id).toBe('forbidden:report.issue')
    expect(await audited('report.issued', processId)).toHaveLength(0)
    expect((await new TestClient(runtime).json(`/processes/${processId}/report.json`)).body.data.issue).toBeNull()
  })

  it('refuses a symbol that is not one, naming the field', async () => {
    const { processId, issue } = await aProcess()
    const refused = await send(
      secretariatToken,
      'POST',
      `/processes/${processId}/report/issue`,
      issue({ symbol: 'our report' }),
    )
    expect(refused.status).toBe(400)
    expect(refused.body.issues).toEqual([expect.objectContaining({ path: 'symbol', code: 'reports.symbol.shape' })])
    expect(await audited('report.issued', processId)).toHaveLength(0)
  })

  it('refuses a document of another process, naming the field', async () => {
    const { processId, issue } = await aProcess()
    const other = await aProcess()
    const refused = await send(
      secretariatToken,
      'POST',
      `/processes/${processId}/report/issue`,
      issue({ documentId: other.documentId }),
    )
    expect(refused.status).toBe(400)
    expect(refused.body.issues).toEqual([
      expect.objectContaining({ path: 'documentId', code: 'reports.unknownDocument' }),
    ])
    expect(await audited('report.issued', processId)).toHaveLength(0)
  })

  it('issues the report once: a retry with the same key gets the first answer, a second issue is refused', async () => {
    const { processId, documentId, symbol, issue } = await aProcess()
    const key = { 'idempotency-key': `issue-wg-${processId}` }
    const first = await send(secretariatToken, 'POST', `/processes/${processId}/report/issue`, issue(), key)
    expect(first.status).toBe(201)
    expect(first.body.data).toMatchObject({
      processId,
      documentId,
      revision: 0,
      symbol,
      distribution: 'limited',
      issuedOn: '2018-05-14',
      originalLanguage: 'en',
      agendaItem: 'Item 3 of the provisional agenda',
    })
    const retry = await new TestClient(runtime).request(`/api/v1/processes/${processId}/report/issue`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secretariatToken}`, ...key },
      body: JSON.stringify(issue()),
    })
    expect(retry.status).toBe(201)
    expect(retry.headers.get('idempotent-replayed')).toBe('true')
    const twice = await send(secretariatToken, 'POST', `/processes/${processId}/report/issue`, issue())
    expect(twice.status).toBe(409)
    expect(twice.body.id).toBe('report_already_issued')
    expect(await audited('report.issued', processId)).toHaveLength(1)
    const report = await new TestClient(runtime).json(`/processes/${processId}/report.json`)
    expect(report.body.data.issue.symbol).toBe(symbol)
  })

  it('tells the delegates of the body’s member States that the report was issued, in their language, once', async () => {
    const { processId, symbol } = await anIssuedReport()
    const db = runtime.deps.db
    await readAuditLog(db, runtime.deps, new Date())
    // read again: a notice is made once per issue, not once per reading
    await readAuditLog(db, runtime.deps, new Date())
    const href = `/processes/${processId}/report`
    const noticesOf = (accountId: number) =>
      db
        .selectFrom('notificationsNotice' as never)
        .select(['kind' as never, 'href' as never])
        .where('accountId' as never, '=', accountId as never)
        .where('kind' as never, '=', 'report_issued' as never)
        .where('href' as never, '=', href as never)
        .execute() as Promise<{ kind: string; href: string }[]>
    expect(await noticesOf(delegate.accountId)).toEqual([{ kind: 'report_issued', href }])
    // an observer State is not a member; the Secretariat issued it
    expect(await noticesOf(observer.accountId)).toEqual([])
    expect(await noticesOf(secretariatId)).toEqual([])
    const inbox = await delegate.client.get('/me/notifications?lang=fr')
    expect(inbox.html).toContain('a été publié sous la cote')
    expect(inbox.html).toContain(symbol)
  })

  it('corrects the issue with PATCH, and refuses another process’s report under the same symbol', async () => {
    const { processId, symbol, issue } = await aProcess()
    expect((await send(secretariatToken, 'POST', `/processes/${processId}/report/issue`, issue())).status).toBe(201)
    expect(await audited('report.issue_corrected', processId)).toHaveLength(0)
    const corrected = await send(
      secretariatToken,
      'PATCH',
      `/processes/${processId}/report/issue`,
      issue({ distribution: 'general', revision: undefined }),
    )
    expect(corrected.status).toBe(200)
    // the text as it stands now, no longer the zero draft
    expect(corrected.body.data).toMatchObject({ distribution: 'general', revision: null })
    expect(await audited('report.issue_corrected', processId)).toHaveLength(1)
    const same = await send(
      secretariatToken,
      'PATCH',
      `/processes/${processId}/report/issue`,
      issue({ distribution: 'general', revision: undefined }),
    )
    expect(same.status).toBe(200)
    expect(await audited('report.issue_corrected', processId)).toHaveLength(1)
    const other = await aProcess()
    const notYet = await send(secretariatToken, 'PATCH', `/processes/${other.processId}/report/issue`, other.issue())
    expect(notYet.status).toBe(409)
    expect(notYet.body.id).toBe('report_not_issued')
    const taken = await send(
      secretariatToken,
      'POST',
      `/processes/${other.processId}/report/issue`,
      other.issue({ symbol }),
    )
    expect(taken.status).toBe(409)
    expect(taken.body.id).toBe('report_symbol_taken')
    expect(await audited('report.issued', other.processId)).toHaveLength(0)
  })

  it('records the transmission to the CSTD, whose process then lists the report', async () => {
    const { processId, symbol } = await anIssuedReport()
    const body = {
      toBodyId: cstdBodyId,
      toProcessId: cstdProcessId,
      symbol,
      transmittedOn: '2018-05-20',
    }
    expect((await send(delegateToken, 'POST', `/processes/${processId}/report/transmissions`, body)).status).toBe(403)
    const wrong = await send(secretariatToken, 'POST', `/processes/${processId}/report/transmissions`, {
      ...body,
      toProcessId: processId,
    })
    expect(wrong.status).toBe(400)
    expect(wrong.body.issues[0].path).toBe('toProcessId')
    expect((await new TestClient(runtime).get(`/processes/${cstdProcessId}`)).html).not.toContain(symbol)
    const sent = await send(secretariatToken, 'POST', `/processes/${processId}/report/transmissions`, body)
    expect(sent.status).toBe(201)
    expect(sent.body.data.documentId).toEqual(expect.any(Number))
    const cstdPage = (await new TestClient(runtime).get(`/processes/${cstdProcessId}`)).html
    expect(cstdPage).toContain(symbol)
    // sent again (a double click, a retry without a key): the CSTD already holds that symbol
    const again = await send(secretariatToken, 'POST', `/processes/${processId}/report/transmissions`, body)
    expect(again.status).toBe(400)
    expect(again.body.issues).toEqual([
      expect.objectContaining({ path: 'symbol', code: 'processes.documents.symbolTaken' }),
    ])
    expect((await new TestClient(runtime).get(`/processes/${cstdProcessId}`)).html).toBe(cstdPage)
  })

  it('refuses a transmission before the report is issued', async () => {
    const { processId, symbol } = await aProcess()
    const early = await send(secretariatToken, 'POST', `/processes/${processId}/report/transmissions`, {
      toBodyId: cstdBodyId,
      toProcessId: cstdProcessId,
      symbol,
      transmittedOn: '2018-05-20',
    })
    expect(early.status).toBe(409)
    expect(early.body.id).toBe('report_not_issued')
  })

  it('records a follow-up of a recommendation and refuses one for a paragraph that is not a recommendation', async () => {
    const { processId, ids } = await anIssuedReport()
    const record = (paragraphId: number) =>
      send(secretariatToken, 'POST', `/processes/${processId}/report/follow-ups`, {
        paragraphId,
        year: 2019,
        status: 'implemented',
        sourceKind: 'resolution',
        sourceReference: 'E/RES/2019/24',
      })
    const unknown = await record(ids['2'] as number)
    expect(unknown.status).toBe(400)
    expect(unknown.body.issues).toEqual([
      expect.objectContaining({ path: 'paragraphId', code: 'reports.notARecommendation' }),
    ])
    expect((await record(99_999_999)).status).toBe(400)
    const done = await record(ids['1'] as number)
    expect(done.status).toBe(201)
    expect(done.body.data).toMatchObject({
      paragraphId: ids['1'],
      year: 2019,
      status: 'implemented',
      annualReportId: null,
    })
    const { html } = await new TestClient(runtime).get(`/processes/${processId}/report`)
    expect(html).toMatch(/2019: Implemented \(Resolution: E\/RES\/2019\/24\)/)
  })

  it('describes the operations in the OpenAPI document with the Secretariat’s scope', async () => {
    const spec = (await new TestClient(runtime).json('/api/openapi.json')).body
    const issueOp = spec.paths['/processes/{id}/report/issue']
    expect(issueOp.post.operationId).toBe('issueReport')
    expect(issueOp.patch.operationId).toBe('correctReportIssue')
    expect(issueOp.post.security).toContainEqual({ bearerToken: ['secretariat'] })
    expect(spec.paths['/processes/{id}/report/transmissions'].post.operationId).toBe('transmitReport')
    expect(spec.paths['/processes/{id}/report/follow-ups'].post.operationId).toBe('recordFollowUp')
    expect(spec.components.schemas.ReportIssueInput.properties.symbol).toBeDefined()
  })
})
