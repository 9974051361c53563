// The open call most consultation tests start from (test support, imported by tests only): a working
// group, an active process with one guiding question, and a call open to everyone since yesterday
// whose contributions are published as they arrive; and generated contributions imported into it.
import { SYSTEM } from '../../core/auth/actor.ts'
import type { Db } from '../../core/db/database.ts'
import { type ImportedContribution, insertImportedContributions } from '../contributions/index.ts'
import { changeProcessState, createBody, createProcess, guidingQuestions, openCall } from '../processes/index.ts'
import { startImport } from './queries-intake.ts'
import { asImported, type GeneratedContribution, generateContributions } from './rules/generate.ts'

const DAY = 86_400_000

export const system = () => ({ actor: SYSTEM, now: new Date() })

export function must<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error))
  return result.value
}

export interface OpenConsultation {
  bodyId: number
  processId: number
  questionIds: number[]
  callId: number
}

/** A process named by `slug` and its open call; in a body of its own unless one is given. */
export async function openConsultation(
  db: Db,
  slug: string,
  options: {
    bodyId?: number
    languages?: Parameters<typeof openCall>[3]['languages']
    closesInDays?: number
    moderation?: Parameters<typeof openCall>[3]['moderation']
  } = {},
): Promise<OpenConsultation> {
  const bodyId =
    options.bodyId ?? must(await createBody(db, system(), { slug: `wg-${slug}`, name: `Working group (${slug})` })).id
  const processId = must(
    await createProcess(db, system(), {
      bodyId,
      slug,
      title: `Consultation (${slug})`,
      mandateSymbol: 'A/RES/70/125',
      questions: ['What should enhanced cooperation achieve?'],
    }),
  ).id
  must(await changeProcessState(db, system(), processId, { to: 'active' }))
  const questionIds = (await guidingQuestions(db, processId)).map((q) => q.id)
  const callId = must(
    await openCall(db, system(), processId, {
      title: `Open call (${slug})`,
      opensAt: new Date(Date.now() - DAY),
      closesAt: new Date(Date.now() + (options.closesInDays ?? 1) * DAY),
      eligibility: 'everyone',
      languages: options.languages ?? ['ar', 'zh', 'en', 'fr', 'ru', 'es'],
      moderation: options.moderation ?? 'immediate',
      questionIds,
    }),
  ).id
  return { bodyId, processId, questionIds, callId }
}

/** The `i`th imported contribution of a person speaking for themselves, a minute after the one before. */
export function importedPerson(
  i: number,
  of: { prefix: string; language: string; questionId: number; text: string },
): ImportedContribution {
  return {
    externalId: `${of.prefix}-${i}`,
    submittedAt: new Date(Date.UTC(2026, 10, 1, 0, i)),
    speakingFor: 'self',
    memberStateIso3: null,
    organizationId: null,
    contributorName: `Person ${i}`,
    stakeholderGroup: 'individual',
    regionalGroup: null,
    ldc: false,
    lldc: false,
    sids: false,
    language: of.language,
    questionId: of.questionId,
    text: of.text,
    sourceLine: i + 1,
  }
}

/**
 * `total` contributions generated with `seed` (campaigns of near-copies and lone texts), imported
 * into the call by one import of `accountId` on its first question; the import and the new ids.
 */
export async function importGenerated(
  db: Db,
  call: Pick<OpenConsultation, 'callId' | 'processId' | 'questionIds'>,
  accountId: number,
  of: { total: number; seed: number; file?: string; language?: GeneratedContribution['language'] },
): Promise<{ importId: number; ids: number[] }> {
  const file = of.file ?? 'generated.csv'
  const started = must(
    await startImport(db, system(), { callId: call.callId, accountId, fileName: file, format: 'csv', sha256: file }),
  )
  const rows = [...generateContributions({ total: of.total, seed: of.seed })].map((g, i) =>
    asImported(of.language ? { ...g, language: of.language } : g, call.questionIds[0] as number, i + 1),
  )
  const target = { callId: call.callId, processId: call.processId, authorAccountId: accountId }
  const stored = await insertImportedContributions(db, { ...target, importId: started.id, sourceFile: file }, rows)
  return { importId: started.id, ids: stored.map((r) => r.id) }
}
