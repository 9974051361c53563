// The shipped taxonomy: reference/issues.csv (English, with each issue's scope and its rationale)
// and reference/issues.<lang>.json (names and descriptions in the other five languages). On start,
// issues missing from the database are added; issues already there are left as the Secretariat
// edited them.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import type { Db } from '../../core/db/database.ts'
import { jsonb } from '../../core/db/helpers.ts'
import type { Logger } from '../../core/log.ts'
import { insertMissingIssues } from './queries-write.ts'
import type { Names } from './tables.ts'
import { SCOPES, type Scope } from './vocabulary.ts'

const DIR = join(import.meta.dirname, 'reference')
const OTHER_LANGUAGES = ['ar', 'zh', 'fr', 'ru', 'es'] as const

export interface ReferenceIssue {
  slug: string
  basket: string
  name: Names
  description: Names
  scope: Scope
  scopeRationale: string
}

type Translation = Record<string, { name: string; description: string }> & { _baskets?: Record<string, string> }

export function readTaxonomy(): { issues: ReferenceIssue[]; baskets: Record<string, Names> } {
  const rows = parse(readFileSync(join(DIR, 'issues.csv'), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  }) as Record<string, string>[]
  const translations = Object.fromEntries(
    OTHER_LANGUAGES.map((l) => [l, JSON.parse(readFileSync(join(DIR, `issues.${l}.json`), 'utf8')) as Translation]),
  )
  const baskets: Record<string, Names> = {}
  for (const l of OTHER_LANGUAGES) {
    for (const [slug, name] of Object.entries(translations[l]?._baskets ?? {}))
      baskets[slug] = { ...baskets[slug], [l]: name }
  }
  const issues = rows.map((r) => {
    const scope = r.scope as Scope
    if (!SCOPES.includes(scope)) throw new Error(`issues.csv: ${r.slug} has an unknown scope ${r.scope}`)
    const name: Names = { en: r.name }
    const description: Names = { en: r.description }
    for (const l of OTHER_LANGUAGES) {
      const t = translations[l]?.[r.slug as string]
      if (t) {
        name[l] = t.name
        description[l] = t.description
      }
    }
    return {
      slug: r.slug as string,
      basket: r.basket as string,
      name,
      description,
      scope,
      scopeRationale: r.scope_rationale ?? '',
    }
  })
  return { issues, baskets }
}

export async function syncTaxonomy(db: Db, log: Logger): Promise<void> {
  const { issues } = readTaxonomy()
  const added = await insertMissingIssues(
    db,
    issues.map((i) => ({
      ...i,
      name: jsonb(i.name),
      description: jsonb(i.description),
      firstRaisedOn: null,
      proposedBy: null,
      triageReason: null,
      triagedBy: null,
      triagedAt: null,
    })),
  )
  if (added) log.info(`reference data: ${added} issue(s) of the taxonomy added`)
}
