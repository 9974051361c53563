// The demo's contributions: answers to the WGEC call of 2016 (illustrative texts, marked so, by
// the demo's delegates of Brazil, South Africa and France and by a participant for herself), and
// to this year's standing-item call APC's 2025 text (seed 004) word for word, plus one revision.
import type { Actor } from '../../core/auth/actor.ts'
import { activeGrants } from '../../core/auth/grants.ts'
import type { DemoContext } from '../../core/module.ts'
import type { Result } from '../../core/result.ts'
import { DEMO_ACCOUNTS } from '../accounts/index.ts'
import { findOrganizationBySlug } from '../actors/index.ts'
import { callsOf, guidingQuestions, listProcesses } from '../processes/index.ts'
import { reviseContribution, type SubmissionInput, submitContribution } from './commands.ts'
import { SEED_004_TEXT } from './seed-004.ts'

const ILLUSTRATIVE: Record<string, string> = {
  en: '*Illustrative text written for the demo; not the contribution of record.*',
  fr: '*Texte illustratif rédigé pour la démonstration ; ce n’est pas la contribution officielle.*',
}

async function actorOf(ctx: DemoContext, handle: string): Promise<Extract<Actor, { kind: 'account' }>> {
  const account = ctx.accounts.get(handle)
  if (!account) throw new Error(`demo account ${handle} is missing`)
  const grants = await activeGrants(ctx.db, account.id)
  const name = DEMO_ACCOUNTS.find((a) => a.handle === handle)?.name ?? handle
  return { kind: 'account', accountId: account.id, displayName: name, email: account.email, grants, via: 'session' }
}

function must<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`demo ${what}: ${JSON.stringify(result.error)}`)
  return result.value
}

async function callOf(ctx: DemoContext, slug: string) {
  const process = (await listProcesses(ctx.db)).find((p) => p.slug === slug)
  if (!process) throw new Error(`demo process ${slug} is missing`)
  const [call] = await callsOf(ctx.db, process.id)
  if (!call) throw new Error(`demo process ${slug} has no call`)
  const questions = await guidingQuestions(ctx.db, process.id)
  return { call, questions: questions.map((q) => q.id) }
}

interface DemoContribution {
  handle: string
  speaker: SubmissionInput['speaker']
  language: 'en' | 'fr'
  at: string
  answers: string[]
}

const WGEC_CONTRIBUTIONS: DemoContribution[] = [
  {
    handle: 'delegate-bra',
    speaker: { speakingFor: 'member_state', memberStateIso3: 'BRA' },
    language: 'en',
    at: '2016-11-21T15:00:00Z',
    answers: [
      'Enhanced cooperation should enable governments, on an equal footing, to carry out their roles and responsibilities in international public policy issues pertaining to the Internet (Tunis Agenda, para 69). Its characteristics include transparency, inclusiveness and a clear distinction from day-to-day technical and operational matters.',
      'The Working Group could recommend an institutional home within the UN system for intergovernmental discussion of Internet-related public policy, with stakeholders consulted at every stage.',
    ],
  },
  {
    handle: 'delegate-zaf',
    speaker: { speakingFor: 'member_state', memberStateIso3: 'ZAF' },
    language: 'en',
    at: '2016-11-28T09:30:00Z',
    answers: [
      'Developing countries must be able to take part meaningfully. Enhanced cooperation should address the capacity gaps that keep many governments out of the discussions where Internet-related public policy is made.',
      'Mechanisms should include support for the participation of developing and least developed countries: fellowships, remote participation and interpretation.',
    ],
  },
  {
    handle: 'delegate-fra',
    speaker: { speakingFor: 'member_state', memberStateIso3: 'FRA' },
    language: 'fr',
    at: '2016-11-29T17:00:00Z',
    answers: [
      'La coopération renforcée doit s’appuyer sur les enceintes existantes et sur l’approche multipartite, en évitant les doubles emplois entre organisations.',
      'Le Groupe de travail pourrait recommander un meilleur partage de l’information entre les organisations concernées et un état des lieux régulier de leurs travaux.',
    ],
  },
  {
    handle: 'participant',
    speaker: { speakingFor: 'self' },
    language: 'en',
    at: '2016-11-30T20:00:00Z',
    answers: [
      'As an individual researcher, I see enhanced cooperation as the work of making the existing organizations coordinate openly, so that anyone can follow who addresses which issue.',
      '',
    ],
  },
]

export async function loadContributionsDemo(ctx: DemoContext): Promise<void> {
  const wgec = await callOf(ctx, 'wgec-2016-2018')
  for (const c of WGEC_CONTRIBUTIONS) {
    must(
      await submitContribution(
        ctx.db,
        {
          actor: await actorOf(ctx, c.handle),
          now: new Date(c.at),
          attachmentMaxBytes: ctx.deps.config.attachmentMaxBytes,
        },
        wgec.call.id,
        {
          speaker: c.speaker,
          language: c.language,
          answers: c.answers.map((text, i) => ({
            questionId: wgec.questions[i] as number,
            text: text ? `${ILLUSTRATIVE[c.language]}\n\n${text}` : '',
          })),
          attachments: [],
        },
      ),
      `contribution of ${c.handle}`,
    )
  }

  // this year's standing item: APC files seed 004, then revises it to answer the second question
  const standing = (await listProcesses(ctx.db)).find((p) => p.slug.startsWith('cstd-enhanced-cooperation-'))
  if (!standing) return
  const [call] = await callsOf(ctx.db, standing.id)
  const questions = (await guidingQuestions(ctx.db, standing.id)).map((q) => q.id)
  const apc = await findOrganizationBySlug(ctx.db, 'apc')
  if (!call || !apc || questions.length < 2) return
  const apcActor = await actorOf(ctx, 'apc')
  const now = new Date()
  const apcCtx = { actor: apcActor, now, attachmentMaxBytes: ctx.deps.config.attachmentMaxBytes }
  const first = must(
    await submitContribution(ctx.db, apcCtx, call.id, {
      speaker: { speakingFor: 'organization', organizationId: apc.id },
      language: 'en',
      answers: [{ questionId: questions[0] as number, text: SEED_004_TEXT }],
      attachments: [],
    }),
    'APC contribution',
  )
  must(
    await reviseContribution(ctx.db, apcCtx, first.id, {
      language: 'en',
      answers: [
        { questionId: questions[0] as number, text: SEED_004_TEXT },
        {
          questionId: questions[1] as number,
          text: `${ILLUSTRATIVE.en}\n\nThe annual reports of the organizations (op. 6 of our text) and the coordination among them (Tunis Agenda, para 37).`,
        },
      ],
      attachments: [],
    }),
    'APC revision',
  )
  must(
    await submitContribution(ctx.db, { ...apcCtx, actor: await actorOf(ctx, 'delegate-bra') }, call.id, {
      speaker: { speakingFor: 'member_state', memberStateIso3: 'BRA' },
      language: 'en',
      answers: [
        {
          questionId: questions[0] as number,
          text: `${ILLUSTRATIVE.en}\n\nBrazil hosted consultations open to all stakeholders on its national Internet policy and shared their outcome with the Commission.`,
        },
      ],
      attachments: [],
    }),
    'Brazil contribution',
  )
}
