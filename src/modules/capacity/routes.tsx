// The capacity pages: gaps by regional group and by development status (LDC, LLDC, SIDS), one gap
// with its history, its matches and the offers that could meet it; offers; and the forms.

import type { Context, Hono } from 'hono'
import { delegationsOf, organizationsOf } from '../../core/auth/actor.ts'
import { can } from '../../core/auth/authorize.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { COOKIES, writeCookie } from '../../core/http/cookies.ts'
import { respondError } from '../../core/http/errors.tsx'
import { type FormValues, fieldValue, fieldValues, readForm } from '../../core/http/forms.ts'
import { denied } from '../../core/http/guards.ts'
import { idOrZero, idParam } from '../../core/http/ids.ts'
import { LOCALE_INFO, LOCALES } from '../../core/i18n/locales.ts'
import { FilterSelect, Tag } from '../../core/ui/components.tsx'
import { ErrorSummary, Form, type FormState, SelectField, TextArea, TextField } from '../../core/ui/form.tsx'
import { renderPage } from '../../core/ui/layout.tsx'
import { Name } from '../../core/ui/name.tsx'
import {
  electoralGroup,
  findOrganizationsByIds,
  hasClassification,
  listMemberStates,
  listOrganizations,
  localized,
  type MemberState,
  REGIONAL_GROUPS,
} from '../actors/index.ts'
import { listIssues } from '../coordination/index.ts'
import {
  type GapInput,
  matchOffer,
  type OfferInput,
  recorderOf,
  recordGap,
  recordOffer,
  setGapStatus,
} from './commands.ts'
import { findGap, type Gap, historyOf, listGaps, listOffers, matchesOf } from './queries.ts'
import { GAP_STATUSES, type GapStatus, MODALITIES, type Modality, suggestOffers } from './rules/matching.ts'

const CLASSES = ['ldc', 'lldc', 'sids'] as const

async function context(c: Context<AppEnv>) {
  const locale = c.var.i18n.locale
  const [states, issues] = await Promise.all([listMemberStates(c.var.db), listIssues(c.var.db)])
  const byIso = new Map(states.map((s) => [s.iso3, s]))
  const issueNames = new Map(issues.map((i) => [i.slug, localized(i.name, locale)]))
  const today = c.var.deps.now().toISOString().slice(0, 10)
  return {
    states,
    issues,
    today,
    stateName: (iso3: string) => byIso.get(iso3)?.shortName[locale] ?? iso3,
    issueName: (slug: string) => issueNames.get(slug) ?? slug,
    /** the gap's regional group: its own, or its country's */
    groupOf: (g: Gap) =>
      g.regionalGroup ?? (g.memberStateIso3 ? electoralGroup(byIso.get(g.memberStateIso3) as MemberState) : null),
    classesOf: (g: Gap) => {
      const state = g.memberStateIso3 ? byIso.get(g.memberStateIso3) : undefined
      return state ? CLASSES.filter((k) => hasClassification(state, k, today)) : []
    },
  }
}

const tone = (s: GapStatus) => (s === 'closed' ? 'ok' : s === 'open' ? 'warn' : undefined)

function gapWhere(ctx: Awaited<ReturnType<typeof context>>, t: (k: string) => string, g: Gap) {
  return g.memberStateIso3 ? ctx.stateName(g.memberStateIso3) : t(`actors.group.${g.regionalGroup}`)
}

async function gapForm(c: Context<AppEnv>, form: FormState, status: 200 | 403 | 422 = 200) {
  const t = c.var.i18n.t
  const ctx = await context(c)
  // a delegate is offered their own States and those States' groups; the Secretariat, all
  const recorder = await recorderOf(c.var.db, c.var)
  const states = recorder.isSecretariat ? ctx.states : ctx.states.filter((s) => recorder.delegations.includes(s.iso3))
  const groups = recorder.isSecretariat
    ? REGIONAL_GROUPS
    : REGIONAL_GROUPS.filter((g) => recorder.groupsOfDelegations.includes(g))
  const title = t('capacity.newGap')
  return renderPage(
    c,
    { title, status },
    <>
      <h1>{title}</h1>
      <ErrorSummary t={t} form={form} />
      <Form action="/capacity/gaps/new" csrfToken={c.var.csrfToken}>
        <SelectField
          t={t}
          form={form}
          name="memberStateIso3"
          label={t('capacity.field.country')}
          hint={t('capacity.field.whereHint')}
          placeholder={t('capacity.none')}
          options={states
            .map((s) => ({ value: s.iso3, label: ctx.stateName(s.iso3) }))
            .sort((a, b) => a.label.localeCompare(b.label))}
        />
        <SelectField
          t={t}
          form={form}
          name="regionalGroup"
          label={t('capacity.field.group')}
          hint={t('capacity.field.whoHint')}
          placeholder={t('capacity.none')}
          options={groups.map((g) => ({ value: g, label: t(`actors.group.${g}`) }))}
        />
        <SelectField
          t={t}
          form={form}
          name="issueSlug"
          label={t('capacity.field.issue')}
          required
          options={ctx.issues.map((i) => ({ value: i.slug, label: ctx.issueName(i.slug) }))}
        />
        <TextArea t={t} form={form} name="description" label={t('capacity.field.description')} required rows={4} />
        <TextField t={t} form={form} name="source" label={t('capacity.field.source')} />
        <TextField t={t} form={form} name="identifiedOn" label={t('capacity.field.identifiedOn')} required />
        <button type="submit" class="button">
          {t('capacity.save')}
        </button>
      </Form>
    </>,
  )
}

async function offerForm(c: Context<AppEnv>, form: FormState, status: 200 | 422 = 200) {
  const t = c.var.i18n.t
  const ctx = await context(c)
  const staff = can(c.var.actor, 'capacity.manage')
  const orgs = staff
    ? (await listOrganizations(c.var.db, { limit: 1000, offset: 0 })).rows
    : await findOrganizationsByIds(c.var.db, organizationsOf(c.var.actor))
  const chosen = (name: string) => fieldValues(form.values, name)
  const title = t('capacity.newOffer')
  const checks = (name: string, options: { value: string; label: string }[]) => (
    <fieldset class="field" id={`field-${name}`}>
      <legend>{t(`capacity.field.${name}`)}</legend>
      {options.map((o) => (
        <div class="choice">
          <input
            type="checkbox"
            id={`${name}-${o.value}`}
            name={`${name}[]`}
            value={o.value}
            checked={chosen(name).includes(o.value)}
          />
          <label for={`${name}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  )
  return renderPage(
    c,
    { title, status },
    <>
      <h1>{title}</h1>
      <ErrorSummary t={t} form={form} />
      <Form action="/capacity/offers/new" csrfToken={c.var.csrfToken}>
        <SelectField
          t={t}
          form={form}
          name="organizationId"
          label={t('capacity.field.provider')}
          required
          options={orgs.map((o) => ({ value: String(o.id), label: localized(o.name, c.var.i18n.locale), name: true }))}
        />
        <TextField t={t} form={form} name="title" label={t('capacity.field.title')} required maxlength={300} />
        <TextArea t={t} form={form} name="description" label={t('capacity.field.description')} rows={3} />
        <SelectField
          t={t}
          form={form}
          name="modality"
          label={t('capacity.field.modality')}
          required
          options={MODALITIES.map((m) => ({ value: m, label: t(`capacity.modality.${m}`) }))}
        />
        {checks(
          'regions',
          REGIONAL_GROUPS.map((g) => ({ value: g, label: t(`actors.group.${g}`) })),
        )}
        {checks(
          'languages',
          LOCALES.map((l) => ({ value: l, label: LOCALE_INFO[l].name })),
        )}
        {checks(
          'issues',
          ctx.issues.map((i) => ({ value: i.slug, label: ctx.issueName(i.slug) })),
        )}
        <TextField t={t} form={form} name="url" label={t('capacity.field.url')} />
        <button type="submit" class="button">
          {t('capacity.save')}
        </button>
      </Form>
    </>,
  )
}

function gapInput(values: FormValues): GapInput {
  return {
    memberStateIso3: fieldValue(values, 'memberStateIso3') || undefined,
    regionalGroup: fieldValue(values, 'regionalGroup') || undefined,
    issueSlug: fieldValue(values, 'issueSlug'),
    description: fieldValue(values, 'description').trim().slice(0, 5000),
    source: fieldValue(values, 'source').trim().slice(0, 1000) || undefined,
    identifiedOn: fieldValue(values, 'identifiedOn'),
  }
}

export function registerCapacityRoutes(app: Hono<AppEnv>): void {
  app.get('/capacity', async (c) => {
    const { i18n } = c.var
    const t = i18n.t
    const ctx = await context(c)
    const filter = {
      group: c.req.query('group') ?? '',
      status: c.req.query('status') ?? '',
      cls: c.req.query('classification') ?? '',
    }
    const all = await listGaps(c.var.db)
    const gaps = all.filter(
      (g) =>
        (!filter.group || ctx.groupOf(g) === filter.group) &&
        (!filter.status || g.status === filter.status) &&
        (!filter.cls || ctx.classesOf(g).includes(filter.cls as (typeof CLASSES)[number])),
    )
    const count = (list: Gap[], s: GapStatus) => list.filter((g) => g.status === s).length
    const title = t('capacity.title')
    // gaps counted by status, one row per group or classification
    const statusTable = (caption: string, heading: string, rows: [string, Gap[]][]) => (
      <div class="table-scroll">
        <table class="compact">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{heading}</th>
              {GAP_STATUSES.map((s) => (
                <th scope="col">{t(`capacity.status.${s}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, list]) => (
              <tr>
                <th scope="row">{label}</th>
                {GAP_STATUSES.map((s) => (
                  <td>{count(list, s)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )
    return renderPage(
      c,
      { title },
      <>
        <h1>{title}</h1>
        <p class="lead">{t('capacity.lead')}</p>
        <ul class="inline-list">
          <li>
            <a href="/capacity/offers">{t('capacity.offers')}</a>
          </li>
          {can(c.var.actor, 'capacity.record') ? (
            <li>
              <a href="/capacity/gaps/new">{t('capacity.newGap')}</a>
            </li>
          ) : null}
          {can(c.var.actor, 'capacity.manage') || organizationsOf(c.var.actor).length ? (
            <li>
              <a href="/capacity/offers/new">{t('capacity.newOffer')}</a>
            </li>
          ) : null}
        </ul>
        <div class="summary-tables">
          {statusTable(
            t('capacity.byGroup'),
            t('capacity.field.group'),
            REGIONAL_GROUPS.map((g) => [t(`actors.group.${g}`), all.filter((x) => ctx.groupOf(x) === g)]),
          )}
          {statusTable(
            t('capacity.byClassification'),
            t('capacity.classification'),
            CLASSES.map((k) => [t(`actors.classification.${k}`), all.filter((x) => ctx.classesOf(x).includes(k))]),
          )}
        </div>
        <form method="get" action="/capacity" class="filters">
          <FilterSelect
            id="f-group"
            name="group"
            label={t('capacity.field.group')}
            any={t('capacity.any')}
            selected={filter.group}
            options={REGIONAL_GROUPS.map((g) => ({ value: g, label: t(`actors.group.${g}`) }))}
          />
          <FilterSelect
            id="f-cls"
            name="classification"
            label={t('capacity.classification')}
            any={t('capacity.any')}
            selected={filter.cls}
            options={CLASSES.map((k) => ({ value: k, label: t(`actors.classification.${k}`) }))}
          />
          <FilterSelect
            id="f-status"
            name="status"
            label={t('capacity.statusLabel')}
            any={t('capacity.any')}
            selected={filter.status}
            options={GAP_STATUSES.map((x) => ({ value: x, label: t(`capacity.status.${x}`) }))}
          />
          <button type="submit" class="button">
            {t('capacity.filter')}
          </button>
        </form>
        <p role="status">{t('capacity.count', { count: gaps.length })}</p>
        <ul>
          {gaps.map((g) => (
            <li>
              <a href={`/capacity/gaps/${g.id}`}>
                {gapWhere(ctx, t, g)}: {ctx.issueName(g.issueSlug)}
              </a>{' '}
              <Tag tone={tone(g.status)}>{t(`capacity.status.${g.status}`)}</Tag>{' '}
              <span class="muted">{i18n.date(g.identifiedOn)}</span>
            </li>
          ))}
        </ul>
      </>,
    )
  })

  app.get('/capacity/gaps/new', async (c) => {
    if (!can(c.var.actor, 'capacity.record')) return denied(c, 'capacity.record')
    const own = delegationsOf(c.var.actor)
    return gapForm(c, {
      values: {
        identifiedOn: c.var.deps.now().toISOString().slice(0, 10),
        ...(own[0] ? { memberStateIso3: own[0] } : {}),
      },
    })
  })

  app.post('/capacity/gaps/new', async (c) => {
    const values = await readForm(c)
    const input = gapInput(values)
    const problems = [
      ...(input.description ? [] : [{ path: 'description', code: 'validation.required' }]),
      ...(/^\d{4}-\d{2}-\d{2}$/.test(input.identifiedOn) ? [] : [{ path: 'identifiedOn', code: 'validation.format' }]),
    ]
    if (problems.length) return gapForm(c, { values, issues: problems }, 422)
    const result = await recordGap(c.var.db, commandContext(c), input)
    if (!result.ok) {
      if (result.error.type === 'invalid') return gapForm(c, { values, issues: result.error.issues }, 422)
      // another State's gap, or a group the delegate's States are not in: said beside the field
      if (result.error.id === 'capacity_not_your_state' || result.error.id === 'capacity_not_your_group') {
        const path = result.error.id === 'capacity_not_your_state' ? 'memberStateIso3' : 'regionalGroup'
        return gapForm(c, { values, issues: [{ path, code: `errors.${result.error.id}` }] }, 403)
      }
      return respondError(c, result.error)
    }
    writeCookie(c, COOKIES.flash, 'flash.saved', { maxAgeSeconds: 60 })
    return c.redirect(`/capacity/gaps/${result.value.id}`, 303)
  })

  app.get('/capacity/gaps/:id{[0-9]+}', async (c) => {
    const gap = await findGap(c.var.db, idParam(c))
    if (!gap) return respondError(c, { type: 'not_found', id: 'capacity_gap_not_found' })
    const { i18n, csrfToken } = c.var
    const t = i18n.t
    const ctx = await context(c)
    const [history, matches, offers] = await Promise.all([
      historyOf(c.var.db, gap.id),
      matchesOf(c.var.db, gap.id),
      listOffers(c.var.db),
    ])
    const orgs = new Map(
      (await findOrganizationsByIds(c.var.db, [...new Set(offers.map((o) => o.organizationId))])).map((o) => [
        o.id,
        localized(o.name, i18n.locale),
      ]),
    )
    const suggested = suggestOffers(
      { issueSlug: gap.issueSlug, regionalGroup: ctx.groupOf(gap) },
      offers,
      new Set(matches.map((m) => m.offerId)),
    )
    const manage = can(c.var.actor, 'capacity.manage')
    const title = `${gapWhere(ctx, t, gap)}: ${ctx.issueName(gap.issueSlug)}`
    return renderPage(
      c,
      { title },
      <>
        <p class="eyebrow">
          <a href="/capacity">{t('capacity.title')}</a>
        </p>
        <h1>{title}</h1>
        <p>
          <Tag tone={tone(gap.status)}>{t(`capacity.status.${gap.status}`)}</Tag>{' '}
          {t('capacity.identified', { date: i18n.date(gap.identifiedOn) })}
          {ctx.classesOf(gap).map((k) => (
            <>
              {' '}
              <Tag>{t(`actors.classification.${k}`)}</Tag>
            </>
          ))}
        </p>
        <p class="prose" dir="auto">
          {gap.description}
        </p>
        {gap.source ? <p class="muted">{t('capacity.sourceIs', { source: gap.source })}</p> : null}
        <h2>{t('capacity.history')}</h2>
        <ol>
          {history.map((h) => (
            <li>
              {i18n.dateTime(h.at)}: {t(`capacity.status.${h.status}`)}
              {h.note ? (
                <>
                  {' '}
                  (<bdi>{h.note}</bdi>)
                </>
              ) : null}
            </li>
          ))}
        </ol>
        {manage ? (
          <Form action={`/capacity/gaps/${gap.id}/status`} csrfToken={csrfToken} class="stacked">
            <label for="gap-status">{t('capacity.statusLabel')}</label>
            <select id="gap-status" name="status">
              {GAP_STATUSES.map((s) => (
                <option value={s} selected={gap.status === s}>
                  {t(`capacity.status.${s}`)}
                </option>
              ))}
            </select>
            <label for="gap-note">{t('capacity.note')}</label>
            <input id="gap-note" name="note" maxlength={1000} />
            <button type="submit" class="button secondary">
              {t('capacity.save')}
            </button>
          </Form>
        ) : null}
        <h2>{t('capacity.matched')}</h2>
        {matches.length === 0 ? <p>{t('capacity.noMatch')}</p> : null}
        <ul>
          {matches.map((m) => {
            const offer = offers.find((o) => o.id === m.offerId)
            return (
              <li>
                {offer?.title}{' '}
                <span class="muted">
                  (<Name>{orgs.get(offer?.organizationId ?? 0)}</Name>)
                </span>
                {m.note ? (
                  <>
                    {' · '}
                    <bdi>{m.note}</bdi>
                  </>
                ) : null}
              </li>
            )
          })}
        </ul>
        <h2>{t('capacity.suggested')}</h2>
        {suggested.length === 0 ? <p>{t('capacity.noSuggestion')}</p> : null}
        <ul>
          {suggested.map((o) => (
            <li>
              {o.title}{' '}
              <span class="muted">
                (<Name>{orgs.get(o.organizationId)}</Name>, {t(`capacity.modality.${o.modality}`)})
              </span>
              {manage ? (
                <Form action={`/capacity/gaps/${gap.id}/match`} csrfToken={csrfToken} class="inline">
                  <input type="hidden" name="offerId" value={String(o.id)} />{' '}
                  <button type="submit" class="button secondary">
                    {t('capacity.match')}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      </>,
    )
  })

  app.post('/capacity/gaps/:id{[0-9]+}/status', async (c) => {
    const values = await readForm(c)
    const status = fieldValue(values, 'status') as GapStatus
    if (!GAP_STATUSES.includes(status))
      return respondError(c, {
        type: 'invalid',
        id: 'invalid_input',
        issues: [{ path: 'status', code: 'validation.required' }],
      })
    const result = await setGapStatus(
      c.var.db,
      commandContext(c),
      idParam(c),
      status,
      fieldValue(values, 'note').slice(0, 1000),
    )
    if (!result.ok) return respondError(c, result.error)
    writeCookie(c, COOKIES.flash, 'flash.saved', { maxAgeSeconds: 60 })
    return c.redirect(`/capacity/gaps/${c.req.param('id')}`, 303)
  })

  app.post('/capacity/gaps/:id{[0-9]+}/match', async (c) => {
    const values = await readForm(c)
    const result = await matchOffer(
      c.var.db,
      commandContext(c),
      idParam(c),
      idOrZero(fieldValue(values, 'offerId')),
      fieldValue(values, 'note').slice(0, 1000),
    )
    if (!result.ok) return respondError(c, result.error)
    writeCookie(c, COOKIES.flash, 'flash.saved', { maxAgeSeconds: 60 })
    return c.redirect(`/capacity/gaps/${c.req.param('id')}`, 303)
  })

  app.get('/capacity/offers', async (c) => {
    const { i18n } = c.var
    const t = i18n.t
    const ctx = await context(c)
    const offers = await listOffers(c.var.db)
    const orgs = new Map(
      (await findOrganizationsByIds(c.var.db, [...new Set(offers.map((o) => o.organizationId))])).map((o) => [
        o.id,
        localized(o.name, i18n.locale),
      ]),
    )
    const title = t('capacity.offers')
    return renderPage(
      c,
      { title },
      <>
        <p class="eyebrow">
          <a href="/capacity">{t('capacity.title')}</a>
        </p>
        <h1>{title}</h1>
        <ul class="cards">
          {offers.map((o) => (
            <li class="card">
              <h2>
                {o.url ? (
                  <a href={o.url} rel="external noopener">
                    {o.title}
                  </a>
                ) : (
                  o.title
                )}
              </h2>
              <p>
                <Name>{orgs.get(o.organizationId)}</Name> · {t(`capacity.modality.${o.modality}`)} ·{' '}
                {i18n.list(o.languages.map((l) => LOCALE_INFO[l as keyof typeof LOCALE_INFO]?.name ?? l))}
              </p>
              <p class="muted">
                {o.regions.length ? i18n.list(o.regions.map((g) => t(`actors.group.${g}`))) : t('capacity.allRegions')}
              </p>
              <p>{o.issueSlugs.map(ctx.issueName).join(' · ')}</p>
            </li>
          ))}
        </ul>
      </>,
    )
  })

  app.get('/capacity/offers/new', async (c) => {
    if (!can(c.var.actor, 'capacity.manage') && organizationsOf(c.var.actor).length === 0)
      return denied(c, 'capacity.offer')
    return offerForm(c, { values: { languages: ['en'] } })
  })

  app.post('/capacity/offers/new', async (c) => {
    const values = await readForm(c)
    const input: OfferInput = {
      organizationId: idOrZero(fieldValue(values, 'organizationId')),
      title: fieldValue(values, 'title').trim().slice(0, 300),
      description: fieldValue(values, 'description').trim().slice(0, 5000) || undefined,
      issueSlugs: fieldValues(values, 'issues').slice(0, 30),
      regions: fieldValues(values, 'regions').filter((g) => (REGIONAL_GROUPS as readonly string[]).includes(g)),
      modality: (MODALITIES as readonly string[]).includes(fieldValue(values, 'modality'))
        ? (fieldValue(values, 'modality') as Modality)
        : 'online',
      languages: fieldValues(values, 'languages').filter((l) => (LOCALES as readonly string[]).includes(l)),
      url: /^https?:\/\//.test(fieldValue(values, 'url')) ? fieldValue(values, 'url') : undefined,
    }
    const problems = [
      ...(input.title ? [] : [{ path: 'title', code: 'validation.required' }]),
      ...(input.issueSlugs.length ? [] : [{ path: 'issues', code: 'validation.required' }]),
    ]
    if (problems.length) return offerForm(c, { values, issues: problems }, 422)
    const result = await recordOffer(c.var.db, commandContext(c), input)
    if (!result.ok) return respondError(c, result.error)
    writeCookie(c, COOKIES.flash, 'flash.saved', { maxAgeSeconds: 60 })
    return c.redirect('/capacity/offers', 303)
  })
}
