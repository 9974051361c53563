// Pages of bodies: the directory and a body's page. Thin: read, render; the body's processes
// and follow button come from the modules that own them (`sections`).
import type { Hono } from 'hono'
import { can } from '../../core/auth/authorize.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { respondError } from '../../core/http/errors.tsx'
import { sectionsFor } from '../../core/ui/sections.ts'
import { bodyDetail } from './detail.ts'
import { findBody, listBodies } from './queries.ts'
import { registerBodyManagementRoutes } from './routes-manage.tsx'
import { renderBodies, renderBody } from './views/bodies.tsx'

export function registerBodyRoutes(app: Hono<AppEnv>): void {
  app.get('/bodies', async (c) => {
    const bodies = await listBodies(c.var.db)
    return renderBodies(c, {
      bodies,
      parents: new Map(bodies.map((b) => [b.id, b])),
      canManage: can(c.var.actor, 'body.manage'),
    })
  })

  // the forms first: "/bodies/new" is not a body's page
  registerBodyManagementRoutes(app)

  app.get('/bodies/:slug', async (c) => {
    const body = await findBody(c.var.db, c.req.param('slug'))
    if (!body) return respondError(c, { type: 'not_found', id: 'body_not_found' })
    const subject = { id: body.id, bodyId: body.id }
    return renderBody(c, {
      ...(await bodyDetail(c.var.db, body, c.var.i18n.locale)),
      canManage: can(c.var.actor, 'body.manage'),
      sections: await sectionsFor(c, 'body', subject),
      headerSections: await sectionsFor(c, 'body', subject, 'header'),
    })
  })
}
