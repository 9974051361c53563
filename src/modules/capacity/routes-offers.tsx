// The capacity-building offers: the list, and the form a provider's representative (or the
// Secretariat) records an offer with.
import type { Context, Hono } from 'hono'
import { organizationsOf } from '../../core/auth/actor.ts'
import { can } from '../../core/auth/authorize.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { flash } from '../../core/http/cookies.ts'
import { respondError } from '../../core/http/errors.tsx'
import { parseForm } from '../../core/http/forms.ts'
import { denied } from '../../core/http/guards.ts'
import type { FormState } from '../../core/ui/form.tsx'
import { findOrganizationsByIds, listOrganizations } from '../actors/index.ts'
import { recordOffer } from './commands.ts'
import { placesFor, providersOf } from './places.ts'
import { listOffers } from './queries.ts'
import { OfferInput } from './schemas.ts'
import { renderOfferForm } from './views/forms.tsx'
import { renderOffers } from './views/offers.tsx'

async function offerForm(c: Context<AppEnv>, form: FormState, status: 200 | 403 | 422 = 200) {
  const organizations = can(c.var.actor, 'capacity.manage')
    ? (await listOrganizations(c.var.db, { limit: 1000, offset: 0 })).rows
    : await findOrganizationsByIds(c.var.db, organizationsOf(c.var.actor))
  return renderOfferForm(c, { places: await placesFor(c), organizations, form, status })
}

export function registerOfferRoutes(app: Hono<AppEnv>): void {
  app.get('/capacity/offers', async (c) => {
    const [places, offers] = await Promise.all([placesFor(c), listOffers(c.var.db)])
    return renderOffers(c, { places, offers, providers: await providersOf(c, offers) })
  })

  app.get('/capacity/offers/new', async (c) => {
    if (!can(c.var.actor, 'capacity.manage') && organizationsOf(c.var.actor).length === 0)
      return denied(c, 'capacity.offer')
    return offerForm(c, { values: { languages: ['en'] } })
  })

  app.post('/capacity/offers/new', async (c) => {
    const form = await parseForm(c, OfferInput)
    if (!form.ok) return offerForm(c, form, 422)
    const result = await recordOffer(c.var.db, commandContext(c), form.value)
    if (!result.ok) return respondError(c, result.error)
    flash(c, 'flash.saved')
    return c.redirect('/capacity/offers', 303)
  })
}
