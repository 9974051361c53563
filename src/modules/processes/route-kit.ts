// What the processes' page routes share: form values with times in the reader's zone, a form's
// outcome (redirect, the form again with its reason, or the error page), and the process a
// manager may write to.
import type { Context } from 'hono'
import { isStaff } from '../../core/auth/actor.ts'
import { can } from '../../core/auth/authorize.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { respondError } from '../../core/http/errors.tsx'
import { type FormValues, forSchema } from '../../core/http/forms.ts'
import { denied } from '../../core/http/guards.ts'
import { idParam } from '../../core/http/ids.ts'
import type { Result } from '../../core/result.ts'
import type { FormState } from '../../core/ui/form.tsx'
import { findProcess } from './queries.ts'
import { acceptsWrites } from './rules/lifecycle.ts'
import { localToInstant } from './rules/time.ts'

/** Form values with the wall-clock fields turned into instants in the reader's time zone. */
export function withInstants(values: FormValues, fields: string[], timeZone: string): Record<string, unknown> {
  const out = forSchema(values)
  for (const field of fields) {
    const value = out[field]
    if (typeof value !== 'string') continue
    const instant = localToInstant(value, timeZone)
    out[field] = instant ? instant.toISOString() : value
  }
  return out
}

/** A form's outcome: the redirect, the form again with its problems (422/409), or the error page. */
export function formOutcome<T>(
  c: Context<AppEnv>,
  result: Result<T>,
  values: FormValues,
  onSuccess: (value: T) => Response,
  again: (form: FormState, status: 409 | 422) => Promise<Response>,
) {
  if (result.ok) return onSuccess(result.value)
  if (result.error.type === 'invalid') return again({ values, issues: result.error.issues }, 422)
  if (result.error.type === 'conflict' && result.error.id !== 'process_concluded')
    return again({ values, issues: [{ path: 'slug', code: `errors.${result.error.id}` }] }, 409)
  return respondError(c, result.error)
}

/**
 * The process, when the actor may manage it and its record is open (or, with `afterConclusion`,
 * when the Secretariat may still add to it); or the response to send instead.
 */
export async function managedProcess(c: Context<AppEnv>, afterConclusion = false) {
  const process = await findProcess(c.var.db, idParam(c))
  if (!process) return respondError(c, { type: 'not_found', id: 'process_not_found' })
  if (!can(c.var.actor, 'process.manage', { bodyId: process.bodyId })) {
    return denied(c, 'process.manage')
  }
  if (!acceptsWrites(process) && !(afterConclusion && isStaff(c.var.actor))) {
    return respondError(c, { type: 'conflict', id: 'process_concluded' })
  }
  return process
}

/** A refused parse as a command's result, for formOutcome. */
export const refused = (issues: { path: string; code: string }[]) =>
  ({ ok: false, error: { type: 'invalid', id: 'invalid_input', issues } }) as const
