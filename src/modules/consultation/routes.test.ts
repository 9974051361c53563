// The consultation's pages on each database: the Secretariat uploads a CSV, a job imports it and
// the progress page shows the counts and the rejects; visitors read the call's campaigns, a
// campaign, the compilation by campaign, and reach a contribution's campaign from its page;
// the imports and the call's similarity threshold are the Secretariat's alone.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, signUp, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { docxText } from '../../core/formats/docx-text.ts'
import { runDueJobs } from '../../core/jobs/queue.ts'
import { jobRegistry } from '../../runtime.ts'
import { changeProcessState, createBody, createProcess, guidingQuestions, openCall } from '../processes/index.ts'
import { campaignOfContribution, thresholdOf } from './queries.ts'
import { LONE_PER_PAGE } from './views/compilation.tsx'

const day = 86_400_000
const system = () => ({ actor: SYSTEM, now: new Date() })
function must<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}
const TEXT =
  'Keep the Internet open, affordable and in every language. People should take part in the decisions that shape the network, with time to answer and the right to be heard, wherever they live.'

describe.each(DATABASE_KINDS)('consultation pages on %s', (kind) => {
  let runtime: TestRuntime
  let staff: TestClient

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    staff = (await accountWithRole(runtime, 'secretariat')).client
  }, 180_000)
  afterAll(() => runtime.close())

  /** An open call on a process of the test's own: no test reads another's imports, campaigns or threshold. */
  let made = 0
  async function aCall() {
    made += 1
    const db = runtime.deps.db
    const body = must(await createBody(db, system(), { slug: `wg-${made}`, name: `Working group ${made}` }))
    const processId = must(
      await createProcess(db, system(), {
        bodyId: body.id,
        slug: `consultation-${made}`,
        title: 'Consultation',
        mandateSymbol: 'A/RES/70/125',
        questions: ['What should enhanced cooperation achieve?'],
      }),
    ).id
    must(await changeProcessState(db, system(), processId, { to: 'active' }))
    const question = (await guidingQuestions(db, processId))[0]?.id as number
    return must(
      await openCall(db, system(), processId, {
        title: 'Open call',
        opensAt: new Date(Date.now() - day),
        closesAt: new Date(Date.now() + 30 * day),
        eligibility: 'everyone',
        languages: ['en'],
        moderation: 'immediate',
        questionIds: [question],
      }),
    ).id
  }

  const runJobs = () =>
    runDueJobs(jobRegistry(runtime.deps.modules), { db: runtime.deps.db, deps: runtime.deps, log: runtime.deps.log })

  async function upload(client: TestClient, callId: number, name: string, text: string) {
    await client.get(`/calls/${callId}/imports`)
    const form = new FormData()
    form.set('_csrf', client.lastCsrf)
    form.set('language', 'en')
    form.set('file', new File([text], name, { type: 'text/csv' }))
    return client.request(`/calls/${callId}/imports`, {
      method: 'POST',
      body: form,
      headers: { origin: 'http://localhost' },
    })
  }

  /** Four copies of one text and one refused record, uploaded by the Secretariat; returns the progress page. */
  async function uploadACampaign(callId: number) {
    const rows = ['external_id,submitted_at,speaker_kind,speaker_name,organization,country,language,question,text']
    for (let i = 0; i < 4; i++) rows.push(`W${i},2026-11-02T10:0${i}:00Z,individual,Person ${i},,,en,1,"${TEXT}"`)
    rows.push('W9,not a date,individual,Late,,,en,1,text')
    const sent = await upload(staff, callId, 'mail.csv', `${rows.join('\n')}\n`)
    expect(sent.status).toBe(303)
    return sent.headers.get('location') as string
  }
  async function aCallWithACampaign() {
    const callId = await aCall()
    await uploadACampaign(callId)
    await runJobs()
    return callId
  }

  it('imports an uploaded CSV through a job and shows its progress and rejects', async () => {
    const progress = await uploadACampaign(await aCall())
    expect((await staff.get(progress)).response.headers.get('refresh')).toBe('3')
    await runJobs()
    const page = await staff.get(progress)
    expect(page.html).toContain('rejects.csv')
    const rejects = await staff.request(`${progress}/rejects.csv`)
    expect(await rejects.text()).toContain('submitted_at is not an ISO 8601 date')
  })

  it('refuses an upload that is not a CSV, JSON Lines or mbox, with the reason beside the field', async () => {
    const sent = await upload(staff, await aCall(), 'sheet.xlsx', 'x')
    expect(sent.status).toBe(422)
    expect(await sent.text()).toContain('Choose a CSV, JSON Lines or mbox file.')
  })

  it('keeps the imports to the Secretariat', async () => {
    const callId = await aCall()
    const visitor = new TestClient(runtime)
    expect((await visitor.request(`/calls/${callId}/imports`)).status).toBe(303)
    const participant = (await signUp(runtime, 'Participant')).client
    expect((await participant.request(`/calls/${callId}/imports`)).status).toBe(403)
    expect((await upload(participant, callId, 'mail2.csv', 'external_id\n')).status).toBe(403)
  })

  it('shows the call’s campaigns, a campaign with its method, and the compilation by campaign', async () => {
    const callId = await aCallWithACampaign()
    const visitor = new TestClient(runtime)
    const list = await visitor.get(`/calls/${callId}/campaigns`)
    expect(list.response.status).toBe(200)
    expect(list.html).toContain('MinHash')
    const href = list.html.match(/href="(\/campaigns\/\d+)"/)?.[1] as string
    const campaign = await visitor.get(href)
    expect(campaign.html).toContain('Keep the Internet open')
    expect(campaign.html).toContain('never an exclusion')
    const compilation = await visitor.get(`/calls/${callId}/compilation/campaigns`)
    expect(compilation.response.status).toBe(200)
    expect(compilation.html).toContain(href)
  })

  it('lets the Secretariat set the call’s threshold from the page, audited, and rebuilds the campaigns by a job', async () => {
    const callId = await aCallWithACampaign()
    const set = await staff.submit(
      `/calls/${callId}/campaigns/threshold`,
      { threshold: '0,9' },
      `/calls/${callId}/campaigns`,
    )
    expect(set.response.status).toBe(303)
    await runJobs()
    const audit = await sql<{ action: string; payload: { threshold: number } }>`
      select action, payload from audit_entry where subject_type = 'call' and subject_id = ${String(callId)}
        and action in ('campaigns.threshold_set', 'campaigns.rebuilt') order by seq desc limit 2`.execute(
      runtime.deps.db,
    )
    expect(audit.rows.map((r) => [r.action, Number(r.payload.threshold).toFixed(2)])).toEqual([
      ['campaigns.rebuilt', '0.90'],
      ['campaigns.threshold_set', '0.90'],
    ])
    expect((await staff.get(`/calls/${callId}/campaigns`)).html).toContain('value="0.9')
  })

  it('brings a refused threshold back with what was typed and the reason, and keeps the setting to the Secretariat', async () => {
    const callId = await aCall()
    const before = await thresholdOf(runtime.deps.db, callId)
    const refused = await staff.submit(
      `/calls/${callId}/campaigns/threshold`,
      { threshold: '0.2' },
      `/calls/${callId}/campaigns`,
    )
    expect(refused.response.status).toBe(422)
    expect(refused.html).toContain('value="0.2"')
    expect(refused.html).toContain('Give a number from 0.5 to 1')
    const participant = (await signUp(runtime, 'Curious participant')).client
    await participant.get(`/calls/${callId}/campaigns`)
    expect((await participant.get(`/calls/${callId}/campaigns`)).html).not.toContain('campaign-threshold')
    const forbidden = await participant.submit(
      `/calls/${callId}/campaigns/threshold`,
      { threshold: '0.5' },
      `/calls/${callId}/campaigns`,
    )
    expect(forbidden.response.status).toBe(403)
    const visitor = new TestClient(runtime)
    expect(
      (await visitor.submit(`/calls/${callId}/campaigns/threshold`, { threshold: '0.5' }, `/calls/${callId}/campaigns`))
        .response.status,
    ).toBe(403)
    expect(await thresholdOf(runtime.deps.db, callId)).toBe(before)
  })

  it('takes a contribution’s page to its campaign, and says when it is in none', async () => {
    await aCallWithACampaign()
    const row = await runtime.deps.db
      .selectFrom('consultationMember' as never)
      .select('contributionId' as never)
      .limit(1)
      .executeTakeFirstOrThrow()
    const id = Number((row as { contributionId: number }).contributionId)
    const visitor = new TestClient(runtime)
    expect((await visitor.get(`/contributions/${id}`)).html).toContain(`/contributions/${id}/campaign`)
    const to = await visitor.request(`/contributions/${id}/campaign`)
    expect(to.headers.get('location')).toBe(`/campaigns/${await campaignOfContribution(runtime.deps.db, id)}`)
    expect((await visitor.get('/contributions/999999/campaign')).html).toContain('in no campaign')
  })

  it('pages the contributions in no campaign by keyset, and gives the compilation by campaign in Word', async () => {
    const callId = await aCallWithACampaign()
    // a page and two more texts of pseudo-random words: near to none, so each is in no campaign
    let seed = 7
    const word = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return `w${seed % 5000}`
    }
    const rows = ['external_id,submitted_at,speaker_kind,speaker_name,organization,country,language,question,text']
    for (let i = 0; i < LONE_PER_PAGE + 2; i++)
      rows.push(`L${i},2026-11-03T10:00:00Z,individual,Lone ${i},,,en,1,${Array.from({ length: 30 }, word).join(' ')}`)
    expect((await upload(staff, callId, 'lone.csv', `${rows.join('\n')}\n`)).status).toBe(303)
    await runJobs()
    const visitor = new TestClient(runtime)
    const first = await visitor.get(`/calls/${callId}/compilation/campaigns`)
    const ids = (html: string) => [...html.matchAll(/href="\/contributions\/(\d+)"/g)].map((m) => Number(m[1]))
    expect(first.html).toContain('href="/campaigns/')
    expect(ids(first.html)).toHaveLength(LONE_PER_PAGE)
    const next = first.html.match(/href="([^"]*\?after=(\d+))" rel="next"/)
    expect(Number(next?.[2])).toBe(ids(first.html).at(-1))
    const second = await visitor.get(next?.[1] as string)
    expect(second.html).not.toContain('href="/campaigns/')
    expect(second.html).toContain('First page')
    expect(second.html).not.toContain('rel="next"')
    expect(ids(second.html).length).toBeGreaterThanOrEqual(2)
    expect(Math.min(...ids(second.html))).toBeGreaterThan(Math.max(...ids(first.html)))
    expect((await visitor.get(`/calls/${callId}/compilation/campaigns?after=x`)).response.status).toBe(400)
    const docx = await visitor.request(`/calls/${callId}/compilation/campaigns.docx`)
    expect(docx.headers.get('content-type')).toContain('wordprocessingml')
    const text = await docxText(Buffer.from(await docx.arrayBuffer()))
    expect(text.ok && text.text).toContain('Keep the Internet open')
    expect(text.ok && text.text).toContain(`Lone ${LONE_PER_PAGE + 1}`)
    expect(text.ok && text.text).toContain('Lone 0')
  })
})
