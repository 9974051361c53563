// Issue 9 §1 on each database, one example per rule: adopted and agreed ad ref text is frozen,
// adoption needs empty brackets, only the Chair of the body reopens (with a reason, on the record),
// a concluded process's negotiation is read-only, and references stay in their own document. Each
// rule is checked through the commands and, where the database backs it, by writing around them.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { changeProcessState } from '../processes/index.ts'
import { submitProposal } from '../proposals/index.ts'
import { decideAmendment, tableAmendment } from './commands-amendments.ts'
import { declare, recordStatement } from './commands-consensus.ts'
import { reopenParagraph } from './commands-lifecycle.ts'
import { takePosition } from './commands-positions.ts'
import { circulateUnderSilence } from './commands-silence.ts'
import { findParagraph, statementsOf } from './queries.ts'
import { type Fixture, negotiationFixture } from './test-fixture.ts'

describe.each(DATABASE_KINDS)('the lifecycle of a negotiated text on %s', (kind) => {
  let runtime: TestRuntime
  let f: Fixture
  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    f = await negotiationFixture(runtime)
  })
  afterAll(() => runtime.close())
  const db = () => runtime.deps.db

  async function adopted(label = '1') {
    const doc = await f.newDocument()
    const id = doc.byLabel(label)
    expect((await takePosition(db(), f.at('zaf'), position(id, 'ZAF', 'support'))).ok).toBe(true)
    const done = await declare(db(), f.at('chair'), id, 'adopted')
    expect(done).toEqual({ ok: true, value: undefined })
    return { doc, id }
  }
  const position = (id: number, iso3: string, p: 'support' | 'objection' | 'no_objection' | 'reservation') => ({
    subjectType: 'paragraph' as const,
    subjectId: id,
    memberStateIso3: iso3,
    position: p,
  })
  const replace = (paragraphId: number) => ({
    paragraphId,
    operation: 'replace_text' as const,
    quotedOld: 'annually',
    newText: 'biennially',
    speaker: { memberStateIso3: 'FRA' },
  })

  it('takes no amendment on adopted text, and incorporates none tabled before the adoption', async () => {
    const doc = await f.newDocument()
    const id = doc.byLabel('1')
    const earlier = await tableAmendment(db(), f.at('fra'), doc.id, replace(id))
    if (!earlier.ok) throw new Error('tabled')
    await takePosition(db(), f.at('zaf'), position(id, 'ZAF', 'support'))
    expect((await declare(db(), f.at('chair'), id, 'agreed_ad_ref')).ok).toBe(true)
    const onAgreed = await tableAmendment(db(), f.at('fra'), doc.id, replace(id))
    expect(onAgreed).toMatchObject({ ok: false, error: { type: 'conflict', id: 'paragraph_frozen' } })
    const incorporated = await decideAmendment(db(), f.at('chair'), earlier.value.id, 'incorporated')
    expect(incorporated).toMatchObject({ ok: false, error: { type: 'conflict', id: 'paragraph_frozen' } })
    expect((await declare(db(), f.at('chair'), id, 'adopted')).ok).toBe(true)
    const paragraph = await findParagraph(db(), id)
    expect(paragraph).toMatchObject({ status: 'adopted' })
    expect(paragraph?.text).toContain('annually')
  })

  it('refuses, in the database too, to change adopted text or table on it', async () => {
    const { doc, id } = await adopted()
    await expect(
      sql`update negotiation_paragraph set text = 'rewritten' where id = ${id}`.execute(db()),
    ).rejects.toThrow(/frozen/)
    await expect(
      sql`update negotiation_paragraph set status = 'proposed' where id = ${id}`.execute(db()),
    ).rejects.toThrow(/reopens/)
    await expect(
      sql`insert into negotiation_amendment (document_id, paragraph_id, operation, new_text, member_state_iso3,
        tabled_by, base_revision) values (${doc.id}, ${id}, 'insert_text', 'x', 'FRA', 1, 0)`.execute(db()),
    ).rejects.toThrow(/frozen/)
  })

  it('refuses to adopt text with brackets, naming them', async () => {
    const doc = await f.newDocument()
    const id = doc.byLabel('2')
    await takePosition(db(), f.at('zaf'), position(id, 'ZAF', 'support'))
    const refused = await declare(db(), f.at('chair'), id, 'adopted')
    expect(refused).toMatchObject({
      ok: false,
      error: { type: 'conflict', id: 'brackets_remain', values: { brackets: '[consider]' } },
    })
    await expect(
      sql`update negotiation_paragraph set status = 'adopted' where id = ${id}`.execute(db()),
    ).rejects.toThrow(/brackets/)
    expect((await declare(db(), f.at('chair'), id, 'no_consensus')).ok).toBe(true)
  })

  it('lets only the Chair of the body reopen, with a reason that goes on the record', async () => {
    const { doc, id } = await adopted()
    expect(await reopenParagraph(db(), f.at('fra'), id, 'new facts')).toMatchObject({ ok: false })
    expect(await reopenParagraph(db(), f.at('otherChair'), id, 'new facts')).toMatchObject({
      ok: false,
      error: { type: 'forbidden' },
    })
    expect(await reopenParagraph(db(), f.at('chair'), id, '  ')).toMatchObject({
      ok: false,
      error: { type: 'invalid', issues: [{ path: 'reason', code: 'negotiation.reopen.reasonRequired' }] },
    })
    const reopened = await reopenParagraph(db(), f.at('chair'), id, 'The Group asked to look again')
    expect(reopened).toEqual({ ok: true, value: { status: 'proposed' } })
    const record = await statementsOf(db(), doc.id)
    expect(record.at(-1)).toMatchObject({ kind: 'reopening', paragraphId: id, text: 'The Group asked to look again' })
    // open again: it takes amendments, and reopening it twice is refused
    expect((await tableAmendment(db(), f.at('fra'), doc.id, replace(id))).ok).toBe(true)
    expect(await reopenParagraph(db(), f.at('chair'), id, 'again')).toMatchObject({
      ok: false,
      error: { id: 'paragraph_not_settled' },
    })
  })

  it('lets a Chair act only in the processes of the bodies they chair', async () => {
    const doc = await f.newDocument()
    const id = doc.byLabel('3')
    await takePosition(db(), f.at('zaf'), position(id, 'ZAF', 'support'))
    expect(await declare(db(), f.at('otherChair'), id, 'adopted')).toMatchObject({
      ok: false,
      error: { type: 'forbidden' },
    })
    const statement = await recordStatement(db(), f.at('otherChair'), doc.id, {
      kind: 'explanation',
      memberStateIso3: 'ZAF',
      paragraphId: id,
      text: 'x',
    })
    expect(statement).toMatchObject({ ok: false, error: { type: 'forbidden' } })
  })

  it('keeps references in their own document: statements and positions name only its paragraphs', async () => {
    const doc = await f.newDocument()
    const other = await f.newDocument()
    const foreign = other.byLabel('1')
    const statement = await recordStatement(db(), f.at('chair'), doc.id, {
      kind: 'explanation',
      memberStateIso3: 'ZAF',
      paragraphId: foreign,
      text: 'x',
    })
    expect(statement).toMatchObject({ ok: false, error: { type: 'invalid', issues: [{ path: 'paragraphId' }] } })
    const taken = await takePosition(db(), f.at('zaf'), { ...position(foreign, 'ZAF', 'support'), documentId: doc.id })
    expect(taken).toMatchObject({ ok: false, error: { type: 'invalid', issues: [{ path: 'paragraphId' }] } })
    const amendment = await tableAmendment(db(), f.at('fra'), doc.id, replace(foreign))
    expect(amendment).toMatchObject({ ok: false, error: { type: 'invalid' } })
  })

  it('refuses every negotiation write once the process is concluded, in the database too', async () => {
    const local = await negotiationFixture(runtime)
    const doc = await local.newDocument()
    const id = doc.byLabel('1')
    const system = { actor: SYSTEM, now: new Date() }
    expect((await changeProcessState(db(), system, local.processId, { to: 'active' })).ok).toBe(true)
    expect((await changeProcessState(db(), system, local.processId, { to: 'concluded' })).ok).toBe(true)
    const concluded = { ok: false, error: { type: 'conflict', id: 'process_concluded' } }
    expect(await takePosition(db(), local.at('zaf'), position(id, 'ZAF', 'objection'))).toMatchObject(concluded)
    expect(await tableAmendment(db(), local.at('fra'), doc.id, replace(id))).toMatchObject(concluded)
    expect(await declare(db(), local.at('chair'), id, 'no_consensus')).toMatchObject(concluded)
    const proposal = await submitProposal(db(), local.at('fra'), {
      processId: local.processId,
      title: 'Late',
      text: 'Too late',
      memberStates: ['FRA'],
      organizations: [],
    })
    expect(proposal).toMatchObject(concluded)
    const silence = await circulateUnderSilence(db(), local.at('chair'), doc.id, {
      paragraphIds: [id],
      deadline: new Date(Date.now() + 100 * 3_600_000),
    })
    expect(silence).toMatchObject(concluded)
    await expect(
      sql`update negotiation_paragraph set text = 'rewritten' where id = ${id}`.execute(db()),
    ).rejects.toThrow(/concluded/)
    await expect(
      sql`insert into negotiation_position (subject_type, subject_id, member_state_iso3, position, account_id, wording)
        values ('paragraph', ${id}, 'ZAF', 'objection', 1, '')`.execute(db()),
    ).rejects.toThrow(/concluded/)
  })

  it('reopens through the paragraph page’s form, which only the Chair sees, and asks for a reason', async () => {
    const { id } = await adopted()
    const here = `/paragraphs/${id}`
    expect((await f.clients.chair.get(here)).html).toContain(`action="${here}/reopen"`)
    expect((await f.clients.fra.get(here)).html).not.toContain(`action="${here}/reopen"`)
    const empty = await f.clients.chair.submit(`${here}/reopen`, { reason: '' }, here)
    expect(empty.response.status).toBe(400)
    const byDelegate = await f.clients.fra.submit(`${here}/reopen`, { reason: 'why not' }, here)
    expect(byDelegate.response.status).toBe(403)
    const done = await f.clients.chair.submit(`${here}/reopen`, { reason: 'A State asked to look again' }, here)
    expect(done.response.status).toBe(303)
    expect((await findParagraph(db(), id))?.status).toBe('proposed')
  })
})
