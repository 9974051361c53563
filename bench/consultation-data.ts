// The consultation bench's data: a CSV of generated contributions with known campaigns
// (src/modules/consultation's generator), written to a file, and the truth kept beside it.

import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { generateContributions } from '../src/modules/consultation/index.ts'

const HEADER = 'external_id,submitted_at,speaker_kind,speaker_name,organization,country,language,question,text\n'
const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)

/** Writes `total` rows; returns each row's true campaign (-1: none), by row number from 1. */
export async function writeConsultationCsv(file: string, total: number, seed = 11): Promise<Int32Array> {
  const truth = new Int32Array(total + 1).fill(-1)
  const out = createWriteStream(file)
  out.write(HEADER)
  let n = 0
  for (const g of generateContributions({ total, seed })) {
    n++
    truth[n] = g.campaign ?? -1
    const line = `${g.externalId},${g.submittedAt.toISOString()},individual,${cell(g.speakerName)},,,${g.language},1,${cell(g.text)}\n`
    if (!out.write(line)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
  return truth
}
