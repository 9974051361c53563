// The writes participation-kept.test.ts draws at random: submissions (moderated or not), revisions
// in another language, withdrawals, hides, publications and bulk imports (people named alike in
// other cases, States, organizations known and unnamed, an external id sent twice), at times
// around the turn of a UTC year. Each goes through the module's own commands and bulk import; an
// import is counted either by the insert's triggers or, as `ecp contributions import` counts its
// batches, afterwards in the same transaction (contributions_counts_of_batch).
import fc from 'fast-check'
import type { Actor } from '../../core/auth/actor.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { reviseContribution, submitContribution } from './commands.ts'
import { hideContribution, publishContribution, withdrawContribution } from './commands-moderation.ts'
import { insertImportedContributions } from './queries-bulk-batch.ts'
import { countImportedBatch } from './queries-bulk-write.ts'

export const TIMES = [
  '2024-06-01T12:00:00Z',
  '2025-12-31T23:30:00Z',
  '2026-01-01T00:30:00Z',
  '2026-03-01T09:00:00Z',
].map((t) => new Date(t))
const LANGS = ['en', 'fr', 'es']

export type Command =
  | { kind: 'submit'; who: number; call: number; lang: string; when: number }
  | { kind: 'revise' | 'withdraw' | 'hide' | 'publish'; pick: number; lang: string; when: number }
  | { kind: 'import'; call: number; rows: ImportRow[]; again: boolean; countedAfter: boolean }

interface ImportRow {
  name: string
  speaker: 'self' | 'state' | 'org' | 'unnamed'
  group: string
  region: string | null
  ldc: boolean
  lang: string
  when: number
}

const when = fc.nat(TIMES.length - 1)
const lang = fc.constantFrom(...LANGS)
const importRow = fc.record({
  name: fc.constantFrom('Ana', 'ana', 'ANA', 'Bo', 'Cy'),
  speaker: fc.constantFrom('self' as const, 'self' as const, 'state' as const, 'org' as const, 'unnamed' as const),
  group: fc.constantFrom('individual', 'civil_society', 'academia'),
  region: fc.constantFrom(null, 'african', 'weog'),
  ldc: fc.boolean(),
  lang,
  when,
})

/** One write; `calls` and `people` index the world's (see World). */
export const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('submit' as const), who: fc.nat(2), call: fc.nat(3), lang, when }),
  fc.record({
    kind: fc.constantFrom('revise' as const, 'withdraw' as const, 'hide' as const, 'publish' as const),
    pick: fc.nat(),
    lang,
    when,
  }),
  fc.record({
    kind: fc.constant('import' as const),
    call: fc.nat(3),
    rows: fc.array(importRow, { minLength: 1, maxLength: 6 }),
    again: fc.boolean(),
    countedAfter: fc.boolean(),
  }),
)

/**
 * A sequence run before the random ones: every status the counts tell apart (held for review,
 * published, withdrawn, hidden), people on the platform and imported, States and organizations.
 * Random sequences alone missed one of them for about one seed in a thousand (seeds 1144591008
 * and 1333014803: no withdrawal that took, or no hide), and the test's closing check failed though
 * the counts were right. Picks index `written`, empty when it runs (call 1 is the one moderated).
 */
export const COVERING: Command[] = [
  { kind: 'submit', who: 0, call: 1, lang: 'en', when: 0 },
  { kind: 'submit', who: 1, call: 0, lang: 'fr', when: 1 },
  { kind: 'submit', who: 2, call: 2, lang: 'es', when: 2 },
  {
    kind: 'import',
    call: 3,
    rows: (['self', 'state', 'self', 'org', 'unnamed', 'self'] as const).map((speaker, i) => ({
      name: ['Ana', 'Bo', 'Cy'][i % 3] as string,
      speaker,
      group: 'civil_society',
      region: i % 2 === 0 ? 'african' : null,
      ldc: i % 2 === 0,
      lang: LANGS[i % 3] as string,
      when: i % TIMES.length,
    })),
    again: false,
    countedAfter: false,
  },
  { kind: 'withdraw', pick: 1, lang: 'fr', when: 3 },
  { kind: 'hide', pick: 2, lang: 'es', when: 3 },
]

export interface World {
  db: Db
  /** three people who submit on the platform */
  people: Actor[]
  /** who moderates and imports */
  secretariat: Extract<Actor, { kind: 'account' }>
  organizationId: number
  /** four calls, open from 2020 to 2030 */
  calls: { id: number; processId: number; question: number }[]
  /** what was written so far, and by whom */
  written: { id: number; author: Actor; question: number }[]
  externalIds: number
}

const ctx = (actor: Actor, when: number) => ({ actor, now: TIMES[when] as Date, attachmentMaxBytes: 1_000_000 })

/** Runs one write; one the commands refuse (a second submission, a hidden one withdrawn) changes nothing. */
export async function runCommand(w: World, c: Command): Promise<void> {
  if (c.kind === 'submit') {
    const call = w.calls[c.call] as World['calls'][number]
    const author = w.people[c.who] as Actor
    const done = await submitContribution(w.db, ctx(author, c.when), call.id, {
      speaker: { speakingFor: 'self' },
      language: c.lang,
      answers: [{ questionId: call.question, text: `Answer in ${c.lang}` }],
      attachments: [],
    })
    if (done.ok) w.written.push({ id: done.value.id, author, question: call.question })
    return
  }
  if (c.kind === 'import') {
    const call = w.calls[c.call] as World['calls'][number]
    const first = w.externalIds
    const batch = {
      callId: call.id,
      processId: call.processId,
      authorAccountId: w.secretariat.accountId,
      importId: first + 1,
      sourceFile: 'import.csv',
    }
    const rows = c.rows.map((r, i) => ({
      // sent again: an external id the first import had (skipped, through the staging path)
      externalId: `x${c.again && i === 0 && first > 0 ? 1 : ++w.externalIds}`,
      submittedAt: TIMES[r.when] as Date,
      speakingFor:
        r.speaker === 'self'
          ? ('self' as const)
          : r.speaker === 'state'
            ? ('member_state' as const)
            : ('organization' as const),
      memberStateIso3: r.speaker === 'state' ? (r.ldc ? 'MWI' : 'BRA') : null,
      organizationId: r.speaker === 'org' ? w.organizationId : null,
      contributorName: r.name,
      stakeholderGroup: r.speaker === 'state' ? 'government' : r.group,
      regionalGroup: r.region,
      ldc: r.ldc,
      lldc: false,
      sids: r.region === 'weog',
      language: r.lang,
      questionId: call.question,
      text: 'Imported',
      sourceLine: i + 2,
    }))
    const stored = await inTransaction(w.db, async (trx) => {
      const stored = await insertImportedContributions(trx, batch, rows, { countsLater: c.countedAfter })
      if (c.countedAfter)
        await countImportedBatch(
          trx,
          stored.map((r) => r.id),
        )
      return stored
    })
    for (const r of stored) w.written.push({ id: r.id, author: w.secretariat, question: call.question })
    return
  }
  const picked = w.written[c.pick % Math.max(1, w.written.length)]
  if (!picked) return
  const { id, author, question } = picked
  if (c.kind === 'revise')
    await reviseContribution(w.db, ctx(author, c.when), id, {
      language: c.lang,
      answers: [{ questionId: question, text: `Revised in ${c.lang}` }],
      attachments: [],
    })
  if (c.kind === 'withdraw') await withdrawContribution(w.db, ctx(author, c.when), id, undefined)
  if (c.kind === 'hide') await hideContribution(w.db, ctx(w.secretariat, c.when), id, 'Abuse')
  if (c.kind === 'publish') await publishContribution(w.db, ctx(w.secretariat, c.when), id)
}
