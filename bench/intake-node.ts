// The import's work in this process alone, step by step, on the bench's CSV (no database): read and
// split, checked, written as COPY data. CPU seconds of each step (cumulative), to see where it goes.
// Usage: node --import tsx bench/intake-node.ts ROWS [STEPS]   (STEPS: parse,check,encode)
import { createReadStream, existsSync } from 'node:fs'
import { BinaryCopy } from '../src/core/db/copy-binary.ts'
import { checkRecord, type Resolver } from '../src/modules/consultation/rules/records.ts'
import { readRecords } from '../src/modules/consultation/sources/records.ts'
import { batchPrefix, writeImportRow } from '../src/modules/contributions/queries-bulk-write.ts'
import { writeConsultationCsv } from './consultation-data.ts'

const ROWS = Number(process.argv[2] ?? 100_000)
const steps = process.argv[3] ?? 'encode'
const file = `/tmp/ecp-intake-${ROWS}.csv`
if (!existsSync(file)) await writeConsultationCsv(file, ROWS)
const world: Resolver = {
  memberStates: new Map(),
  organizations: new Map(),
  stakeholderGroups: ['civil_society'],
  questionIds: [7],
  languages: ['ar', 'zh', 'en', 'fr', 'ru', 'es'],
}
const prefix = batchPrefix({ callId: 1, processId: 1, authorAccountId: 1, importId: 1, sourceFile: 'c.csv' })
const cpu0 = process.cpuUsage()
let n = 0
let bytes = 0
let copy = new BinaryCopy(5000 * 512)
let inBatch = 0
for await (const record of readRecords('csv', createReadStream(file))) {
  if (steps === 'parse' || 'error' in record) continue
  const checked = checkRecord(record.fields, record.line, world)
  if (!checked.ok) throw new Error(checked.reason)
  if (steps === 'check') continue
  writeImportRow(copy, prefix, ++n, checked.value)
  if (++inBatch === 5000) {
    bytes += copy.end().length
    copy = new BinaryCopy(5000 * 512)
    inBatch = 0
  }
}
const u = process.cpuUsage(cpu0)
console.log(`${steps}: ${((u.user + u.system) / 1e6).toFixed(2)} s CPU, ${n} rows, ${(bytes / 1e6).toFixed(0)} MB COPY`)
