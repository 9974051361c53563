// The Secretariat's forms for bodies: new body, change a body, add a member or observer, record
// an officer. Parse, call the command (which authorizes), render the form again when refused.
import type { Context, Hono } from 'hono'
import { can } from '../../core/auth/authorize.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { flash } from '../../core/http/cookies.ts'
import { respondError } from '../../core/http/errors.tsx'
import { type FormValues, forSchema, readForm } from '../../core/http/forms.ts'
import { denied } from '../../core/http/guards.ts'
import { parseWith } from '../../core/http/validation.ts'
import type { Result } from '../../core/result.ts'
import type { FormState } from '../../core/ui/form.tsx'
import { listMemberStates, listOrganizations } from '../actors/index.ts'
import { addBodyMember, addBodyOfficer, createBody, updateBody } from './commands.ts'
import { type Body, findBody, listBodies } from './queries.ts'
import { BodyInput, BodyUpdate, MemberInput, OfficerInput } from './schemas.ts'
import { renderBodyForm, renderMemberForm, renderOfficerForm } from './views/forms.tsx'

type Again = (form: FormState, status: 409 | 422) => Promise<Response>

/** Where a conflict's reason is shown on the form. */
const CONFLICT_FIELD: Record<string, string> = {
  body_slug_taken: 'slug',
  already_member: 'memberStateIso3',
  already_officer: 'name',
  office_held: 'office',
}

/** A form's outcome: the redirect, the form again with its problems (422/409), or the error page. */
function formOutcome<T>(c: Context<AppEnv>, result: Result<T>, values: FormValues, done: () => Response, again: Again) {
  if (result.ok) return done()
  if (result.error.type === 'invalid') return again({ values, issues: result.error.issues }, 422)
  const field = result.error.type === 'conflict' ? CONFLICT_FIELD[result.error.id] : undefined
  if (field) return again({ values, issues: [{ path: field, code: `errors.${result.error.id}` }] }, 409)
  return respondError(c, result.error)
}

const refused = (issues: { path: string; code: string }[]) =>
  ({ ok: false, error: { type: 'invalid', id: 'invalid_input', issues } }) as const

/** The body named in the path, when the actor may manage bodies; or the response to send instead. */
async function managedBody(c: Context<AppEnv>): Promise<Body | Response> {
  if (!can(c.var.actor, 'body.manage')) return denied(c, 'body.manage')
  const body = await findBody(c.var.db, c.req.param('slug') ?? '')
  return body ?? respondError(c, { type: 'not_found', id: 'body_not_found' })
}

/** The edit form's values for a body as it stands. */
function valuesOf(body: Body): FormValues {
  const values: FormValues = {
    name: body.name,
    acronym: body.acronym ?? '',
    description: body.description,
    parentBodyId: body.parentBodyId ? String(body.parentBodyId) : '',
    mandateSymbol: body.mandateSymbol ?? '',
    mandateText: body.mandateText,
    termStartsOn: body.termStartsOn ?? '',
    termEndsOn: body.termEndsOn ?? '',
    memberStateSeats: body.memberStateSeats === null ? '' : String(body.memberStateSeats),
  }
  for (const [l, name] of Object.entries(body.names)) values[`names.${l}`] = name ?? ''
  for (const [g, n] of Object.entries(body.stakeholderSeats)) values[`stakeholderSeats.${g}`] = String(n)
  return values
}

export function registerBodyManagementRoutes(app: Hono<AppEnv>): void {
  const bodyFormPage = async (c: Context<AppEnv>, form: FormState, body?: Body, status?: 409 | 422) =>
    renderBodyForm(c, {
      parents: await listBodies(c.var.db),
      form,
      ...(body ? { body } : {}),
      ...(status ? { status } : {}),
    })

  app.get('/bodies/new', async (c) => {
    if (!can(c.var.actor, 'body.manage')) return denied(c, 'body.manage')
    return bodyFormPage(c, {})
  })

  app.post('/bodies/new', async (c) => {
    const values = await readForm(c)
    const parsed = parseWith(BodyInput, forSchema(values))
    const result = parsed.ok ? await createBody(c.var.db, commandContext(c), parsed.value) : refused(parsed.issues)
    const slug = typeof values.slug === 'string' ? values.slug.trim() : ''
    return formOutcome(
      c,
      result,
      values,
      () => c.redirect(`/bodies/${slug}`, 303),
      (form, status) => bodyFormPage(c, form, undefined, status),
    )
  })

  app.get('/bodies/:slug/edit', async (c) => {
    const body = await managedBody(c)
    if (body instanceof Response) return body
    return bodyFormPage(c, { values: valuesOf(body) }, body)
  })

  app.post('/bodies/:slug/edit', async (c) => {
    const body = await managedBody(c)
    if (body instanceof Response) return body
    const values = await readForm(c)
    const raw = forSchema(values)
    // the form shows every field: one left blank is cleared
    const input = {
      names: {},
      stakeholderSeats: {},
      description: '',
      mandateText: '',
      ...Object.fromEntries(
        ['acronym', 'parentBodyId', 'mandateSymbol', 'memberStateSeats', 'termStartsOn', 'termEndsOn'].map((k) => [
          k,
          null,
        ]),
      ),
      ...raw,
    }
    const parsed = parseWith(BodyUpdate, input)
    const result = parsed.ok
      ? await updateBody(c.var.db, commandContext(c), body.id, parsed.value)
      : refused(parsed.issues)
    return formOutcome(
      c,
      result,
      values,
      () => {
        flash(c, 'flash.saved')
        return c.redirect(`/bodies/${body.slug}`, 303)
      },
      (form, status) => bodyFormPage(c, form, body, status),
    )
  })

  const memberFormPage = async (c: Context<AppEnv>, body: Body, form: FormState, status?: 409 | 422) => {
    const [states, organizations] = await Promise.all([
      listMemberStates(c.var.db),
      listOrganizations(c.var.db, { limit: 1000, offset: 0 }),
    ])
    const collator = new Intl.Collator(c.var.i18n.tag)
    states.sort((a, b) => collator.compare(a.shortName[c.var.i18n.locale], b.shortName[c.var.i18n.locale]))
    return renderMemberForm(c, {
      body,
      states,
      organizations: organizations.rows,
      form,
      ...(status ? { status } : {}),
    })
  }

  app.get('/bodies/:slug/members/new', async (c) => {
    const body = await managedBody(c)
    if (body instanceof Response) return body
    return memberFormPage(c, body, { values: { standing: 'member' } })
  })

  app.post('/bodies/:slug/members/new', async (c) => {
    const body = await managedBody(c)
    if (body instanceof Response) return body
    const values = await readForm(c)
    const raw = forSchema(values)
    // representatives one per line: "Name, function"
    const representatives =
      typeof raw.representatives === 'string'
        ? raw.representatives
            .split(/\r?\n/)
            .map((line) => line.trim())
            .filter(Boolean)
            .map((line) => {
              const [name = '', ...rest] = line.split(',')
              const fn = rest.join(',').trim()
              return fn ? { name: name.trim(), function: fn } : { name: name.trim() }
            })
        : undefined
    const parsed = parseWith(MemberInput, { ...raw, representatives })
    const result = parsed.ok
      ? await addBodyMember(c.var.db, commandContext(c), body.id, parsed.value)
      : refused(parsed.issues)
    return formOutcome(
      c,
      result,
      values,
      () => {
        flash(c, 'flash.saved')
        return c.redirect(`/bodies/${body.slug}#members`, 303)
      },
      (form, status) => memberFormPage(c, body, form, status),
    )
  })

  const officerFormPage = async (c: Context<AppEnv>, body: Body, form: FormState, status?: 409 | 422) => {
    const states = await listMemberStates(c.var.db)
    const collator = new Intl.Collator(c.var.i18n.tag)
    states.sort((a, b) => collator.compare(a.shortName[c.var.i18n.locale], b.shortName[c.var.i18n.locale]))
    return renderOfficerForm(c, { body, states, form, ...(status ? { status } : {}) })
  }

  app.get('/bodies/:slug/officers/new', async (c) => {
    const body = await managedBody(c)
    if (body instanceof Response) return body
    return officerFormPage(c, body, {})
  })

  app.post('/bodies/:slug/officers/new', async (c) => {
    const body = await managedBody(c)
    if (body instanceof Response) return body
    const values = await readForm(c)
    const parsed = parseWith(OfficerInput, forSchema(values))
    const result = parsed.ok
      ? await addBodyOfficer(c.var.db, commandContext(c), body.id, parsed.value)
      : refused(parsed.issues)
    return formOutcome(
      c,
      result,
      values,
      () => {
        flash(c, 'flash.saved')
        return c.redirect(`/bodies/${body.slug}#officers`, 303)
      },
      (form, status) => officerFormPage(c, body, form, status),
    )
  })
}
