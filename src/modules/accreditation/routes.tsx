// Accreditation pages: ask (any signed-in person) and review (Secretariat).
import type { Context, Hono } from 'hono'
import { accountIdOf } from '../../core/auth/actor.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { flash } from '../../core/http/cookies.ts'
import { respondError } from '../../core/http/errors.tsx'
import { parseForm } from '../../core/http/forms.ts'
import { requireAccount } from '../../core/http/guards.ts'
import { idParam } from '../../core/http/ids.ts'
import { pageParam } from '../../core/ui/components.tsx'
import type { FormState } from '../../core/ui/form.tsx'
import { findOrganizationsByIds, listMemberStates, listOrganizations } from '../actors/index.ts'
import {
  appealAccreditation,
  approveAccreditation,
  refuseAccreditation,
  requestAccreditation,
  withdrawAccreditation,
} from './commands.ts'
import { appealsOf, listRequests, requestsOfAccount } from './queries.ts'
import { AccreditationInput, AppealInput, RefusalInput } from './schemas.ts'
import type { AccreditationStatus } from './tables.ts'
import { renderRequestPage } from './views/request.tsx'
import { renderReview } from './views/review.tsx'

const PAGE_SIZE = 25
const STATUSES = ['pending', 'appealed', 'approved', 'refused', 'withdrawn'] as const

async function requestPage(
  c: Context<AppEnv>,
  accountId: number,
  form: FormState,
  status?: 200 | 409 | 422,
  appealForm?: { requestId: number; form: FormState },
) {
  const { db } = c.var
  const [requests, states, organizations] = await Promise.all([
    requestsOfAccount(db, accountId),
    listMemberStates(db),
    listOrganizations(db, { limit: 5000, offset: 0 }),
  ])
  return renderRequestPage(c, {
    requests,
    appeals: await appealsOf(
      db,
      requests.map((r) => r.id),
    ),
    states,
    organizations: organizations.rows,
    form,
    ...(appealForm ? { appealForm } : {}),
    ...(status ? { status } : {}),
  })
}

async function reviewPage(c: Context<AppEnv>, refusal?: { requestId: number; form: FormState }) {
  const { db } = c.var
  const requested = c.req.query('status')
  const status: AccreditationStatus | undefined = STATUSES.includes(requested as AccreditationStatus)
    ? (requested as AccreditationStatus)
    : requested === 'all'
      ? undefined
      : 'pending'
  const page = pageParam(c.req.query('page'))
  const { rows, total } = await listRequests(db, { status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })
  const states = new Map((await listMemberStates(db)).map((s) => [s.iso3, s]))
  const orgIds = rows.flatMap((r) => (r.organizationId ? [r.organizationId] : []))
  const organizations = new Map((await findOrganizationsByIds(db, orgIds)).map((o) => [o.id, o]))
  return renderReview(c, {
    rows,
    appeals: await appealsOf(
      db,
      rows.map((r) => r.id),
    ),
    reviewer: accountIdOf(c.var.actor),
    total,
    page,
    pageSize: PAGE_SIZE,
    status,
    states,
    organizations,
    ...(refusal ? { refusal, httpStatus: 422 as const } : {}),
  })
}

export function registerAccreditationRoutes(app: Hono<AppEnv>): void {
  app.get('/accreditation', async (c) => {
    const actor = await requireAccount(c, 'accreditation.request')
    if (actor instanceof Response) return actor
    return requestPage(c, actor.accountId, {})
  })

  app.post('/accreditation', async (c) => {
    const actor = await requireAccount(c, 'accreditation.request')
    if (actor instanceof Response) return actor
    const form = await parseForm(c, AccreditationInput)
    if (!form.ok) return requestPage(c, actor.accountId, form, 422)
    const result = await requestAccreditation(
      c.var.db,
      { actor, requestId: c.var.requestId, now: c.var.deps.now() },
      form.value,
    )
    if (!result.ok) {
      if (result.error.type === 'invalid')
        return requestPage(c, actor.accountId, { values: form.values, issues: result.error.issues }, 422)
      if (result.error.type === 'conflict') {
        return requestPage(
          c,
          actor.accountId,
          { values: form.values, issues: [{ path: 'kind', code: `errors.${result.error.id}` }] },
          409,
        )
      }
      return respondError(c, result.error)
    }
    flash(c, 'flash.accreditationRequested')
    return c.redirect('/accreditation', 303)
  })

  app.post('/accreditation/:id/withdraw', async (c) => {
    const actor = await requireAccount(c, 'accreditation.request')
    if (actor instanceof Response) return actor
    const result = await withdrawAccreditation(
      c.var.db,
      { actor, requestId: c.var.requestId, now: c.var.deps.now() },
      idParam(c),
    )
    if (!result.ok) return respondError(c, result.error)
    flash(c, 'flash.accreditationWithdrawn')
    return c.redirect('/accreditation', 303)
  })

  app.post('/accreditation/:id/appeal', async (c) => {
    const actor = await requireAccount(c, 'accreditation.request')
    if (actor instanceof Response) return actor
    const requestId = idParam(c)
    const form = await parseForm(c, AppealInput)
    if (!form.ok) return requestPage(c, actor.accountId, {}, 422, { requestId, form })
    const result = await appealAccreditation(
      c.var.db,
      { actor, requestId: c.var.requestId, now: c.var.deps.now() },
      requestId,
      form.value.reason,
    )
    if (!result.ok) {
      if (result.error.type === 'invalid')
        return requestPage(c, actor.accountId, {}, 422, {
          requestId,
          form: { values: form.values, issues: result.error.issues },
        })
      return respondError(c, result.error)
    }
    flash(c, 'flash.accreditationAppealed')
    return c.redirect('/accreditation', 303)
  })

  app.get('/administration/accreditation', async (c) => {
    const actor = await requireAccount(c, 'accreditation.review')
    if (actor instanceof Response) return actor
    return reviewPage(c)
  })

  app.post('/administration/accreditation/:id/approve', async (c) => {
    const actor = await requireAccount(c, 'accreditation.review')
    if (actor instanceof Response) return actor
    const result = await approveAccreditation(
      c.var.db,
      { actor, requestId: c.var.requestId, now: c.var.deps.now() },
      idParam(c),
    )
    if (!result.ok) return respondError(c, result.error)
    flash(c, 'flash.accreditationApproved')
    return c.redirect('/administration/accreditation', 303)
  })

  app.post('/administration/accreditation/:id/refuse', async (c) => {
    const actor = await requireAccount(c, 'accreditation.review')
    if (actor instanceof Response) return actor
    const requestId = idParam(c)
    const form = await parseForm(c, RefusalInput)
    if (!form.ok) return reviewPage(c, { requestId, form })
    const result = await refuseAccreditation(
      c.var.db,
      { actor, requestId: c.var.requestId, now: c.var.deps.now() },
      requestId,
      form.value.reason,
    )
    if (!result.ok) return respondError(c, result.error)
    flash(c, 'flash.accreditationRefused')
    return c.redirect('/administration/accreditation', 303)
  })
}
