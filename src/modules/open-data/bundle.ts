// Building the open-data ZIP from every module's `openData` hook: one CSV and one JSON file per
// dataset, a data dictionary (dictionary.csv and README.md) and the licence. Files are sorted and
// stamped with one date so the same data gives the same bytes.
import { stringify } from 'csv-stringify/sync'
import { strToU8, zipSync } from 'fflate'
import type { Db } from '../../core/db/database.ts'
import type { ModuleManifest, OpenDataset } from '../../core/module.ts'

export const LICENCE = `Open data from ecp, the Enhanced Cooperation Platform.

Licence: Creative Commons Attribution 4.0 International (CC BY 4.0),
https://creativecommons.org/licenses/by/4.0/ — you may share and adapt the data for any purpose,
giving appropriate credit ("Data: ecp, <the installation's address>") and indicating changes.

Reference data on Member States comes from the United Nations Statistics Division (M49) and
UNTERM (see the platform's README for sources); contributions and reports are published by their
authors on the platform under the same terms.
`

export interface BundleFile {
  name: string
  bytes: Uint8Array
}

export async function datasetsOf(db: Db, modules: readonly ModuleManifest[]): Promise<OpenDataset[]> {
  const lists = await Promise.all(modules.flatMap((m) => (m.openData ? [m.openData(db)] : [])))
  return lists.flat().sort((a, b) => a.name.localeCompare(b.name))
}

export function bundleFiles(datasets: readonly OpenDataset[], builtAt: Date): BundleFile[] {
  const files: BundleFile[] = []
  const dictionary: Record<string, string>[] = []
  for (const d of datasets) {
    const columns = d.fields.map((f) => f.name)
    files.push({ name: `${d.name}.csv`, bytes: strToU8(stringify(d.rows, { header: true, columns })) })
    files.push({ name: `${d.name}.json`, bytes: strToU8(`${JSON.stringify(d.rows, null, 1)}\n`) })
    for (const f of d.fields) dictionary.push({ dataset: d.name, field: f.name, description: f.description })
  }
  files.push({
    name: 'dictionary.csv',
    bytes: strToU8(stringify(dictionary, { header: true, columns: ['dataset', 'field', 'description'] })),
  })
  const readme = [
    '# ecp open data',
    '',
    `Built ${builtAt.toISOString()}. Each dataset is given as CSV (UTF-8, header row) and as JSON (an array of objects).`,
    'dictionary.csv describes every field. Licence: see LICENSE.txt (CC BY 4.0).',
    '',
    ...datasets.flatMap((d) => [
      `## ${d.name} (${d.rows.length} rows)`,
      '',
      d.description,
      '',
      ...d.fields.map((f) => `- \`${f.name}\`: ${f.description}`),
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
