// The scorecards as the pages, the Word file, the API and the open data serve them: read the
// record, compute, and give the same rows to every format.
import type { Db } from '../../core/db/database.ts'
import { findProcess, listProcesses } from '../processes/index.ts'
import { platformRecord, processRecord } from './record.ts'
import { type Scorecard, scorecardOf } from './rules/scorecard.ts'

export interface ScorecardOf {
  process: { id: number; title: string } | null
  card: Scorecard
}

/** A process's scorecard, or null when there is no such process. */
export async function processScorecard(db: Db, processId: number): Promise<ScorecardOf | null> {
  const process = await findProcess(db, processId)
  if (!process) return null
  const [record, platform] = await Promise.all([processRecord(db, process), platformRecord(db)])
  return { process: { id: process.id, title: process.title }, card: scorecardOf(record, platform) }
}

/** The platform's scorecard: what belongs to no process (annual reports, emerging issues). */
export async function platformScorecard(db: Db): Promise<ScorecardOf> {
  return { process: null, card: scorecardOf(null, await platformRecord(db)) }
}

export async function processesForScorecard(db: Db) {
  return (await listProcesses(db)).map((p) => ({ id: p.id, title: p.title }))
}

/** The scorecard as JSON: one entry per year for every indicator and self-report. */
export function scorecardJson({ process, card }: ScorecardOf) {
  return {
    process,
    years: card.years,
    characteristics: card.characteristics.map((ch) => ({
      characteristic: ch.characteristic,
      indicators: ch.indicators.map((row) => ({
        id: row.id,
        kind: row.kind,
        scope: row.scope,
        values: row.values.map((v, i) => ({
          year: card.years[i] as number,
          recorded: v.recorded,
          value: v.recorded ? v.value : null,
          numerator: v.recorded ? v.numerator : null,
          denominator: v.recorded ? v.denominator : null,
        })),
      })),
      selfReported: ch.selfReported.values.map((v, i) => ({
        year: card.years[i] as number,
        organizations: v?.organizations ?? null,
        reports: v?.reports ?? null,
      })),
    })),
  }
}

/** Every process's scorecard and the platform's, as rows of the open data. */
export async function scorecardRows(db: Db): Promise<Record<string, unknown>[]> {
  const cards = [await platformScorecard(db)]
  for (const p of await listProcesses(db)) {
    const card = await processScorecard(db, p.id)
    if (card) cards.push(card)
  }
  return cards.flatMap(({ process, card }) =>
    card.characteristics.flatMap((ch) =>
      ch.indicators
        // the platform's rows once, not again with every process
        .filter((row) => process === null || row.scope === 'process')
        .flatMap((row) =>
          row.values.map((v, i) => ({
            process_id: process?.id ?? null,
            year: card.years[i],
            characteristic: ch.characteristic,
            indicator: row.id,
            recorded: v.recorded,
            value: v.recorded ? v.value : null,
            numerator: v.recorded ? v.numerator : null,
            denominator: v.recorded ? v.denominator : null,
          })),
        ),
    ),
  )
}
