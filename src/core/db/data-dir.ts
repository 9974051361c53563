// PGlite's data directory belongs to one process at a time: a lock file holding the owner's pid,
// taken before PGlite opens the directory and removed on close. A lock left by a process that no
// longer runs (kill -9, a crash) is stale and taken over; a live owner makes the start refuse,
// naming the directory and the pid. Start-up problems (read-only directory, full disk) are told
// as sentences that name the cause and the path.
import {
  accessSync,
  closeSync,
  constants,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statfsSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'

export const LOCK_FILE = 'ecp.lock'
/** Below this, PGlite cannot be trusted to write its checkpoint: refuse to start. */
export const MIN_START_FREE_BYTES = 16 * 1024 * 1024

/** A failure to start that an operator can act on; its message says what and where. */
export class StartupError extends Error {
  override name = 'StartupError'
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it runs, under another user
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function explain(error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'EROFS') return `${path} is on a read-only file system`
  if (code === 'EACCES' || code === 'EPERM') return `this process may not write to ${path} (permission denied)`
  if (code === 'ENOSPC') return `the disk holding ${path} is full`
  return `${path}: ${describeError(error)}`
}

/** A thrown value as a sentence, whatever was thrown (never "[object Object]"). */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code
    return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message
  }
  if (error && typeof error === 'object') {
    const o = error as { message?: unknown; code?: unknown; status?: unknown; name?: unknown }
    const parts = [o.name, o.message, o.code, o.status !== undefined ? `status ${o.status}` : undefined]
    const text = parts.filter((p) => typeof p === 'string' || typeof p === 'number').join(': ')
    if (text) return text
    try {
      return JSON.stringify(error)
    } catch {
      return Object.prototype.toString.call(error)
    }
  }
  return String(error)
}

/** Checks the directory can be written and has room; throws a StartupError naming it otherwise. */
export function checkDataDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true })
    accessSync(dir, constants.W_OK)
  } catch (error) {
    throw new StartupError(`cannot use the data directory: ${explain(error, dir)}`)
  }
  const stats = statfsSync(dir)
  const free = stats.bavail * stats.bsize
  if (free < MIN_START_FREE_BYTES) {
    throw new StartupError(
      `cannot start: the disk holding the data directory ${dir} is full (${free} bytes free; ecp needs at least ${MIN_START_FREE_BYTES})`,
    )
  }
}

/**
 * Takes the data directory's lock for this process; returns its release. Throws a StartupError
 * when another live process holds it.
 */
export function lockDataDir(dir: string): () => void {
  const path = join(dir, LOCK_FILE)
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number
    try {
      fd = openSync(path, 'wx', 0o644)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new StartupError(`cannot lock the data directory: ${explain(error, path)}`)
      }
      const owner = Number.parseInt(readFileSync(path, 'utf8').trim(), 10)
      if (Number.isInteger(owner) && owner > 0 && alive(owner)) {
        throw new StartupError(
          `the data directory ${dir} is in use by another ecp (process ${owner}); stop that one first, or use another ECP_DATA_DIR. If no ecp runs, remove ${path}.`,
        )
      }
      // stale: its owner is gone
      rmSync(path, { force: true })
      continue
    }
    try {
      writeSync(fd, `${process.pid}\n`)
    } catch (error) {
      closeSync(fd)
      rmSync(path, { force: true })
      throw new StartupError(`cannot lock the data directory: ${explain(error, path)}`)
    }
    closeSync(fd)
    return () => {
      // only our own lock is removed (a takeover after a long pause is not undone)
      try {
        if (readFileSync(path, 'utf8').trim() === String(process.pid)) rmSync(path, { force: true })
      } catch {}
    }
  }
  throw new StartupError(`cannot lock the data directory ${dir}: ${path} keeps reappearing`)
}
