// What every request handler can reach: the app's dependencies and the per-request state.

import type { Context } from 'hono'
import type { Config } from '../../config.ts'
import type { CommandContext } from '../audit/audit.ts'
import type { Actor } from '../auth/actor.ts'
import type { DatabaseKind, Db } from '../db/database.ts'
import type { Messages, Translator } from '../i18n/messages.ts'
import type { Logger } from '../log.ts'
import type { ModuleManifest } from '../module.ts'
import type { DatabaseHealth } from './health.ts'

export interface AppDeps {
  db: Db
  dbKind: DatabaseKind
  config: Config
  log: Logger
  messages: Messages
  modules: readonly ModuleManifest[]
  /** installation secret for CSRF tokens, stored in the database so instances share it */
  csrfSecret: string
  now: () => Date
  /** faults met and the disk watched by /healthz (one per app when absent) */
  health?: DatabaseHealth
}

export interface AppEnv {
  Variables: {
    deps: AppDeps
    /** the database for this request: a transaction when the request is idempotent */
    db: Db
    requestId: string
    actor: Actor
    i18n: Translator
    /** the token forms must echo back; empty when the request carries no CSRF cookie yet */
    csrfToken: string
    sessionToken: string | null
    clientIp: string
  }
}

/** A command's context from a request: the signed-in actor, the request id and the app's clock. */
export function commandContext(c: Context<AppEnv>): CommandContext {
  return { actor: c.var.actor, requestId: c.var.requestId, now: c.var.deps.now() }
}
