// The capacity pages: gaps by regional group and by development status (LDC, LLDC, SIDS), one gap
// with its history, its matches and the offers that could meet it; offers; and the forms. Each
// handler parses (schemas.ts), authorizes, calls a command or a query and renders a view.
import type { Context, Hono } from 'hono'
import { delegationsOf, organizationsOf } from '../../core/auth/actor.ts'
import { can } from '../../core/auth/authorize.ts'
import { isoDate } from '../../core/dates.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { flash } from '../../core/http/cookies.ts'
import { respondError } from '../../core/http/errors.tsx'
import { parseForm } from '../../core/http/forms.ts'
import { denied } from '../../core/http/guards.ts'
import { idParam } from '../../core/http/ids.ts'
import type { FormState } from '../../core/ui/form.tsx'
import { REGIONAL_GROUPS } from '../actors/index.ts'
import { matchOffer, recorderOf, recordGap, setGapStatus } from './commands.ts'
import { placesFor, providersOf } from './places.ts'
import { findGap, historyOf, listGaps, listOffers, matchesOf } from './queries.ts'
import { registerOfferRoutes } from './routes-offers.tsx'
import { suggestOffers } from './rules/matching.ts'
import { GapInput, GapListQuery, GapStatusInput, MatchInput } from './schemas.ts'
import { renderGapForm } from './views/forms.tsx'
import { renderGap } from './views/gap.tsx'
import { renderGapList } from './views/gaps.tsx'

// the one id reader (core/http/ids.ts); the route's guard has refused anything else
const gapId = (c: Context<AppEnv>) => idParam(c)

export function saved(c: Context<AppEnv>, to: string) {
  flash(c, 'flash.saved')
  return c.redirect(to, 303)
}

async function gapForm(c: Context<AppEnv>, form: FormState, status: 200 | 403 | 422 = 200) {
  const places = await placesFor(c)
  // a delegate is offered their own States and those States' groups; the Secretariat, all
  const recorder = await recorderOf(c.var.db, c.var)
  const states = recorder.isSecretariat
    ? places.states
    : places.states.filter((s) => recorder.delegations.includes(s.iso3))
  const groups = recorder.isSecretariat
    ? REGIONAL_GROUPS
    : REGIONAL_GROUPS.filter((g) => recorder.groupsOfDelegations.includes(g))
  return renderGapForm(c, { places, states, groups, form, status })
}

async function gapPage(c: Context<AppEnv>, statusForm?: FormState) {
  const gap = await findGap(c.var.db, gapId(c))
  if (!gap) return respondError(c, { type: 'not_found', id: 'capacity_gap_not_found' })
  const [places, history, matches, offers] = await Promise.all([
    placesFor(c),
    historyOf(c.var.db, gap.id),
    matchesOf(c.var.db, gap.id),
    listOffers(c.var.db),
  ])
  const suggested = suggestOffers(
    { issueSlug: gap.issueSlug, regionalGroup: places.groupOf(gap) },
    offers,
    new Set(matches.map((m) => m.offerId)),
  )
  return renderGap(c, {
    places,
    gap,
    history,
    matches,
    offers,
    suggested,
    providers: await providersOf(c, offers),
    manage: can(c.var.actor, 'capacity.manage'),
    ...(statusForm ? { statusForm, status: 422 as const } : {}),
  })
}

export function registerCapacityRoutes(app: Hono<AppEnv>): void {
  app.get('/capacity', async (c) => {
    const filter = GapListQuery.parse(c.req.query())
    const [places, all] = await Promise.all([placesFor(c), listGaps(c.var.db)])
    const gaps = all.filter(
      (g) =>
        (!filter.group || places.groupOf(g) === filter.group) &&
        (!filter.status || g.status === filter.status) &&
        (!filter.classification || places.classesOf(g).includes(filter.classification)),
    )
    return renderGapList(c, {
      places,
      all,
      gaps,
      filter,
      canRecord: can(c.var.actor, 'capacity.record'),
      canOffer: can(c.var.actor, 'capacity.manage') || organizationsOf(c.var.actor).length > 0,
    })
  })

  app.get('/capacity/gaps/new', async (c) => {
    if (!can(c.var.actor, 'capacity.record')) return denied(c, 'capacity.record')
    const own = delegationsOf(c.var.actor)
    return gapForm(c, {
      values: { identifiedOn: isoDate(c.var.deps.now()), ...(own[0] ? { memberStateIso3: own[0] } : {}) },
    })
  })

  app.post('/capacity/gaps/new', async (c) => {
    const form = await parseForm(c, GapInput)
    if (!form.ok) return gapForm(c, form, 422)
    const result = await recordGap(c.var.db, commandContext(c), form.value)
    if (!result.ok) {
      const { values } = form
      if (result.error.type === 'invalid') return gapForm(c, { values, issues: result.error.issues }, 422)
      // another State's gap, or a group the delegate's States are not in: said beside the field
      if (result.error.id === 'capacity_not_your_state' || result.error.id === 'capacity_not_your_group') {
        const path = result.error.id === 'capacity_not_your_state' ? 'memberStateIso3' : 'regionalGroup'
        return gapForm(c, { values, issues: [{ path, code: `errors.${result.error.id}` }] }, 403)
      }
      return respondError(c, result.error)
    }
    return saved(c, `/capacity/gaps/${result.value.id}`)
  })

  app.get('/capacity/gaps/:id{[0-9]+}', (c) => gapPage(c))

  app.post('/capacity/gaps/:id{[0-9]+}/status', async (c) => {
    const form = await parseForm(c, GapStatusInput)
    if (!form.ok) return can(c.var.actor, 'capacity.manage') ? gapPage(c, form) : denied(c, 'capacity.manage')
    const { status, note = '' } = form.value
    const result = await setGapStatus(c.var.db, commandContext(c), gapId(c), status, note)
    if (!result.ok) return respondError(c, result.error)
    return saved(c, `/capacity/gaps/${gapId(c)}`)
  })

  app.post('/capacity/gaps/:id{[0-9]+}/match', async (c) => {
    const form = await parseForm(c, MatchInput)
    if (!form.ok) return respondError(c, { type: 'invalid', id: 'invalid_input', issues: form.issues })
    const { offerId, note = '' } = form.value
    const result = await matchOffer(c.var.db, commandContext(c), gapId(c), offerId, note)
    if (!result.ok) return respondError(c, result.error)
    return saved(c, `/capacity/gaps/${gapId(c)}`)
  })

  registerOfferRoutes(app)
}
