// "How to add a module" (docs/ARCHITECTURE.md), followed for real: the glossary module in
// ./glossary is a folder and a manifest, registered the way src/modules/index.ts registers every
// module, and it gets its table, its pages, its navigation link, its messages and its permissions
// (in the authorization matrix) without a line of core knowing it.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { declaredActions } from '../../src/core/auth/actions.ts'
import { matrix, mismatches } from '../../src/core/auth/matrix.ts'
import { registerModules } from '../../src/core/module.ts'
import { modules } from '../../src/modules/index.ts'
import { accountWithRole, signUp, TestClient } from '../support/client.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../support/runtime.ts'
import { glossaryModule } from './glossary/index.ts'

const root = join(import.meta.dirname, '..', '..')
// the one line a new module adds to src/modules/index.ts
const withGlossary = registerModules([...modules, glossaryModule])

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|sql)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
}

describe('a module added as a folder and one line in the module list', () => {
  it('declares its permissions through its manifest, and they hold in the authorization matrix', () => {
    const glossary = declaredActions().filter((a) => a.owner === 'glossary')
    expect(glossary.map((a) => a.name)).toEqual(['glossary.term.propose', 'glossary.term.withdraw'])
    expect(matrix(glossary)).toHaveLength(3 * 8)
    expect(mismatches(matrix(glossary))).toEqual([])
  })

  it('needed no change in core, the app or the runtime: none of them names it', () => {
    const outside = [...filesUnder('src/core'), join(root, 'src/app.ts'), join(root, 'src/runtime.ts')]
    expect(outside.filter((file) => /glossary/i.test(readFileSync(file, 'utf8')))).toEqual([])
  })
})

describe.each(DATABASE_KINDS)('the glossary module on %s', (kind) => {
  let runtime: TestRuntime

  beforeAll(async () => {
    runtime = await createTestRuntime(kind, { modules: withGlossary })
  })
  afterAll(() => runtime.close())

  it('runs its migration with the others and links its page from the navigation, in every language', async () => {
    expect(runtime.migrated).toContain('20261207-0200-glossary-create-term')
    for (const lang of ['ar', 'zh', 'en', 'fr', 'ru', 'es']) {
      const title = JSON.parse(readFileSync(join(import.meta.dirname, 'glossary/messages', `${lang}.json`), 'utf8'))[
        'glossary.title'
      ]
      const page = await new TestClient(runtime).get(`/glossary?lang=${lang}`)
      expect(page.response.status, lang).toBe(200)
      expect(page.html, lang).toContain(`<h1>${title}</h1>`)
      expect(page.html, lang).toMatch(new RegExp(`href="/glossary"[^>]*>${title}<`))
    }
  })

  it('lets anyone signed in propose a term, audited, and shows an anonymous visitor no form', async () => {
    const anonymous = await new TestClient(runtime).get('/glossary')
    expect(anonymous.html).not.toContain('action="/glossary"')
    const { client } = await signUp(runtime, 'Proposer')
    const proposed = await client.submit('/glossary', {
      term: 'Ad referendum',
      definition: 'Agreed by the delegation, subject to confirmation by its capital.',
    })
    expect(proposed.response.status).toBe(303)
    expect((await new TestClient(runtime).get('/glossary')).html).toContain('Ad referendum')
    const [term] = await runtime.deps.db
      .withTables<{ glossaryTerm: { id: number; term: string } }>()
      .selectFrom('glossaryTerm')
      .select('id')
      .where('term', '=', 'Ad referendum')
      .execute()
    // this term's entry: another test proposes a term of its own, in any order
    const audited = await runtime.deps.db
      .selectFrom('auditEntry')
      .select('action')
      .where('action', '=', 'glossary.term.proposed')
      .where('subjectType', '=', 'glossary_term')
      .where('subjectId', '=', String(term?.id))
      .execute()
    expect(audited).toHaveLength(1)
  })

  it('refuses a term over its limit with the reason beside the field and what was typed kept', async () => {
    const { client } = await signUp(runtime, 'Verbose')
    const refused = await client.submit('/glossary', { term: 'x'.repeat(101), definition: 'Kept as typed' })
    expect(refused.response.status).toBe(422)
    expect(refused.html).toContain('id="field-term-error"')
    expect(refused.html).toContain('Kept as typed')
  })

  it('lets only the proposer or the Secretariat withdraw a term', async () => {
    const { client: proposer } = await signUp(runtime, 'Owner')
    await proposer.submit('/glossary', { term: 'Silence procedure', definition: 'Adopted unless someone objects.' })
    const [term] = await runtime.deps.db
      .withTables<{ glossaryTerm: { id: number; term: string } }>()
      .selectFrom('glossaryTerm')
      .select('id')
      .where('term', '=', 'Silence procedure')
      .execute()
    const { client: other } = await signUp(runtime, 'Someone else')
    const refused = await other.submit(`/glossary/${term?.id}/withdraw`, {}, '/glossary')
    expect(refused.response.status).toBe(403)
    const withdrawn = await proposer.submit(`/glossary/${term?.id}/withdraw`, {}, '/glossary')
    expect(withdrawn.response.status).toBe(303)
    expect((await new TestClient(runtime).get('/glossary')).html).not.toContain('Silence procedure')
    const { client: secretariat } = await accountWithRole(runtime, 'secretariat')
    const again = await secretariat.submit(`/glossary/${term?.id}/withdraw`, {}, '/glossary')
    expect(again.response.status).toBe(409)
  })
})
