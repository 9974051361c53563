// Loads the demo: the chain of bodies (General Assembly, ECOSOC, CSTD, WGEC), the WGEC 2016-2018
// with its mandate, questions, call, five meetings and the report's transmission, and the
// CSTD's standing agenda item on enhanced cooperation for 2027 with an open call. The demo's Chair
// chairs the two bodies whose processes it runs (the WGEC and the CSTD); the WGEC process concludes
// once every module's demo has written its history into it.
import { recordAudit } from '../../core/audit/audit.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { grantRole } from '../../core/auth/grants.ts'
import type { Db } from '../../core/db/database.ts'
import type { DemoContext } from '../../core/module.ts'
import type { Result } from '../../core/result.ts'
import { findOrganizationBySlug } from '../actors/index.ts'
import {
  addBodyMember,
  addBodyOfficer,
  addDocument,
  changeProcessState,
  createBody,
  createProcess,
  openCall,
  recordAttendance,
  recordMeetingOutcome,
  recordTransmission,
  scheduleMeeting,
} from './commands.ts'
import {
  CSTD_2027_QUESTIONS,
  WGEC_MANDATE,
  WGEC_MEETINGS,
  WGEC_ORGANIZATIONS,
  WGEC_QUESTIONS,
  WGEC_STATES,
} from './demo-data.ts'
import { guidingQuestions } from './queries.ts'
import { localToInstant } from './rules/time.ts'

function must<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`demo ${what}: ${JSON.stringify(result.error)}`)
  return result.value
}

const geneva = (local: string) => localToInstant(local, 'Europe/Zurich') as Date

async function organizationIds(db: Db, slugs: string[]): Promise<number[]> {
  const ids: number[] = []
  for (const slug of slugs) {
    const org = await findOrganizationBySlug(db, slug)
    if (!org) throw new Error(`demo organization ${slug} is missing`)
    ids.push(org.id)
  }
  return ids
}

/** The demo's Chair account chairs `bodyId`: a grant scoped to that body, as an administrator makes it. */
async function chairOf(ctx: DemoContext, bodyId: number) {
  const chair = ctx.accounts.get('chair')
  if (!chair) throw new Error('demo account chair is missing')
  const scope = { type: 'body' as const, id: String(bodyId) }
  const grant = await grantRole(ctx.db, { accountId: chair.id, role: 'chair', scope, grantedBy: null })
  await recordAudit(ctx.db, {
    actor: SYSTEM,
    action: 'role.granted',
    subjectType: 'account',
    subjectId: chair.id,
    payload: { grantId: grant.id, role: 'chair', scope },
  })
}

export async function loadProcessesDemo(demo: DemoContext): Promise<void> {
  const { db } = demo
  const at = (iso: string) => ({ actor: SYSTEM, now: new Date(iso) })
  const ctx = at('2016-05-13T12:00:00Z')
  const ga = must(
    await createBody(db, ctx, { slug: 'unga', name: 'United Nations General Assembly', acronym: 'UNGA' }),
    'GA',
  )
  const ecosoc = must(
    await createBody(db, ctx, {
      slug: 'ecosoc',
      name: 'Economic and Social Council',
      acronym: 'ECOSOC',
      parentBodyId: ga.id,
      memberStateSeats: 54,
    }),
    'ECOSOC',
  )
  const cstd = must(
    await createBody(db, ctx, {
      slug: 'cstd',
      name: 'Commission on Science and Technology for Development',
      acronym: 'CSTD',
      parentBodyId: ecosoc.id,
      memberStateSeats: 43,
      description:
        'A subsidiary body of ECOSOC and the UN system’s focal point for the follow-up of the World Summit on the Information Society.',
    }),
    'CSTD',
  )
  const wgec = must(
    await createBody(db, ctx, {
      slug: 'wgec',
      name: 'Working Group on Enhanced Cooperation',
      acronym: 'WGEC',
      parentBodyId: cstd.id,
      memberStateSeats: 22,
      stakeholderSeats: {
        private_sector: 4,
        civil_society: 5,
        technical_community: 5,
        academic_community: 2,
        intergovernmental_organization: 4,
      },
      illustrativeMembership: true,
      description:
        'Established by the Chair of the CSTD in 2016 under A/RES/70/125 para 65 to develop recommendations on how to further implement enhanced cooperation as envisioned by the Tunis Agenda.',
    }),
    'WGEC',
  )
  await chairOf(demo, wgec.id)
  await chairOf(demo, cstd.id)
  for (const iso3 of WGEC_STATES) {
    must(
      await addBodyMember(db, ctx, wgec.id, { standing: 'member', memberStateIso3: iso3, since: '2016-06-01' }),
      iso3,
    )
  }
  const orgIds = await organizationIds(db, WGEC_ORGANIZATIONS)
  for (const organizationId of orgIds) {
    must(await addBodyMember(db, ctx, wgec.id, { standing: 'member', organizationId, since: '2016-06-01' }), 'member')
  }
  const [unDesa] = await organizationIds(db, ['un-desa'])
  must(await addBodyMember(db, ctx, wgec.id, { standing: 'observer', organizationId: unDesa as number }), 'observer')
  must(
    await addBodyOfficer(db, ctx, wgec.id, {
      office: 'chair',
      name: 'Ambassador Benedicto Fonseca Filho',
      memberStateIso3: 'BRA',
      since: '2016-09-30',
    }),
    'Chair',
  )
  must(
    await addBodyOfficer(db, ctx, wgec.id, { office: 'secretariat', name: 'CSTD secretariat (UNCTAD)' }),
    'Secretariat',
  )

  const wgecProcess = must(
    await createProcess(db, at('2016-06-01T09:00:00Z'), {
      bodyId: wgec.id,
      slug: 'wgec-2016-2018',
      title: 'Working Group on Enhanced Cooperation 2016–2018',
      description:
        'Recommendations on how to further implement enhanced cooperation as envisioned by the Tunis Agenda, for the CSTD at its twenty-first session.',
      objectives:
        'Develop recommendations on how to further implement enhanced cooperation as envisioned by the Tunis Agenda, taking into consideration the work done thus far, with the full involvement of all relevant stakeholders.',
      mandateSymbol: 'A/RES/70/125',
      mandateParagraph: '65',
      mandateText: WGEC_MANDATE,
      questions: WGEC_QUESTIONS,
      phases: [
        { kind: 'call_for_contributions', startsOn: '2016-10-03', endsOn: '2016-11-30' },
        { kind: 'synthesis', startsOn: '2016-12-01', endsOn: '2017-01-27' },
        { kind: 'proposals', startsOn: '2017-01-27', endsOn: '2017-09-27' },
        { kind: 'negotiation', startsOn: '2017-09-25', endsOn: '2018-01-31' },
        { kind: 'adoption', startsOn: '2018-01-29', endsOn: '2018-01-31' },
        { kind: 'reporting', startsOn: '2018-02-01', endsOn: '2018-05-18' },
      ],
    }),
    'WGEC process',
  )
  must(await changeProcessState(db, at('2016-09-30T08:00:00Z'), wgecProcess.id, { to: 'active' }), 'active')
  const questions = await guidingQuestions(db, wgecProcess.id)
  must(
    await openCall(db, at('2016-10-03T08:00:00Z'), wgecProcess.id, {
      title: 'Contributions on the two guiding questions',
      opensAt: geneva('2016-10-03T09:00'),
      closesAt: geneva('2016-11-30T23:59'),
      eligibility: 'everyone',
      languages: ['ar', 'zh', 'en', 'fr', 'ru', 'es'],
      moderation: 'immediate',
      questionIds: questions.map((q) => q.id),
    }),
    'WGEC call',
  )
  for (const m of WGEC_MEETINGS) {
    const scheduled = at(`${m.from}T00:00:00Z`)
    scheduled.now = new Date(new Date(`${m.from}T00:00:00Z`).getTime() - 30 * 86_400_000)
    const meeting = must(
      await scheduleMeeting(db, scheduled, wgecProcess.id, {
        number: m.number,
        title: m.title,
        startsAt: geneva(`${m.from}T10:00`),
        endsAt: geneva(`${m.to}T18:00`),
        timeZone: 'Europe/Zurich',
        venue: m.venue,
        remoteUrl: m.remoteUrl,
        liveCaptioning: m.liveCaptioning,
        agenda: m.agenda.map((title) => ({ title })),
      }),
      `meeting ${m.number}`,
    )
    const after = at(`${m.to}T18:00:00Z`)
    must(await recordMeetingOutcome(db, after, meeting.id, { outcomeSummary: m.outcome }), 'outcome')
    must(
      await recordAttendance(db, after, meeting.id, {
        entries: [
          ...WGEC_STATES.map((iso3, i) => ({
            memberStateIso3: iso3,
            mode: (i + m.number) % 7 === 0 ? ('remote' as const) : ('in_person' as const),
          })),
          ...orgIds.map((organizationId, i) => ({
            organizationId,
            mode: (i + m.number) % 3 === 0 ? ('remote' as const) : ('in_person' as const),
          })),
        ],
      }),
      'attendance',
    )
  }
  must(
    await addDocument(db, at('2017-01-10T09:00:00Z'), wgecProcess.id, {
      kind: 'compilation',
      title: 'Compilation of contributions on the guiding questions',
      issuedOn: '2017-01-10',
    }),
    'compilation',
  )
  must(
    await addDocument(db, at('2017-04-20T09:00:00Z'), wgecProcess.id, {
      kind: 'synthesis',
      title: "Chair's synthesis of the discussion on high-level principles",
      issuedOn: '2017-04-20',
    }),
    'synthesis',
  )
  must(
    await addDocument(db, at('2018-03-01T09:00:00Z'), wgecProcess.id, {
      kind: 'report',
      title: 'Report of the Working Group on Enhanced Cooperation',
      issuedOn: '2018-03-01',
    }),
    'report',
  )
  must(
    await recordTransmission(db, at('2018-05-14T09:00:00Z'), wgecProcess.id, {
      toBodyId: cstd.id,
      occasion: 'twenty-first session (Geneva, 14–18 May 2018)',
      transmittedOn: '2018-05-14',
    }),
    'transmission',
  )
  // contributions and negotiation write the WGEC's history into it first
  demo.afterAll.push(async () => {
    must(await changeProcessState(db, at('2018-05-18T17:00:00Z'), wgecProcess.id, { to: 'concluded' }), 'concluded')
  })

  // the standing agenda item (seed 004 op. 5), this year's cycle with a call open now
  const now = new Date()
  const year = now.getUTCFullYear() + 1
  const standing = must(
    await createProcess(
      db,
      { actor: SYSTEM, now },
      {
        bodyId: cstd.id,
        slug: `cstd-enhanced-cooperation-${year}`,
        title: `Enhanced cooperation: standing agenda item, CSTD annual session ${year}`,
        description:
          'Intergovernmental discussion of international Internet-related public policy issues relevant to enhanced cooperation, with contributions from all stakeholders.',
        mandateSymbol: 'WSIS+20 outcome (proposed, seed 004)',
        mandateParagraph: '5',
        mandateText:
          'Requests the Chair of the CSTD, through ECOSOC, to establish a standing agenda item at the Commission’s annual session dedicated to enabling intergovernmental discussion on Internet-related public policy issues relevant to enhanced cooperation;',
        recurrence: 'annual',
        cycleYear: year,
        questions: CSTD_2027_QUESTIONS,
      },
    ),
    'standing item',
  )
  must(await changeProcessState(db, { actor: SYSTEM, now }, standing.id, { to: 'active' }), 'standing active')
  const standingQuestions = await guidingQuestions(db, standing.id)
  must(
    await openCall(db, { actor: SYSTEM, now }, standing.id, {
      title: `Contributions for the ${year} session`,
      opensAt: new Date(now.getTime() - 7 * 86_400_000),
      closesAt: new Date(now.getTime() + 45 * 86_400_000),
      eligibility: 'everyone',
      languages: ['ar', 'zh', 'en', 'fr', 'ru', 'es'],
      moderation: 'immediate',
      questionIds: standingQuestions.map((q) => q.id),
    }),
    'standing call',
  )
}
