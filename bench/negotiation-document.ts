// A negotiating text at the size of a real one, built through ecp's own commands (createDocument,
// tableAmendment, takePosition, decideAmendment, withdrawAmendment, issueRevision, declare), seeded
// and deterministic: FULL is issue 15's document (288 paragraphs growing to 300, 2,000 amendments
// tabled by all 193 States, ~59,000 positions, Rev.1 to Rev.5); the test suite builds SMALL.
// The bulk path is the commands' own: runs of commands share one outer transaction (inTransaction
// joins it), which saves a commit per command and nothing else.
import { sql } from 'kysely'
import type { Actor } from '../src/core/auth/actor.ts'
import type { Db } from '../src/core/db/database.ts'
import { inTransaction } from '../src/core/db/helpers.ts'
import type { Result } from '../src/core/result.ts'
import { listMemberStates } from '../src/modules/actors/index.ts'
import {
  createDocument,
  decideAmendment,
  declare,
  findParagraph,
  issueRevision,
  type ParsedParagraph,
  type Position,
  paragraphsOf,
  tableAmendment,
  takePosition,
  withdrawAmendment,
} from '../src/modules/negotiation/index.ts'

export interface NegotiationSize {
  /** negotiable paragraphs at the start (preambular and operative), in sections under headings */
  paragraphs: number
  sections: number
  /** paragraphs inserted by amendments (incorporated), so the text grows */
  inserted: number
  amendments: number
  /** position events (including States revising their word) */
  positions: number
  /** Rev.1 .. Rev.N after the zero draft */
  revisions: number
  /** how many Member States take part (the first N in ISO order) */
  states: number
}

export const FULL: NegotiationSize = {
  paragraphs: 288,
  sections: 12,
  inserted: 12,
  amendments: 2000,
  positions: 59_000,
  revisions: 5,
  states: 193,
}
export const SMALL: NegotiationSize = {
  paragraphs: 24,
  sections: 3,
  inserted: 2,
  amendments: 40,
  positions: 400,
  revisions: 2,
  states: 12,
}

/** mulberry32: a small seeded generator, so the same seed builds the same document. */
export function seeded(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T,
  }
}
type Random = ReturnType<typeof seeded>

const OPENINGS = ['Recalling', 'Reaffirming', 'Recognizing', 'Noting with concern', 'Emphasizing', 'Acknowledging']
const VERBS = ['Invites', 'Encourages', 'Requests', 'Calls upon', 'Urges', 'Decides', 'Recommends', 'Welcomes']
const WORDS = (
  'enhanced cooperation governments equal footing roles responsibilities international public policy issues ' +
  'pertaining Internet stakeholders respective roles developing countries capacity building digital divide ' +
  'multilingualism security stability resilience infrastructure transparency inclusiveness accountability ' +
  'annual performance reports relevant organizations mechanisms coordination national focal points data ' +
  'statistics knowledge emerging technologies human rights sustainable development least developed countries ' +
  'small island developing States regional groups intergovernmental organizations technical community'
).split(' ')

function sentence(r: Random, words: number): string {
  return Array.from({ length: words }, () => r.pick(WORDS)).join(' ')
}

function paragraphText(r: Random, preambular: boolean): string {
  const body = sentence(r, 28 + r.int(30))
  const bracketed = r.next() < 0.2 ? ` [${sentence(r, 4 + r.int(5))}]` : ''
  return preambular ? `${r.pick(OPENINGS)} ${body}${bracketed},` : `${r.pick(VERBS)} ${body}${bracketed};`
}

/** The zero draft: sections under headings, preambular paragraphs first, then operative ones. */
export function zeroDraft(size: NegotiationSize, r: Random): ParsedParagraph[] {
  const out: ParsedParagraph[] = []
  const preambular = Math.round(size.paragraphs * 0.15)
  const perSection = Math.ceil(size.paragraphs / size.sections)
  for (let i = 0; i < size.paragraphs; i++) {
    if (i % perSection === 0)
      out.push({ kind: 'heading', label: null, text: `Section ${i / perSection + 1}: ${sentence(r, 3)}`, children: [] })
    const pre = i < preambular
    out.push({
      kind: pre ? 'preambular' : 'operative',
      label: pre ? null : String(i - preambular + 1),
      text: paragraphText(r, pre),
      children: [],
    })
  }
  return out
}

function must<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`building the negotiation, ${what}: ${JSON.stringify(result.error)}`)
  return result.value
}

/** Runs commands `per` at a time inside one outer transaction each. */
async function inBatches<T>(db: Db, items: readonly T[], per: number, work: (trx: Db, item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += per) {
    await inTransaction(db, async (trx) => {
      for (const item of items.slice(i, i + per)) await work(trx, item)
    })
  }
}

interface Tabled {
  id: number
  paragraphId: number
  state: string
}

export interface BuiltNegotiation {
  documentId: number
  /** ids of the States' delegates' accounts, by ISO alpha-3 */
  delegates: Map<string, Actor>
  counts: { paragraphs: number; amendments: number; closed: number; positions: number; revisions: number }
}

/**
 * Builds the document in `processId` (of body `bodyId`), the Chair acting as `chair`. Each State
 * gets one delegate account (made here in bulk: accounts are not what is measured).
 */
export async function buildNegotiation(
  db: Db,
  options: { processId: number; bodyId: number; chair: Actor; size: NegotiationSize; seed?: number },
): Promise<BuiltNegotiation> {
  const { size, chair } = options
  const r = seeded(options.seed ?? 15)
  let clock = Date.UTC(2026, 0, 5, 9)
  const at = (actor: Actor) => {
    clock += 1000
    return { actor, now: new Date(clock) }
  }

  const states = (await listMemberStates(db)).map((s) => s.iso3).sort()
  if (states.length < size.states) throw new Error(`only ${states.length} Member States are loaded`)
  const taking = states.slice(0, size.states)
  const tag = `neg${options.seed ?? 15}-${Date.now()}`
  await sql`insert into auth_account (email, display_name, password_hash)
    select ${`${tag}-`} || lower(s) || '@bench.example', 'Delegate of ' || s, 'not-a-hash'
    from unnest(${taking}::text[]) s`.execute(db)
  const accounts = await sql<{ id: number; email: string }>`select id::int, email from auth_account
    where email like ${`${tag}-%`}`.execute(db)
  const delegates = new Map<string, Actor>()
  for (const iso3 of taking) {
    const account = accounts.rows.find((a) => a.email === `${tag}-${iso3.toLowerCase()}@bench.example`)
    if (!account) throw new Error(`no delegate account for ${iso3}`)
    delegates.set(iso3, {
      kind: 'account',
      accountId: account.id,
      displayName: `Delegate of ${iso3}`,
      email: account.email,
      grants: [{ id: 0, role: 'government_delegate', scope: { type: 'member_state', id: iso3 } }],
      via: 'session',
    })
  }
  const delegate = (iso3: string) => delegates.get(iso3) as Actor

  const created = await createDocument(db, at(chair), {
    processId: options.processId,
    title: 'Draft outcome document on enhanced cooperation',
    symbol: 'E/CN.16/2026/L.1',
    imported: { title: null, paragraphs: zeroDraft(size, r) },
  })
  const documentId = must(created, 'opening the document').id
  const negotiable = async () =>
    (await paragraphsOf(db, documentId)).filter((p) => p.kind === 'preambular' || p.kind === 'operative')
  // a paragraph's own tendency to draw objections: half the text is uncontroversial
  const contentious = new Map<number, number>()
  const objectionRate = (id: number) => {
    if (!contentious.has(id)) contentious.set(id, r.next() < 0.5 ? 0 : 0.03 + r.next() * 0.05)
    return contentious.get(id) as number
  }
  const position = (rate: number): Position => {
    const x = r.next()
    if (x < rate) return 'objection'
    if (x < rate + 0.05) return 'reservation'
    return x < 0.6 ? 'support' : 'no_objection'
  }

  let tabled: Tabled[] = []
  let closedText = 0
  let inserted = 0
  // alternatives would add paragraphs beyond the size: they are discussed, never incorporated
  const alternatives = new Set<number>()
  let positions = 0
  let stateTurn = 0
  const rounds = size.revisions
  for (let round = 0; round < rounds; round++) {
    // amendments: every State in turn, on any open paragraph, quoting the text as it stands
    const count = Math.floor(((round + 1) * size.amendments) / rounds) - Math.floor((round * size.amendments) / rounds)
    const insertsNow = Math.floor(((round + 1) * size.inserted) / rounds) - Math.floor((round * size.inserted) / rounds)
    const open = (await negotiable()).filter((p) => p.status !== 'adopted' && p.status !== 'deleted')
    const toInsert: Tabled[] = []
    await inBatches(
      db,
      Array.from({ length: count }, (_, i) => i),
      200,
      async (trx, i) => {
        const state = taking[stateTurn++ % taking.length] as string
        const target = r.pick(open)
        const current = (await findParagraph(trx, target.id)) ?? target
        const words = current.text.split(' ')
        const from = r.int(Math.max(1, words.length - 3))
        const quoted = words.slice(from, from + 2).join(' ')
        const op =
          i < insertsNow
            ? 'insert_paragraph'
            : r.pick(['replace_text', 'replace_text', 'insert_text', 'delete_text', 'propose_alternative'] as const)
        const id = must(
          await tableAmendment(trx, at(delegate(state)), documentId, {
            paragraphId: target.id,
            operation: op,
            quotedOld: op === 'insert_paragraph' || op === 'propose_alternative' ? undefined : quoted,
            newText: op === 'delete_text' ? undefined : sentence(r, op === 'insert_paragraph' ? 30 : 4),
            justification: r.next() < 0.3 ? sentence(r, 12) : undefined,
            speaker: { memberStateIso3: state },
          }),
          'tabling an amendment',
        ).id
        const row = { id, paragraphId: target.id, state }
        if (op === 'propose_alternative') alternatives.add(id)
        if (op === 'insert_paragraph') toInsert.push(row)
        else tabled.push(row)
      },
    )
    // the Chair incorporates the new paragraphs at once: the text grows
    for (const a of toInsert) {
      must(await decideAmendment(db, at(chair), a.id, 'incorporated'), 'inserting a paragraph')
      inserted++
    }
    // positions: on the paragraphs (three in four) and on the amendments still tabled
    const paragraphs = (await negotiable()).filter((p) => p.status !== 'adopted' && p.status !== 'deleted')
    const share = Math.floor(((round + 1) * size.positions) / rounds) - Math.floor((round * size.positions) / rounds)
    await inBatches(
      db,
      Array.from({ length: share }, (_, i) => i),
      500,
      async (trx) => {
        const onAmendment = tabled.length > 0 && r.next() < 0.25
        const state = r.pick(taking)
        const subject = onAmendment ? (r.pick(tabled) as Tabled).id : r.pick(paragraphs).id
        const rate = onAmendment ? 0.1 : objectionRate(subject)
        must(
          await takePosition(trx, at(delegate(state)), {
            subjectType: onAmendment ? 'amendment' : 'paragraph',
            subjectId: subject,
            memberStateIso3: state,
            position: position(rate),
            note: r.next() < 0.02 ? sentence(r, 8) : undefined,
          }),
          'taking a position',
        )
        positions++
      },
    )
    // the fate of some amendments: incorporated, rejected or withdrawn by their State
    const keep: Tabled[] = []
    const due = Math.round((size.amendments - size.inserted) * 0.54 * ((round + 1) / rounds))
    for (const a of tabled) {
      const x = r.next()
      if (closedText >= due) {
        keep.push(a)
        continue
      }
      closedText++
      const op = alternatives.has(a.id) ? 'rejected' : x < 0.15 ? 'incorporated' : x < 0.6 ? 'rejected' : 'withdrawn'
      if (op === 'withdrawn') must(await withdrawAmendment(db, at(delegate(a.state)), a.id), 'withdrawing')
      else {
        const done = await decideAmendment(db, at(chair), a.id, op)
        // a text amendment whose words an earlier one changed is rejected instead
        if (!done.ok) must(await decideAmendment(db, at(chair), a.id, 'rejected'), 'rejecting')
      }
    }
    tabled = keep
    must(await issueRevision(db, at(chair), documentId, `Rev.${round + 1}: amendments of round ${round + 1}`), 'Rev')
  }
  // the Chair declares some of the ready paragraphs agreed ad ref or adopted
  let declared = 0
  for (const p of await negotiable()) {
    if (declared >= Math.round(size.paragraphs * 0.1)) break
    const result = await declare(db, at(chair), p.id, declared % 2 ? 'adopted' : 'agreed_ad_ref')
    if (result.ok) declared++
  }
  await sql`analyze`.execute(db)
  return {
    documentId,
    delegates,
    counts: {
      paragraphs: (await negotiable()).length,
      amendments: size.amendments,
      closed: closedText + inserted,
      positions,
      revisions: rounds,
    },
  }
}
