// Loads the demo on the bodies the bodies demo set up (GA, ECOSOC, CSTD, WGEC): the WGEC 2016-2018
// with its mandate, questions, call, five meetings and the report's transmission, and the
// CSTD's standing agenda item on enhanced cooperation for 2027 with an open call. The WGEC process
// concludes once every module's demo has written its history into it.
import { SYSTEM } from '../../core/auth/actor.ts'
import type { DemoContext } from '../../core/module.ts'
import type { Result } from '../../core/result.ts'
import { bodyMembers, findBody } from '../bodies/index.ts'
import {
  addDocument,
  changeProcessState,
  createProcess,
  openCall,
  recordAttendance,
  recordMeetingOutcome,
  recordTransmission,
  scheduleMeeting,
} from './commands.ts'
import { CSTD_2027_QUESTIONS, WGEC_MANDATE, WGEC_MEETINGS, WGEC_QUESTIONS } from './demo-data.ts'
import { loadMeetingDocumentsDemo } from './demo-documents.ts'
import { guidingQuestions } from './queries.ts'
import { localToInstant } from './rules/time.ts'

function must<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`demo ${what}: ${JSON.stringify(result.error)}`)
  return result.value
}

const geneva = (local: string) => localToInstant(local, 'Europe/Zurich') as Date

export async function loadProcessesDemo(demo: DemoContext): Promise<void> {
  const { db } = demo
  const at = (iso: string) => ({ actor: SYSTEM, now: new Date(iso) })
  const wgec = await findBody(db, 'wgec')
  const cstd = await findBody(db, 'cstd')
  if (!wgec || !cstd) throw new Error('demo bodies are missing (the bodies demo runs first)')
  const orgIds = (await bodyMembers(db, wgec.id)).flatMap((m) =>
    m.standing === 'member' && m.organizationId ? [m.organizationId] : [],
  )
  const wgecStates = (await bodyMembers(db, wgec.id)).flatMap((m) =>
    m.standing === 'member' && m.memberStateIso3 ? [m.memberStateIso3] : [],
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
    if (m.number === 1) await loadMeetingDocumentsDemo(db, scheduled, meeting.id, m.from)
    const after = at(`${m.to}T18:00:00Z`)
    must(await recordMeetingOutcome(db, after, meeting.id, { outcomeSummary: m.outcome }), 'outcome')
    must(
      await recordAttendance(db, after, meeting.id, {
        entries: [
          ...wgecStates.map((iso3, i) => ({
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
