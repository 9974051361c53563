// Progress bars for long CLI work (export, import, demo, audit verification), on stderr and only
// when stderr is a terminal, so scripts and logs stay clean.
import { Presets, SingleBar } from 'cli-progress'

export interface Progress {
  increment(by?: number, payload?: Record<string, string>): void
  stop(): void
}

export function progressBar(task: string, total: number): Progress {
  if (!process.stderr.isTTY) return { increment() {}, stop() {} }
  const bar = new SingleBar(
    { format: `${task} [{bar}] {percentage}% | {value}/{total} {label}`, stream: process.stderr, hideCursor: true },
    Presets.shades_classic,
  )
  bar.start(total, 0, { label: '' })
  return {
    increment: (by = 1, payload) => bar.increment(by, payload),
    stop: () => bar.stop(),
  }
}
