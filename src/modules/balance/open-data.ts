// The balance of participation in the open-data bundle: every year of the platform and every
// process, one row per group of each grouping (the rows of the page's CSV, with their scope).
import type { Db } from '../../core/db/database.ts'
import type { OpenDataset } from '../../core/module.ts'
import { listProcesses } from '../processes/index.ts'
import { balanceReport, type Scope } from './report.ts'
import { balanceCsvRows } from './serialize.ts'

const FIELDS: OpenDataset['fields'] = [
  { name: 'scope', type: 'string', description: 'year or process' },
  { name: 'id', type: 'integer', description: 'The year, or the process id' },
  {
    name: 'grouping',
    type: 'string',
    description: 'regionalGroups, stakeholderGroups, languages, development or coverage',
  },
  { name: 'group', type: 'string', description: 'The group ("all": the whole grouping, with its evenness)' },
  { name: 'count', type: 'integer', description: 'Participants in the group (one State, one voice)' },
  { name: 'share', type: 'number', description: 'Its share of the grouping' },
  { name: 'membership_share', type: 'number', description: 'The share of the 193 UN Member States in the group' },
  { name: 'composition_share', type: 'number', description: "The share of the body's members in the group" },
  {
    name: 'ratio',
    type: 'number',
    description: 'Representation ratio: share / composition share, else / membership share',
  },
  {
    name: 'baseline_igf2022',
    type: 'number',
    description: 'The IGF 2022 share (intgovforum.org participation statistics)',
  },
  { name: 'evenness', type: 'number', description: 'Shannon evenness H / ln k (on the "all" row)' },
  { name: 'effective_groups', type: 'number', description: 'Effective number of groups exp H (on the "all" row)' },
]

export async function balanceOpenData(db: Db): Promise<OpenDataset[]> {
  const now = new Date()
  const thisYear = await balanceReport(db, 'year', now.getUTCFullYear(), now)
  const years = thisYear.ok ? thisYear.value.trend.map((p) => Number(p.label)) : []
  const processes = await listProcesses(db)
  const rows: Record<string, unknown>[] = []
  const add = async (scope: Scope, id: number) => {
    const report = await balanceReport(db, scope, id, now)
    if (report.ok) rows.push(...balanceCsvRows(report.value).map((r) => ({ scope, id, ...r })))
  }
  for (const year of years) await add('year', year)
  for (const p of [...processes].reverse()) await add('process', p.id)
  return [
    {
      name: 'balance_of_participation',
      description: 'Balance of participation per year of the platform and per process (docs/balance.md)',
      fields: FIELDS,
      primaryKey: ['scope', 'id', 'grouping', 'group'],
      rows: rows.map((r) => Object.fromEntries(FIELDS.map((f) => [f.name, r[f.name] === '' ? null : r[f.name]]))),
    },
  ]
}
