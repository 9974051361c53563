// What a benchmark scenario gets and gives. Scenarios live in bench/scenarios/ (one file per
// module) and are listed in bench/scenarios/index.ts; `npm run bench` runs them on PGlite and,
// when a PostgreSQL server answers, on PostgreSQL.
import type { createApp } from '../src/app.ts'
import type { DatabaseKind } from '../src/core/db/database.ts'
import type { Runtime } from '../src/runtime.ts'

export interface LoadResult {
  requestsPerSecond: number
  p50: number
  p99: number
  errors: number
}

export interface TimingResult {
  p50: number
  p99: number
  samples: number
}

export interface BenchContext {
  kind: DatabaseKind
  /** the running platform (demo data loaded); scenarios may add data through it */
  runtime: Runtime
  /** base URL of the server under test, e.g. http://127.0.0.1:41234 (visitors' copies of pages on) */
  baseUrl: string
  /** the app in-process, keeping no copies of pages, for timing the work itself */
  app: ReturnType<typeof createApp>
  /** server time of a GET (in-process, no network), `samples` times after a warm-up */
  serverTime(path: string, samples?: number, headers?: Record<string, string>): Promise<TimingResult>
  /** server time of any piece of work (e.g. producing a file) */
  timeWork(work: () => Promise<unknown>, samples?: number): Promise<TimingResult>
  /** a loopback load of 50 connections on a path */
  load(
    path: string,
    options?: { connections?: number; seconds?: number; headers?: Record<string, string> },
  ): Promise<LoadResult>
  print(line: string): void
}

export interface Scenario {
  name: string
  run(ctx: BenchContext): Promise<void>
}
