// Building the open-data ZIP from every module's `openData` hook: one CSV and one JSON file per
// dataset, a Frictionless Data Package descriptor (datapackage.json: every CSV with its Table
// Schema), a data dictionary (dictionary.csv and README.md) and the licence. Files are sorted and
// stamped with one date so the same data gives the same bytes. Every CSV goes through the one CSV
// writer, which neutralizes cells a spreadsheet would run as formulas.
import { createHash } from 'node:crypto'
import { strToU8, zipSync } from 'fflate'
import type { Db } from '../../core/db/database.ts'
import { toCsv } from '../../core/formats/csv.ts'
import type { ModuleManifest, OpenDataset } from '../../core/module.ts'

export const LICENCE = `Open data from ecp, the Enhanced Cooperation Platform.

Licence: Creative Commons Attribution 4.0 International (CC BY 4.0),
https://creativecommons.org/licenses/by/4.0/ — you may share and adapt the data for any purpose,
giving appropriate credit ("Data: ecp, <the installation's address>") and indicating changes.

Reference data on Member States comes from the United Nations Statistics Division (M49) and
UNTERM (see the platform's README for sources); contributions and reports are published by their
authors on the platform under the same terms.
`

/** The licence as a Data Package names it (an Open Definition licence id). */
const PACKAGE_LICENCE = {
  name: 'CC-BY-4.0',
  path: 'https://creativecommons.org/licenses/by/4.0/',
  title: 'Creative Commons Attribution 4.0 International',
}

export interface BundleFile {
  name: string
  bytes: Uint8Array
}

export async function datasetsOf(db: Db, modules: readonly ModuleManifest[]): Promise<OpenDataset[]> {
  const lists = await Promise.all(modules.flatMap((m) => (m.openData ? [m.openData(db)] : [])))
  return lists.flat().sort((a, b) => a.name.localeCompare(b.name))
}

/** JSON keeps each value's type; dates become ISO 8601 text. */
const json = (value: unknown) => strToU8(`${JSON.stringify(value, null, 1)}\n`)

/**
 * The Data Package descriptor (Frictionless Data Package v2, readable as v1 too): each CSV a
 * tabular resource with its Table Schema, size and hash, under CC BY 4.0.
 */
export function dataPackage(
  datasets: readonly OpenDataset[],
  csvFiles: ReadonlyMap<string, Uint8Array>,
  builtAt: Date,
) {
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    profile: 'tabular-data-package',
    name: 'ecp-open-data',
    title: 'ecp open data: enhanced cooperation on international Internet-related public policy',
    description:
      'Every public dataset of this ecp installation: bodies, processes, meetings, calls and contributions, the negotiation record, the issue map, annual reports, the library, capacity gaps, Member States and organizations. Each is given as CSV (described here) and as JSON (the same rows).',
    version: '2.0.0',
    created: builtAt.toISOString(),
    licenses: [PACKAGE_LICENCE],
    contributors: [{ title: 'ecp, the Enhanced Cooperation Platform', roles: ['publisher'] }],
    resources: datasets.map((d) => {
      const bytes = csvFiles.get(d.name) as Uint8Array
      return {
        name: d.name,
        type: 'table',
        profile: 'tabular-data-resource',
        path: `${d.name}.csv`,
        description: d.description,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        bytes: bytes.byteLength,
        hash: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
        schema: {
          fields: d.fields.map((f) => ({ name: f.name, type: f.type, description: f.description })),
          missingValues: [''],
          ...(d.primaryKey ? { primaryKey: d.primaryKey } : {}),
          ...(d.foreignKeys?.length ? { foreignKeys: d.foreignKeys } : {}),
        },
      }
    }),
  }
}

export function bundleFiles(datasets: readonly OpenDataset[], builtAt: Date): BundleFile[] {
  const files: BundleFile[] = []
  const csvFiles = new Map<string, Uint8Array>()
  const dictionary: Record<string, string>[] = []
  for (const d of datasets) {
    const csv = strToU8(
      toCsv(
        d.rows,
        d.fields.map((f) => f.name),
      ),
    )
    csvFiles.set(d.name, csv)
    files.push({ name: `${d.name}.csv`, bytes: csv })
    files.push({ name: `${d.name}.json`, bytes: json(d.rows) })
    for (const f of d.fields)
      dictionary.push({ dataset: d.name, field: f.name, type: f.type, description: f.description })
  }
  files.push({ name: 'datapackage.json', bytes: json(dataPackage(datasets, csvFiles, builtAt)) })
  files.push({ name: 'dictionary.csv', bytes: strToU8(toCsv(dictionary, ['dataset', 'field', 'type', 'description'])) })
  const readme = [
    '# ecp open data',
    '',
    `Built ${builtAt.toISOString()}. Each dataset is given as CSV (UTF-8, header row) and as JSON (an array of objects).`,
    'datapackage.json describes every CSV as a Frictionless Data Package (Table Schema: field names, types,',
    'keys); dictionary.csv lists the same fields. Licence: see LICENSE.txt (CC BY 4.0).',
    '',
    "In the CSV files, a text cell that starts with = + - @ or a tab is preceded by an apostrophe (') so",
    'that a spreadsheet shows it instead of running it as a formula; the JSON files give the text as written.',
    '',
    ...datasets.flatMap((d) => [
      `## ${d.name} (${d.rows.length} rows)`,
      '',
      d.description,
      '',
      ...d.fields.map((f) => `- \`${f.name}\` (${f.type}): ${f.description}`),
      '',
    ]),
  ].join('\n')
  files.push({ name: 'README.md', bytes: strToU8(readme) })
  files.push({ name: 'LICENSE.txt', bytes: strToU8(LICENCE) })
  return files.sort((a, b) => a.name.localeCompare(b.name))
}

export function zip(files: readonly BundleFile[], builtAt: Date): Uint8Array {
  return zipSync(Object.fromEntries(files.map((f) => [f.name, [f.bytes, { mtime: builtAt }]])), { level: 9 })
}
