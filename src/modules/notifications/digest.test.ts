// Following and digests on each database: a person follows a process or a body through the page's
// button, chooses daily or weekly, and the digest job queues one message per person per period,
// none when nothing happened, never two for the same period.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signUp, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { createBody, createProcess, scheduleMeeting } from '../processes/index.ts'
import { queueDigests } from './digest.ts'

describe.each(DATABASE_KINDS)('notifications on %s', (kind) => {
  let runtime: TestRuntime

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
  })
  afterAll(() => runtime.close())

  /** A body and its process of one's own: each test reads only what it made happen. */
  let made = 0
  async function fixture() {
    made++
    const ctx = { actor: SYSTEM, now: new Date('2026-11-01T09:00:00Z') }
    const slug = `wg${made}`
    const body = await createBody(runtime.deps.db, ctx, { slug, name: `A Working Group ${made}`, acronym: `WG${made}` })
    if (!body.ok) throw new Error(JSON.stringify(body.error))
    const process = await createProcess(runtime.deps.db, ctx, {
      bodyId: body.value.id,
      slug: `${slug}-2026`,
      title: 'The Working Group’s 2026 process',
      mandateSymbol: 'E/RES/2026/1',
      questions: ['What should be done?'],
    })
    if (!process.ok) throw new Error(JSON.stringify(process.error))
    return { bodyId: body.value.id, bodySlug: slug, processId: process.value.id }
  }

  const outbox = (address: string) =>
    runtime.deps.db
      .selectFrom('coreMailOutbox')
      .select(['subject', 'bodyText', 'dedupeKey'])
      .where('toAddress', '=', address)
      // the address also got its sign-up confirmation
      .where('kind', '=', 'digest')
      .orderBy('id')
      .execute()

  async function meetingAt(processId: number, number: number, createdAt: string) {
    const scheduled = await scheduleMeeting(runtime.deps.db, { actor: SYSTEM, now: new Date(createdAt) }, processId, {
      number,
      title: `Meeting number ${number}`,
      venue: 'Palais des Nations, Geneva',
      startsAt: new Date('2027-01-10T09:00:00Z'),
      endsAt: new Date('2027-01-10T17:00:00Z'),
    })
    if (!scheduled.ok) throw new Error(JSON.stringify(scheduled.error))
  }

  it('sends one daily digest per period with what happened, and nothing twice', async () => {
    const { processId } = await fixture()
    const { client, email } = await signUp(runtime, 'Daily Reader')
    const followed = await client.submit(
      '/follows',
      { subject: 'process', id: String(processId), action: 'follow', back: `/processes/${processId}` },
      `/processes/${processId}`,
    )
    expect(followed.response.status).toBe(303)
    expect((await client.get(`/processes/${processId}`)).html).toContain('Stop following')
    await client.submit('/account/notifications', { frequency: 'daily' })

    await meetingAt(processId, 1, '2026-11-24T10:00:00Z')
    await meetingAt(processId, 2, '2026-11-24T15:00:00Z')
    const morning = new Date('2026-11-25T00:20:00Z')
    await queueDigests(runtime.deps.db, runtime.deps, morning)
    await queueDigests(runtime.deps.db, runtime.deps, new Date('2026-11-25T06:00:00Z'))
    const mails = await outbox(email)
    expect(mails).toHaveLength(1)
    expect(mails[0]?.subject).toContain('2 changes')
    expect(mails[0]?.bodyText).toContain('Meeting number 1')
    expect(mails[0]?.bodyText).toContain('Meeting number 2')
    expect(mails[0]?.bodyText).toContain('/account/notifications')

    // a quiet day brings no message; the next busy one brings its own
    await queueDigests(runtime.deps.db, runtime.deps, new Date('2026-11-26T01:00:00Z'))
    expect(await outbox(email)).toHaveLength(1)
    await meetingAt(processId, 3, '2026-11-26T12:00:00Z')
    await queueDigests(runtime.deps.db, runtime.deps, new Date('2026-11-27T01:00:00Z'))
    const later = await outbox(email)
    expect(later).toHaveLength(2)
    expect(later[1]?.bodyText).toContain('Meeting number 3')
    expect(later[1]?.bodyText).not.toContain('Meeting number 1')
  })

  it('gathers a body’s processes into a weekly digest, and stops when asked', async () => {
    const { processId, bodyId, bodySlug } = await fixture()
    const { client, email } = await signUp(runtime, 'Weekly Reader')
    await client.submit(
      '/follows',
      { subject: 'body', id: String(bodyId), action: 'follow', back: `/bodies/${bodySlug}` },
      `/bodies/${bodySlug}`,
    )
    // weekly is the default: the week of Monday 16 November, sent after Monday 23
    await meetingAt(processId, 4, '2026-11-18T10:00:00Z')
    await queueDigests(runtime.deps.db, runtime.deps, new Date('2026-11-22T23:00:00Z'))
    expect(await outbox(email)).toHaveLength(0)
    await queueDigests(runtime.deps.db, runtime.deps, new Date('2026-11-23T00:30:00Z'))
    const mails = await outbox(email)
    expect(mails).toHaveLength(1)
    expect(mails[0]?.bodyText).toContain('Meeting number 4')
    expect(mails[0]?.dedupeKey).toMatch(/weekly:2026-11-16$/)

    await client.submit('/account/notifications', { frequency: 'never' })
    await meetingAt(processId, 5, '2026-11-25T10:00:00Z')
    await queueDigests(runtime.deps.db, runtime.deps, new Date('2026-12-01T00:30:00Z'))
    expect(await outbox(email)).toHaveLength(1)
  })

  it('lets only signed-in people follow, and shows everyone the number of followers', async () => {
    const { processId } = await fixture()
    const anonymous = new TestClient(runtime)
    // a process nobody follows shows no count
    const followers = (html: string) => Number(/(\d+) followers?/.exec(html)?.[1] ?? 0)
    const page = (await anonymous.get(`/processes/${processId}`)).html
    expect(page).toContain('Sign in to follow')
    const before = followers(page)
    expect(before).toBe(0)
    // with a valid form token (the process page offers a visitor no form; the sign-in page does),
    // so the refusal is the follow's own, not the CSRF check's
    const anonymousFollow = await anonymous.submit(
      '/follows',
      { subject: 'process', id: String(processId), action: 'follow' },
      '/sign-in',
    )
    expect(anonymous.lastCsrf).not.toBe('')
    expect(anonymousFollow.response.status).toBe(401)
    expect(anonymousFollow.html).toContain('Sign in to do this.')
    expect(anonymousFollow.html).not.toContain('did not come from this site')
    expect(followers((await anonymous.get(`/processes/${processId}`)).html)).toBe(before)
    const { client } = await signUp(runtime, 'Unfollower')
    await client.submit(
      '/follows',
      { subject: 'process', id: String(processId), action: 'follow' },
      `/processes/${processId}`,
    )
    const list = (await client.get('/account/notifications')).html
    expect(list).toContain('The Working Group’s 2026 process')
    expect(followers((await anonymous.get(`/processes/${processId}`)).html)).toBe(before + 1)
    await client.submit(
      '/follows',
      { subject: 'process', id: String(processId), action: 'unfollow' },
      '/account/notifications',
    )
    expect((await client.get('/account/notifications')).html).toContain('You follow nothing yet')
    expect(followers((await anonymous.get(`/processes/${processId}`)).html)).toBe(before)
    const missing = await client.submit(
      '/follows',
      { subject: 'process', id: '999999', action: 'follow' },
      '/account/notifications',
    )
    expect(missing.response.status).toBe(404)
  })
})
