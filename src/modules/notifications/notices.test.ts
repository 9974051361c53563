// Notices on each database: every kind reaches the right people and nobody else (a delegate of a
// State that is not a member of the body hears no silence procedure; a restricted entry reaches
// only the person it names); switching a kind off works; "immediate" mails at once and "daily"
// waits for the day's digest; a crash before the cursor moves loses and repeats nothing; the
// 24-hour warning comes once; the text is in the reader's language and time zone.
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountWithRole, signUp, TestClient } from '../../../test/support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { recordAudit } from '../../core/audit/audit.ts'
import { type Actor, SYSTEM } from '../../core/auth/actor.ts'
import { activeGrants } from '../../core/auth/grants.ts'
import { addBodyMember, createBody } from '../bodies/index.ts'
import {
  breakSilence,
  circulateUnderSilence,
  concludeSilence,
  createDocument,
  declare,
  issueRevision,
  paragraphsOf,
  parseUnText,
  reopenParagraph,
} from '../negotiation/index.ts'
import { createProcess, guidingQuestions, openCall } from '../processes/index.ts'
import { follow } from './commands.ts'
import { setNoticePreferences } from './commands-notices.ts'
import { queueNoticeDigests } from './notice-digest.ts'
import { checkDeadlines, readAuditLog } from './notices-job.ts'

const TEXT = `Draft recommendations

1. Recommends that all relevant organizations report annually to the Commission;

2. Invites Member States to establish national focal points;

3. Decides to review progress at its next session.
`
const HOUR = 3_600_000
const DAY = 24 * HOUR

describe.each(DATABASE_KINDS)('notices on %s', (kind) => {
  let runtime: TestRuntime
  const db = () => runtime.deps.db
  let bodyId: number
  let processId: number
  const people = {} as Record<
    'chair' | 'bra' | 'bra2' | 'zaf' | 'usa' | 'follower' | 'outsider',
    { id: number; email: string; actor: Actor }
  >

  async function person(
    name: keyof typeof people,
    role: Parameters<typeof accountWithRole>[1],
    scope: Parameters<typeof accountWithRole>[2],
  ) {
    const a = await accountWithRole(runtime, role, scope, name)
    people[name] = {
      id: a.accountId,
      email: a.email,
      actor: {
        kind: 'account',
        accountId: a.accountId,
        displayName: name,
        email: a.email,
        grants: await activeGrants(db(), a.accountId),
        via: 'session',
      },
    }
  }
  const at = (who: keyof typeof people, now = new Date()) => ({ actor: people[who].actor, now })
  const noticesOf = (who: keyof typeof people, kind?: string) => {
    let q = db()
      .withTables<import('./tables.ts').NotificationsTables>()
      .selectFrom('notificationsNotice')
      .select(['id', 'kind', 'href', 'dueAt', 'delivery', 'mailedAt', 'sourceKey'])
      .where('accountId', '=', people[who].id)
    if (kind) q = q.where('kind', '=', kind)
    return q.orderBy('id').execute()
  }
  const mailsTo = (who: keyof typeof people, mailKind = 'notice') =>
    db()
      .selectFrom('coreMailOutbox')
      .select(['subject', 'bodyText', 'dedupeKey', 'locale'])
      .where('toAddress', '=', people[who].email)
      .where('kind', '=', mailKind)
      .orderBy('id')
      .execute()
  const read = (now = new Date()) => readAuditLog(db(), runtime.deps, now)

  async function newDocument() {
    const created = await createDocument(db(), at('chair'), {
      processId,
      title: 'Draft outcome',
      imported: parseUnText(TEXT),
    })
    if (!created.ok) throw new Error(JSON.stringify(created.error))
    const paragraphs = await paragraphsOf(db(), created.value.id)
    return { id: created.value.id, paragraphs: paragraphs.filter((p) => p.label).map((p) => p.id) }
  }

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    const system = { actor: SYSTEM, now: new Date() }
    const body = await createBody(db(), system, { slug: 'wgn', name: 'Working Group on Notices', acronym: 'WGN' })
    if (!body.ok) throw new Error(JSON.stringify(body.error))
    bodyId = body.value.id
    for (const [iso3, standing] of [
      ['BRA', 'member'],
      ['ZAF', 'member'],
      ['USA', 'observer'],
    ] as const) {
      const added = await addBodyMember(db(), system, bodyId, { standing, memberStateIso3: iso3 })
      if (!added.ok) throw new Error(JSON.stringify(added.error))
    }
    const process = await createProcess(db(), system, {
      bodyId,
      slug: 'wgn-p',
      title: 'Notices process',
      mandateSymbol: 'E/RES/2026/9',
      questions: ['What should be done?'],
    })
    if (!process.ok) throw new Error(JSON.stringify(process.error))
    processId = process.value.id
    await person('chair', 'chair', { type: 'body', id: String(bodyId) })
    await person('bra', 'government_delegate', { type: 'member_state', id: 'BRA' })
    await person('bra2', 'government_delegate', { type: 'member_state', id: 'BRA' })
    await person('zaf', 'government_delegate', { type: 'member_state', id: 'ZAF' })
    await person('usa', 'government_delegate', { type: 'member_state', id: 'USA' })
    await person('follower', 'stakeholder_representative', null)
    await person('outsider', 'stakeholder_representative', null)
    expect((await follow(db(), at('follower'), { type: 'process', id: processId })).ok).toBe(true)
    // what the set-up itself recorded is behind us
    await read()
  })
  afterAll(() => runtime.close())

  it('tells the delegates of the member States and the followers of a silence procedure, nobody else, and mails them at once', async () => {
    const doc = await newDocument()
    const deadline = new Date(Date.now() + 4 * DAY)
    const silence = await circulateUnderSilence(db(), at('chair'), doc.id, {
      paragraphIds: doc.paragraphs.slice(0, 2),
      deadline,
    })
    expect(silence.ok).toBe(true)
    await read()
    for (const who of ['bra', 'bra2', 'zaf', 'follower'] as const) {
      const got = (await noticesOf(who, 'silence_started')).filter((n) => n.href === `/negotiation/${doc.id}`)
      expect(got, who).toHaveLength(1)
      expect(got[0]?.dueAt?.toISOString()).toBe(deadline.toISOString())
    }
    // an observer State's delegate, someone unrelated and the Chair who circulated it hear nothing
    for (const who of ['usa', 'outsider', 'chair'] as const)
      expect(await noticesOf(who, 'silence_started'), who).toEqual([])
    const mail = (await mailsTo('bra')).filter((m) => m.bodyText.includes(`/negotiation/${doc.id}`))
    expect(mail).toHaveLength(1)
    expect(mail[0]?.subject).toContain('2 paragraphs of “\u2068Draft outcome\u2069”')
    expect(mail[0]?.bodyText).toContain('break the silence before')
    expect(mail[0]?.bodyText).toContain('/me/notifications/preferences')
  })

  it('warns once when 24 hours are left, and not at all once every paragraph is broken', async () => {
    const doc = await newDocument()
    const start = new Date(Date.now() - 2.5 * DAY)
    const deadline = new Date(start.getTime() + 3 * DAY)
    await circulateUnderSilence(db(), at('chair', start), doc.id, {
      paragraphIds: [doc.paragraphs[0] as number],
      deadline,
    })
    const other = await newDocument()
    await circulateUnderSilence(db(), at('chair', start), other.id, {
      paragraphIds: [other.paragraphs[0] as number],
      deadline,
    })
    const broken = await breakSilence(db(), at('zaf'), await lastSilenceId(), 'ZAF', 'We need more time')
    expect(broken).toMatchObject({ ok: true, value: { status: 'broken' } })
    await read()
    // 2.5 days in, 12 hours left: the warning for the first; the broken one is over
    const now = new Date()
    expect(await checkDeadlines(db(), runtime.deps, now)).toBeGreaterThan(0)
    expect(await checkDeadlines(db(), runtime.deps, new Date(now.getTime() + HOUR))).toBe(0)
    await read()
    const warned = (await noticesOf('bra', 'silence_24h')).map((n) => n.href)
    expect(warned).toEqual([`/negotiation/${doc.id}`])
    expect((await noticesOf('usa', 'silence_24h')).length).toBe(0)
    // the break reached the other member's delegates and the follower, not the State that broke it
    expect((await noticesOf('bra', 'silence_broken')).map((n) => n.href)).toContain(`/negotiation/${other.id}`)
    expect((await noticesOf('follower', 'silence_broken')).map((n) => n.href)).toContain(`/negotiation/${other.id}`)
    expect(await noticesOf('zaf', 'silence_broken')).toEqual([])
  })

  /** Agreed ad ref, then adopted: the Chair adopts text nobody took a position on that way. */
  async function adopt(paragraphId: number, now = new Date()) {
    for (const step of ['agreed_ad_ref', 'adopted'] as const)
      expect((await declare(db(), at('chair', now), paragraphId, step)).ok).toBe(true)
  }

  async function lastSilenceId(): Promise<number> {
    const row = await db()
      .selectFrom('auditEntry')
      .select('payload')
      .where('action', '=', 'negotiation.silence_circulated')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
    return Number((row.payload as { silenceId: number }).silenceId)
  }

  it('tells of the end of a silence procedure, of paragraphs adopted and reopened, and of a revision', async () => {
    const doc = await newDocument()
    const start = new Date(Date.now() - 4 * DAY)
    await circulateUnderSilence(db(), at('chair', start), doc.id, {
      paragraphIds: [doc.paragraphs[0] as number],
      deadline: new Date(start.getTime() + 3 * DAY),
    })
    const silenceId = await lastSilenceId()
    expect(await concludeSilence(db(), { actor: SYSTEM, now: new Date() }, silenceId)).toEqual({
      ok: true,
      value: 'adopted',
    })
    await adopt(doc.paragraphs[1] as number)
    expect((await reopenParagraph(db(), at('chair'), doc.paragraphs[1] as number, 'A new fact came to light')).ok).toBe(
      true,
    )
    expect((await issueRevision(db(), at('chair'), doc.id, 'After the silence')).ok).toBe(true)
    await read()
    const kinds = (await noticesOf('zaf'))
      .filter(
        (n) => n.href.includes(`/negotiation/${doc.id}`) || doc.paragraphs.some((p) => n.href === `/paragraphs/${p}`),
      )
      .map((n) => n.kind)
    expect(kinds).toEqual(
      expect.arrayContaining([
        'silence_started',
        'silence_ended',
        'paragraph_adopted',
        'paragraph_reopened',
        'revision_issued',
      ]),
    )
    expect((await noticesOf('zaf', 'paragraph_adopted')).map((n) => n.href)).toEqual(
      expect.arrayContaining([`/paragraphs/${doc.paragraphs[0]}`, `/paragraphs/${doc.paragraphs[1]}`]),
    )
    expect((await noticesOf('usa')).filter((n) => n.kind === 'revision_issued')).toEqual([])
  })

  it('lets a delegate switch silence notices off (an opt-out), leaving the other kinds as they were', async () => {
    expect(
      (await setNoticePreferences(db(), at('bra2'), { deliveries: { silence_started: 'off' }, timeZone: 'UTC' })).ok,
    ).toBe(true)
    try {
      const doc = await newDocument()
      await circulateUnderSilence(db(), at('chair'), doc.id, {
        paragraphIds: [doc.paragraphs[2] as number],
        deadline: new Date(Date.now() + 4 * DAY),
      })
      expect((await issueRevision(db(), at('chair'), doc.id, 'Rev')).ok).toBe(true)
      await read()
      const mine = (await noticesOf('bra2'))
        .filter((n) => n.href.startsWith(`/negotiation/${doc.id}`))
        .map((n) => n.kind)
      expect(mine).toEqual(['revision_issued'])
      expect(
        (await noticesOf('bra')).filter((n) => n.href.startsWith(`/negotiation/${doc.id}`)).map((n) => n.kind),
      ).toEqual(['silence_started', 'revision_issued'])
    } finally {
      // the other tests expect bra2 to hear of silence procedures, whatever order they run in
      await setNoticePreferences(db(), at('bra2'), { deliveries: { silence_started: 'immediate' }, timeZone: 'UTC' })
    }
  })

  it('mails "immediate" kinds at once and gathers "daily" ones in one digest once the reader’s day is over', async () => {
    expect(
      (
        await setNoticePreferences(db(), at('zaf'), {
          deliveries: { revision_issued: 'immediate', paragraph_adopted: 'inbox' },
          timeZone: 'Asia/Tokyo',
        })
      ).ok,
    ).toBe(true)
    const doc = await newDocument()
    const now = new Date()
    expect((await issueRevision(db(), at('chair', now), doc.id, 'Daily or not')).ok).toBe(true)
    await adopt(doc.paragraphs[0] as number, now)
    await read(now)
    const revisionMail = (m: { bodyText: string }) => m.bodyText.includes(`/negotiation/${doc.id}/revisions/1`)
    // the follower has the defaults: revisions come in the daily digest, not at once
    expect((await mailsTo('follower')).filter(revisionMail)).toEqual([])
    expect((await mailsTo('zaf')).filter(revisionMail)).toHaveLength(1)
    // the same day, no digest yet; the next day, one, and never a second for that day
    expect(await queueNoticeDigests(db(), runtime.deps, now)).toBe(0)
    const tomorrow = new Date(now.getTime() + DAY)
    expect(await queueNoticeDigests(db(), runtime.deps, tomorrow)).toBeGreaterThan(0)
    expect(await queueNoticeDigests(db(), runtime.deps, tomorrow)).toBe(0)
    const digests = await mailsTo('follower', 'notice_digest')
    expect(digests.filter(revisionMail)).toHaveLength(1)
    // "inbox" stays in the inbox: in no mail, and not pending for a digest
    const inboxOnly = (await noticesOf('zaf', 'paragraph_adopted')).filter(
      (n) => n.href === `/paragraphs/${doc.paragraphs[0]}`,
    )
    expect(inboxOnly.map((n) => n.delivery)).toEqual(['inbox'])
    expect(
      (await mailsTo('zaf', 'notice_digest')).filter((m) => m.bodyText.includes(`/paragraphs/${doc.paragraphs[0]}`)),
    ).toEqual([])
  })

  it('makes each notice exactly once when the job dies between writing the notices and moving the cursor', async () => {
    // South Africa's delegate is mailed revisions at once (set here too, not left to another test)
    const zafPrefs = { deliveries: { revision_issued: 'immediate' as const }, timeZone: 'Asia/Tokyo' }
    expect((await setNoticePreferences(db(), at('zaf'), zafPrefs)).ok).toBe(true)
    const doc = await newDocument()
    expect((await issueRevision(db(), at('chair'), doc.id, 'Crash test')).ok).toBe(true)
    const crash = readAuditLog(db(), runtime.deps, new Date(), {
      beforeCursorMoves: () => {
        throw new Error('killed')
      },
    })
    await expect(crash).rejects.toThrow('killed')
    const ofDoc = async () =>
      (await noticesOf('bra', 'revision_issued')).filter((n) => n.href.startsWith(`/negotiation/${doc.id}/`))
    expect(await ofDoc()).toEqual([])
    // the next run reads the same entries again: one notice, one mail
    await read()
    await read()
    expect(await ofDoc()).toHaveLength(1)
    expect(
      (await mailsTo('zaf')).filter((m) => m.bodyText.includes(`/negotiation/${doc.id}/revisions/1`)),
    ).toHaveLength(1)
  })

  it('never lets a restricted entry reach people it does not name', async () => {
    const doc = await newDocument()
    // a restricted entry about a document: neither its followers nor the body's delegates hear of it
    await recordAudit(db(), {
      actor: SYSTEM,
      action: 'negotiation.silence_circulated',
      subjectType: 'negotiating_document',
      subjectId: doc.id,
      payload: { silenceId: 999_999, paragraphIds: [1], deadline: new Date(Date.now() + 4 * DAY).toISOString() },
      public: false,
    })
    // a refusal of accreditation (restricted): only the person who asked
    await recordAudit(db(), {
      actor: people.chair.actor,
      action: 'accreditation.refused',
      subjectType: 'accreditation_request',
      subjectId: 77,
      payload: { reason: 'Not yet confirmed', requestedBy: people.outsider.id, decidedBy: people.chair.id },
      public: false,
    })
    await read()
    for (const who of ['bra', 'zaf', 'follower'] as const)
      expect(
        (await noticesOf(who, 'silence_started')).filter((n) => n.href === `/negotiation/${doc.id}`),
        who,
      ).toEqual([])
    expect((await noticesOf('outsider', 'accreditation_decided')).map((n) => n.href)).toEqual(['/accreditation'])
    for (const who of ['bra', 'follower', 'chair'] as const)
      expect(await noticesOf(who, 'accreditation_decided'), who).toEqual([])
  })

  it('tells the asked State of a co-sponsorship request, an organization of its annual report, and followers of calls and reports', async () => {
    await recordAudit(db(), {
      actor: people.bra.actor,
      action: 'proposal.cosponsorship_requested',
      subjectType: 'proposal',
      subjectId: 41,
      payload: { cosponsorshipId: 1, memberStateIso3: 'ZAF', organizationId: null },
    })
    const org = 5150
    await recordAudit(db(), {
      actor: SYSTEM,
      action: 'annual_report.cycle_opened',
      subjectType: 'annual_report_cycle',
      subjectId: 1,
      payload: {
        year: 2031,
        deadline: new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10),
        organizationIds: [org],
      },
    })
    const rep = await accountWithRole(runtime, 'stakeholder_representative', { type: 'organization', id: String(org) })
    await recordAudit(db(), {
      actor: SYSTEM,
      action: 'annual_report.reminder_sent',
      subjectType: 'organization',
      subjectId: org,
      payload: {
        year: 2031,
        organizationId: org,
        deadline: new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10),
      },
    })
    await recordAudit(db(), {
      actor: SYSTEM,
      action: 'report.issued',
      subjectType: 'process',
      subjectId: processId,
      payload: { symbol: 'E/CN.16/2031/CRP.1' },
    })
    const questions = await guidingQuestions(db(), processId)
    const closesAt = new Date(Date.now() + 2 * DAY)
    const call = await openCall(db(), at('chair'), processId, {
      title: 'Views on focal points',
      opensAt: new Date(Date.now() - HOUR),
      closesAt,
      eligibility: 'everyone',
      languages: ['en'],
      moderation: 'immediate',
      questionIds: questions.map((q) => q.id),
    })
    expect(call.ok).toBe(true)
    await read()
    await checkDeadlines(db(), runtime.deps, new Date())
    expect((await noticesOf('zaf', 'cosponsorship_requested')).map((n) => n.href)).toEqual(['/proposals/41'])
    expect(await noticesOf('bra2', 'cosponsorship_requested')).toEqual([])
    const repNotices = await db()
      .withTables<import('./tables.ts').NotificationsTables>()
      .selectFrom('notificationsNotice')
      .select('kind')
      .where('accountId', '=', rep.accountId)
      .orderBy('id')
      .execute()
    // the invitation, then the reminder the annual-reports module sent (no second one from the deadline)
    expect(repNotices.map((n) => n.kind)).toEqual(['annual_report_invitation', 'annual_report_reminder'])
    expect((await noticesOf('follower', 'report_issued')).map((n) => n.href)).toEqual([
      `/processes/${processId}/report`,
    ])
    expect((await noticesOf('zaf', 'report_issued')).map((n) => n.href)).toEqual([`/processes/${processId}/report`])
    const calls = [...(await noticesOf('follower', 'call_opened')), ...(await noticesOf('follower', 'call_closing'))]
    expect(calls.map((n) => n.kind)).toEqual(['call_opened', 'call_closing'])
    expect(await noticesOf('bra', 'call_opened')).toEqual([])
  })

  it('writes the notice in the reader’s language and time zone: Arabic in Riyadh, English in New York', async () => {
    const arabic = await signUp(runtime, 'Layla Haddad')
    const account = await db()
      .selectFrom('authAccount')
      .select('id')
      .where('email', '=', arabic.email)
      .executeTakeFirstOrThrow()
    await db().updateTable('authAccount').set({ preferredLocale: 'ar' }).where('id', '=', account.id).execute()
    const arActor: Actor = {
      kind: 'account',
      accountId: account.id,
      displayName: 'Layla',
      email: arabic.email,
      grants: [],
      via: 'session',
    }
    await setNoticePreferences(db(), { actor: arActor, now: new Date() }, { deliveries: {}, timeZone: 'Asia/Riyadh' })
    await follow(db(), { actor: arActor, now: new Date() }, { type: 'process', id: processId })
    await setNoticePreferences(db(), at('follower'), { deliveries: {}, timeZone: 'America/New_York' })
    const doc = await newDocument()
    const deadline = new Date('2031-03-04T15:30:00Z')
    await circulateUnderSilence(db(), at('chair'), doc.id, { paragraphIds: [doc.paragraphs[0] as number], deadline })
    await read()
    const ar = (
      await db()
        .selectFrom('coreMailOutbox')
        .select(['subject', 'bodyText', 'locale'])
        .where('toAddress', '=', arabic.email)
        .where('kind', '=', 'notice')
        .execute()
    ).at(-1)
    expect(ar?.locale).toBe('ar')
    expect(ar?.subject).toContain('إجراء الموافقة الضمنية')
    const riyadh = runtime.deps.messages.translator('ar', 'Asia/Riyadh').dateTime(deadline)
    expect(ar?.bodyText).toContain(`قبل ${riyadh}`)
    expect(riyadh).toMatch(/٦:٣٠|6:30/)
    const en = (await mailsTo('follower')).filter((m) => m.bodyText.includes(`/negotiation/${doc.id}`)).at(-1)
    const newYork = runtime.deps.messages.translator('en', 'America/New_York').dateTime(deadline)
    expect(en?.bodyText).toContain(`break the silence before ${newYork}`)
    expect(newYork).toContain('10:30')
  })

  it('shows the inbox and the API to its owner only, marks notices read, and keeps a refused preference form', async () => {
    const { client } = await accountWithRole(
      runtime,
      'government_delegate',
      { type: 'member_state', id: 'BRA' },
      'Inbox Reader',
    )
    const doc = await newDocument()
    await circulateUnderSilence(db(), at('chair'), doc.id, {
      paragraphIds: [doc.paragraphs[0] as number],
      deadline: new Date(Date.now() + 4 * DAY),
    })
    await read()
    const page = await client.get('/me/notifications?lang=en')
    expect(page.response.status).toBe(200)
    expect(page.html).toContain('1 unread notice')
    expect(page.html).toContain(`href="/negotiation/${doc.id}"`)
    const api = await client.json('/api/v1/me/notifications?lang=ar')
    expect(api.status).toBe(200)
    expect(api.body.meta).toEqual({ total: 1, unread: 1 })
    const notice = api.body.data[0]
    expect(notice.kind).toBe('silence_started')
    expect(notice.title).toContain('الموافقة الضمنية')
    // someone else's notice cannot be marked: it is not found
    const other = await accountWithRole(runtime, 'stakeholder_representative', null, 'Other')
    const foreign = await other.client.submit(
      '/me/notifications/read',
      { notice: String(notice.id) },
      '/me/notifications',
    )
    expect(foreign.response.status).toBe(404)
    const marked = await client.submit('/me/notifications/read', { notice: String(notice.id) }, '/me/notifications')
    expect(marked.response.status).toBe(303)
    expect((await client.json('/api/v1/me/notifications?unread=true')).body.meta).toEqual({ total: 0, unread: 0 })
    const anonymous = await new TestClient(runtime).json('/api/v1/me/notifications')
    expect(anonymous.status).toBe(401)

    const refused = await client.submit(
      '/me/notifications/preferences',
      { timeZone: 'Mars/Olympus_Mons', 'deliveries.silence_started': 'off' },
      '/me/notifications/preferences',
    )
    expect(refused.response.status).toBe(400)
    expect(refused.html).toContain('Choose a time zone from the list')
    expect(refused.html).toMatch(/value="off"[^>]*checked/)
    const saved = await client.submit(
      '/me/notifications/preferences',
      { timeZone: 'Africa/Nairobi', 'deliveries.silence_started': 'daily' },
      '/me/notifications/preferences',
    )
    expect(saved.response.status).toBe(303)
    const preferences = (await client.get('/me/notifications/preferences')).html
    expect(preferences).toMatch(/value="Africa\/Nairobi" selected/)
    // every time zone in the list, fourteen kinds with four choices: still a light page
    for (const html of [preferences, (await client.get('/me/notifications')).html])
      expect(gzipSync(html).length).toBeLessThan(30_000)
  })
})
