// What this module's form routes share: a command's outcome as a redirect back with a message (or
// the error page), a refused form as the error page listing why, and the page a form came from.
import type { Context } from 'hono'
import type { AppEnv } from '../../core/http/context.ts'
import { flash } from '../../core/http/cookies.ts'
import { respondError } from '../../core/http/errors.tsx'
import type { Issue, Result } from '../../core/result.ts'

/** A command's outcome as a redirect back with a message, or the error page. */
export function outcome(c: Context<AppEnv>, result: Result<unknown>, back: string, message = 'flash.saved') {
  if (!result.ok) return respondError(c, result.error)
  flash(c, message)
  return c.redirect(back, 303)
}

export function invalidForm(c: Context<AppEnv>, issues: Issue[]) {
  return respondError(c, { type: 'invalid', id: 'invalid_input', issues })
}

/** Back to the page the form was on, when it is one of ours; otherwise the home page. */
export function cameFrom(c: Context<AppEnv>): string {
  return c.req.header('referer')?.startsWith(new URL(c.req.url).origin) ? (c.req.header('referer') as string) : '/'
}
