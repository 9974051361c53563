// Runs in a worker thread: analyzes the votes the main thread sends and answers with the result,
// so a large deliberation's analysis (seconds at Polis's largest size) never holds the event loop
// that answers pages. Loaded by off-thread.ts; Node strips the types (or tsx, under `ecp`).
import { parentPort } from 'node:worker_threads'
import { type AnalysisInput, analyze } from './rules/analyze.ts'

parentPort?.on('message', (message: { id: number; input: AnalysisInput }) => {
  try {
    parentPort?.postMessage({ id: message.id, ok: true, output: analyze(message.input) })
  } catch (error) {
    parentPort?.postMessage({ id: message.id, ok: false, error: error instanceof Error ? error.stack : String(error) })
  }
})
