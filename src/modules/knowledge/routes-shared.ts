// What the library's route files share: the item's id from the path, the issues' names, the
// redirect after a saved form, and the item form with its issues.
import type { Context } from 'hono'
import { can } from '../../core/auth/authorize.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { flash } from '../../core/http/cookies.ts'
import { idParam } from '../../core/http/ids.ts'
import type { FormState } from '../../core/ui/form.tsx'
import { localized } from '../actors/index.ts'
import { listIssues } from '../coordination/index.ts'
import { renderItemForm } from './views/item-form.tsx'

// the one id reader (core/http/ids.ts); the route's guard has refused anything else
export const itemId = (c: Context<AppEnv>) => idParam(c)

export async function issueNames(c: Context<AppEnv>) {
  const issues = await listIssues(c.var.db)
  const names = new Map(issues.map((i) => [i.slug, localized(i.name, c.var.i18n.locale)]))
  return { issues, issueName: (slug: string) => names.get(slug) ?? slug }
}

export function saved(c: Context<AppEnv>, to: string, message = 'flash.saved') {
  flash(c, message)
  return c.redirect(to, 303)
}

export async function itemForm(c: Context<AppEnv>, form: FormState, status: 200 | 422 = 200, editing?: number) {
  const canCurate = can(c.var.actor, 'library.curate')
  return renderItemForm(c, { form, ...(await issueNames(c)), canCurate, editing, status })
}
