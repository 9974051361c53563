// A small leveled logger writing one line per event to stderr; the level comes from ECP_LOG.

export type LogLevel = 'silent' | 'error' | 'info' | 'debug'
const RANK: Record<LogLevel, number> = { silent: 0, error: 1, info: 2, debug: 3 }

export interface Logger {
  error(message: string, detail?: unknown): void
  info(message: string, detail?: unknown): void
  debug(message: string, detail?: unknown): void
}

export function createLogger(level: LogLevel): Logger {
  const write = (at: LogLevel, message: string, detail?: unknown) => {
    if (RANK[at] > RANK[level]) return
    const suffix =
      detail === undefined
        ? ''
        : ` ${detail instanceof Error ? (detail.stack ?? detail.message) : JSON.stringify(detail)}`
    process.stderr.write(`${new Date().toISOString()} ${at} ${message}${suffix}\n`)
  }
  return {
    error: (m, d) => write('error', m, d),
    info: (m, d) => write('info', m, d),
    debug: (m, d) => write('debug', m, d),
  }
}
