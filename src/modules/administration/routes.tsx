// The Secretariat's administration: a dashboard of every module's tasks, and staff roles.
import type { Context, Hono } from 'hono'
import { z } from 'zod'
import { can } from '../../core/auth/authorize.ts'
import { staffGrants } from '../../core/auth/grants.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { flash } from '../../core/http/cookies.ts'
import { respondError } from '../../core/http/errors.tsx'
import { parseForm } from '../../core/http/forms.ts'
import { requireAccount } from '../../core/http/guards.ts'
import { idParam } from '../../core/http/ids.ts'
import { ErrorSummary, Form, type FormState, SelectField, SubmitButton, TextField } from '../../core/ui/form.tsx'
import { renderPage } from '../../core/ui/layout.tsx'
import { isolated, Name } from '../../core/ui/name.tsx'
import { countPendingAccreditations } from '../accreditation/index.ts'
import { bodyLabel, listBodies } from '../processes/index.ts'
import { grantStaffRole, revokeStaffRole, STAFF_ROLES } from './commands.ts'
import { grantsRevokedByRules } from './queries.ts'

const GrantInput = z.object({
  email: z.email().max(254),
  role: z.enum(STAFF_ROLES),
  // the body a Chair chairs (rules/grants.ts: required for a Chair, refused for the other roles)
  bodyId: z.coerce.number().int().positive().optional(),
})

async function rolesPage(c: Context<AppEnv>, form: FormState, status: 200 | 403 | 422 = 200) {
  const { i18n, csrfToken, db } = c.var
  const t = i18n.t
  const [grants, revoked, bodies] = await Promise.all([staffGrants(db), grantsRevokedByRules(db), listBodies(db)])
  const bodyById = new Map(bodies.map((b) => [String(b.id), b]))
  const roleLabel = (g: { role: string; scopeType: string | null; scopeId: string | null }) => {
    const body = g.scopeType === 'body' && g.scopeId ? bodyById.get(g.scopeId) : undefined
    return body ? t('roles.scoped', { role: t(`roles.${g.role}`), of: bodyLabel(body) }) : t(`roles.${g.role}`)
  }
  const title = t('administration.roles.title')
  return renderPage(
    c,
    { title, status },
    <>
      <p>
        <a href="/administration">{t('administration.title')}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{t('administration.roles.lead')}</p>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('administration.roles.person')}</th>
              <th scope="col">{t('administration.roles.role')}</th>
              <th scope="col">{t('administration.roles.since')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('administration.roles.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {grants.map((g) => (
              <tr>
                <td>
                  <Name>{g.displayName}</Name> <span class="muted">{g.email}</span>
                </td>
                <td>{roleLabel(g)}</td>
                <td>{i18n.date(g.grantedAt, 'medium')}</td>
                <td>
                  <Form action={`/administration/roles/${g.id}/revoke`} csrfToken={csrfToken} class="inline">
                    <button type="submit" class="link" data-confirm={t('administration.roles.confirmRevoke')}>
                      {t('administration.roles.revoke', { name: isolated(g.displayName), role: roleLabel(g) })}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>{t('administration.roles.fourEyes')}</p>
      <h2>{t('administration.roles.grant')}</h2>
      <ErrorSummary t={t} form={form} />
      <Form action="/administration/roles" csrfToken={csrfToken}>
        <TextField t={t} form={form} name="email" type="email" label={t('accounts.email')} required dir="ltr" />
        <SelectField
          t={t}
          form={form}
          name="role"
          label={t('administration.roles.role')}
          required
          placeholder={t('form.choose')}
          options={STAFF_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
        <SelectField
          t={t}
          form={form}
          name="bodyId"
          label={t('administration.roles.body')}
          hint={t('administration.roles.bodyHint')}
          placeholder={t('administration.roles.noBody')}
          options={bodies.map((b) => ({ value: String(b.id), label: bodyLabel(b) }))}
        />
        <SubmitButton>{t('administration.roles.grant')}</SubmitButton>
      </Form>
      {revoked.length > 0 ? (
        <section aria-labelledby="revoked-by-rules">
          <h2 id="revoked-by-rules">{t('administration.roles.revokedByRules')}</h2>
          <p>{t('administration.roles.revokedByRulesLead')}</p>
          <ul>
            {revoked.map((g) => (
              <li>
                {t(
                  g.role === 'chair' && g.scopeType !== 'body'
                    ? 'administration.roles.revokedChairWithoutBody'
                    : 'administration.roles.revokedOwnGrant',
                  {
                    name: g.displayName,
                    email: g.email,
                    role: t(`roles.${g.role}`),
                    date: i18n.date(g.revokedAt ?? new Date(), 'medium'),
                  },
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>,
  )
}

export function registerAdministrationRoutes(app: Hono<AppEnv>): void {
  app.get('/administration', async (c) => {
    const actor = await requireAccount(c, 'administration.view')
    if (actor instanceof Response) return actor
    const { i18n, deps, db } = c.var
    const t = i18n.t
    const links = deps.modules.flatMap((m) => m.administration ?? []).filter((l) => !l.visible || l.visible(actor))
    links.sort((a, b) => a.order - b.order)
    const pending = await countPendingAccreditations(db)
    return renderPage(
      c,
      { title: t('administration.title') },
      <>
        <h1>{t('administration.title')}</h1>
        <p class="lead">{t('administration.lead', { pending })}</p>
        <ul class="cards">
          {links.map((l) => (
            <li class="card">
              <a href={l.href}>{t(l.label)}</a>
            </li>
          ))}
          {can(actor, 'role.grant') ? (
            <li class="card">
              <a href="/administration/roles">{t('administration.roles.title')}</a>
            </li>
          ) : null}
        </ul>
      </>,
    )
  })

  app.get('/administration/roles', async (c) => {
    const actor = await requireAccount(c, 'role.grant')
    if (actor instanceof Response) return actor
    return rolesPage(c, {})
  })

  app.post('/administration/roles', async (c) => {
    const actor = await requireAccount(c, 'role.grant')
    if (actor instanceof Response) return actor
    const form = await parseForm(c, GrantInput)
    if (!form.ok) return rolesPage(c, form, 422)
    const result = await grantStaffRole(c.var.db, commandContext(c), form.value)
    if (!result.ok) {
      if (result.error.type === 'invalid')
        return rolesPage(c, { values: form.values, issues: result.error.issues }, 422)
      if (result.error.id === 'own_role')
        return rolesPage(c, { values: form.values, issues: [{ path: 'email', code: 'errors.own_role' }] }, 403)
      return respondError(c, result.error)
    }
    flash(c, 'flash.roleGranted')
    return c.redirect('/administration/roles', 303)
  })

  app.post('/administration/roles/:id/revoke', async (c) => {
    const actor = await requireAccount(c, 'role.grant')
    if (actor instanceof Response) return actor
    const result = await revokeStaffRole(c.var.db, commandContext(c), idParam(c))
    if (!result.ok) return respondError(c, result.error)
    flash(c, 'flash.roleRevoked')
    return c.redirect('/administration/roles', 303)
  })
}
