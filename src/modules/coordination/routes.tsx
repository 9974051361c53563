// The map's pages and the forms around it: proposing an issue, the Secretariat's triage queue,
// and the gap and overlap analyses as pages and CSV.

import type { Context, Hono } from 'hono'
import { can } from '../../core/auth/authorize.ts'
import { contentDisposition } from '../../core/formats/content-disposition.ts'
import { toCsv } from '../../core/formats/csv.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { COOKIES, writeCookie } from '../../core/http/cookies.ts'
import { respondError } from '../../core/http/errors.tsx'
import { fieldValues, forSchema, readForm } from '../../core/http/forms.ts'
import { requireAccount } from '../../core/http/guards.ts'
import { idParam } from '../../core/http/ids.ts'
import { parseWith } from '../../core/http/validation.ts'
import type { Issue as FormIssue } from '../../core/result.ts'
import {
  ChoiceGroup,
  ErrorSummary,
  Form,
  type FormState,
  SelectField,
  TextArea,
  TextField,
} from '../../core/ui/form.tsx'
import { renderPage } from '../../core/ui/layout.tsx'
import { findOrganizationsByIds, listOrganizations, localized } from '../actors/index.ts'
import { barChart } from './chart.ts'
import { createMechanism, proposeIssue, reviseIssue, triageIssue } from './commands.ts'
import { findIssue, findMechanism, type Issue, listIssues, listMechanisms, mapData } from './queries.ts'
import { filterMap, findGaps, findOverlaps, GAP_KINDS, type MapFilter } from './rules/map.ts'
import { IssueProposalInput, MapQuery, MechanismInput, OverlapQuery, TriageInput } from './schemas.ts'
import {
  issueName,
  renderGaps,
  renderIssue,
  renderIssues,
  renderMatrix,
  renderMechanism,
  renderMechanisms,
  renderOverlaps,
} from './views/map.tsx'
import {
  BASKETS,
  DEVELOPING_SUPPORT,
  GOVERNMENT_PARTICIPATION,
  MECHANISM_TYPES,
  SCOPES,
  STAKEHOLDER_PARTICIPATION,
} from './vocabulary.ts'

export const DEFAULT_OVERLAP = 3

function filterOf(c: Context<AppEnv>): MapFilter {
  const parsed = MapQuery.safeParse(c.req.query())
  return parsed.success ? parsed.data : {}
}

/** The filtered map with its gap and overlap analyses; shared by pages, CSV and API. */
export async function analyses(c: Context<AppEnv>, filter: MapFilter, n = DEFAULT_OVERLAP) {
  const data = await mapData(c.var.db)
  const shown = filterMap(data.issues, data.mechanisms, filter)
  // gaps look at every mechanism on an issue, whatever the type filter
  const gaps = findGaps(shown.issues, filter.type ? shown.mechanisms : data.mechanisms)
  const overlaps = findOverlaps(shown.issues, shown.mechanisms, n)
  return { ...shown, all: data, gaps, overlaps }
}

function csv(c: Context<AppEnv>, name: string, rows: Record<string, unknown>[]) {
  return c.body(toCsv(rows), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': contentDisposition(`${name}.csv`),
  })
}

export function gapRows(gaps: ReturnType<typeof findGaps>, issues: Map<number, Issue>) {
  return gaps.map((g) => ({
    issue: issues.get(g.issueId)?.slug ?? g.issueId,
    basket: issues.get(g.issueId)?.basket ?? '',
    scope: issues.get(g.issueId)?.scope ?? '',
    gap: g.kind,
    mechanisms: g.mechanisms,
  }))
}

function proposePage(c: Context<AppEnv>, form: FormState, status: 200 | 422 = 200) {
  const t = c.var.i18n.t
  const title = t('coordination.propose.title')
  return renderPage(
    c,
    { title, status },
    <>
      <h1>{title}</h1>
      <p class="lead">{t('coordination.propose.lead')}</p>
      <ErrorSummary t={t} form={form} />
      <Form action="/issues/propose" csrfToken={c.var.csrfToken}>
        <TextField t={t} form={form} name="name" label={t('coordination.propose.name')} required maxlength={200} />
        <TextArea
          t={t}
          form={form}
          name="description"
          label={t('coordination.propose.description')}
          required
          rows={4}
        />
        <SelectField
          t={t}
          form={form}
          name="basket"
          label={t('coordination.basket')}
          required
          options={BASKETS.map((b) => ({ value: b, label: t(`coordination.baskets.${b}`) }))}
        />
        <button type="submit" class="button">
          {t('coordination.propose.submit')}
        </button>
      </Form>
    </>,
  )
}

export function registerCoordinationRoutes(app: Hono<AppEnv>): void {
  app.get('/issues', async (c) => {
    const filter = filterOf(c)
    const data = await mapData(c.var.db)
    const { issues } = filterMap(data.issues, data.mechanisms, filter)
    const counts = new Map(issues.map((i) => [i.id, data.mechanisms.filter((m) => m.issueIds.includes(i.id)).length]))
    return renderIssues(c, { issues, counts, filter, canPropose: can(c.var.actor, 'issue.propose') })
  })

  app.get('/issues/propose', async (c) => {
    const actor = await requireAccount(c, 'issue.propose')
    if (actor instanceof Response) return actor
    return proposePage(c, {})
  })

  app.post('/issues/propose', async (c) => {
    const values = await readForm(c)
    const parsed = parseWith(IssueProposalInput, forSchema(values))
    if (!parsed.ok) return proposePage(c, { values, issues: parsed.issues }, 422)
    const result = await proposeIssue(c.var.db, commandContext(c), {
      ...parsed.value,
      locale: c.var.i18n.locale,
    })
    if (!result.ok) return respondError(c, result.error)
    writeCookie(c, COOKIES.flash, 'flash.issueProposed', { maxAgeSeconds: 60 })
    return c.redirect(`/issues/${result.value.slug}`, 303)
  })

  app.post('/issues/:id{[0-9]+}/revise', async (c) => {
    const parsed = parseWith(TriageInput.omit({ decision: true }), forSchema(await readForm(c)))
    if (!parsed.ok) return respondError(c, { type: 'invalid', id: 'invalid_input', issues: parsed.issues })
    const id = idParam(c)
    const result = await reviseIssue(c.var.db, commandContext(c), id, parsed.value)
    if (!result.ok) return respondError(c, result.error)
    const issue = await findIssue(c.var.db, id)
    writeCookie(c, COOKIES.flash, 'flash.saved', { maxAgeSeconds: 60 })
    return c.redirect(`/issues/${issue?.slug ?? ''}`, 303)
  })

  app.get('/issues/:slug', async (c) => {
    const issue = await findIssue(c.var.db, c.req.param('slug'))
    if (!issue || (issue.status !== 'active' && !can(c.var.actor, 'issue.triage') && issue.status !== 'proposed'))
      return respondError(c, { type: 'not_found', id: 'issue_not_found' })
    const mechanisms = await listMechanisms(c.var.db, { issueId: issue.id })
    const organizations = new Map(
      (await findOrganizationsByIds(c.var.db, [...new Set(mechanisms.map((m) => m.organizationId))])).map((o) => [
        o.id,
        o,
      ]),
    )
    return renderIssue(c, {
      issue,
      mechanisms,
      organizations,
      gaps: issue.status === 'active' ? findGaps([issue], mechanisms) : [],
      canEdit: can(c.var.actor, 'issue.triage') && issue.status === 'active',
    })
  })

  app.get('/administration/issues', async (c) => {
    const actor = await requireAccount(c, 'issue.triage')
    if (actor instanceof Response) return actor
    const { i18n, csrfToken } = c.var
    const t = i18n.t
    const proposed = await listIssues(c.var.db, ['proposed'])
    const title = t('coordination.triage.title')
    return renderPage(
      c,
      { title },
      <>
        <p>
          <a href="/administration">{t('administration.title')}</a>
        </p>
        <h1>{title}</h1>
        <p role="status">{t('coordination.triage.count', { count: proposed.length })}</p>
        {proposed.map((issue) => {
          const form: FormState = {
            values: { basket: issue.basket, scope: issue.scope, emerging: ['true'] },
            idPrefix: `i${issue.id}-`,
          }
          return (
            <article class="card">
              <h2>{issueName(c, issue)}</h2>
              <p>{localized(issue.description, i18n.locale)}</p>
              <p class="muted">{t('coordination.triage.proposedOn', { date: i18n.date(issue.createdAt) })}</p>
              <Form action={`/issues/${issue.id}/triage`} csrfToken={csrfToken}>
                <SelectField
                  t={t}
                  form={form}
                  name="scope"
                  label={t('coordination.scope')}
                  required
                  options={SCOPES.map((s) => ({ value: s, label: t(`coordination.scopes.${s}`) }))}
                />
                <SelectField
                  t={t}
                  form={form}
                  name="basket"
                  label={t('coordination.basket')}
                  required
                  options={BASKETS.map((b) => ({ value: b, label: t(`coordination.baskets.${b}`) }))}
                />
                <TextField t={t} form={form} name="scopeRationale" label={t('coordination.triage.scopeRationale')} />
                <ChoiceGroup
                  t={t}
                  form={form}
                  type="checkbox"
                  name="emerging"
                  label={t('coordination.triage.emergingLabel')}
                  options={[{ value: 'true', label: t('coordination.emerging') }]}
                />
                <TextArea t={t} form={form} name="reason" label={t('coordination.triage.reason')} required rows={2} />
                <div class="actions">
                  <button type="submit" class="button" name="decision" value="accept">
                    {t('coordination.triage.accept')}
                  </button>
                  <button type="submit" class="button secondary" name="decision" value="decline">
                    {t('coordination.triage.decline')}
                  </button>
                </div>
              </Form>
            </article>
          )
        })}
      </>,
    )
  })

  app.post('/issues/:id{[0-9]+}/triage', async (c) => {
    const parsed = parseWith(TriageInput, forSchema(await readForm(c)))
    if (!parsed.ok)
      return respondError(c, { type: 'invalid', id: 'invalid_input', issues: parsed.issues as FormIssue[] })
    const result = await triageIssue(c.var.db, commandContext(c), idParam(c), parsed.value)
    if (!result.ok) return respondError(c, result.error)
    writeCookie(c, COOKIES.flash, 'flash.saved', { maxAgeSeconds: 60 })
    return c.redirect('/administration/issues', 303)
  })

  const mechanismForm = async (c: Context<AppEnv>, form: FormState, status: 200 | 422 = 200) => {
    const { i18n } = c.var
    const t = i18n.t
    const [{ rows: orgs }, issues] = await Promise.all([
      listOrganizations(c.var.db, { limit: 1000, offset: 0 }),
      listIssues(c.var.db),
    ])
    const chosen = (name: string) => fieldValues(form.values, name)
    const title = t('coordination.mechanisms.new')
    return renderPage(
      c,
      { title, status },
      <>
        <h1>{title}</h1>
        <ErrorSummary t={t} form={form} />
        <Form action="/mechanisms/new" csrfToken={c.var.csrfToken}>
          <SelectField
            t={t}
            form={form}
            name="organizationId"
            label={t('coordination.organization')}
            required
            options={orgs.map((o) => ({ value: String(o.id), label: localized(o.name, i18n.locale), name: true }))}
          />
          <TextField t={t} form={form} name="name" label={t('coordination.mechanism')} required maxlength={300} />
          <SelectField
            t={t}
            form={form}
            name="type"
            label={t('coordination.mechanismType')}
            required
            options={MECHANISM_TYPES.map((m) => ({ value: m, label: t(`coordination.types.${m}`) }))}
          />
          <TextArea t={t} form={form} name="description" label={t('coordination.description')} rows={3} />
          <SelectField
            t={t}
            form={form}
            name="governments"
            label={t('coordination.governments')}
            required
            options={GOVERNMENT_PARTICIPATION.map((g) => ({
              value: g,
              label: t(`coordination.governmentParticipation.${g}`),
            }))}
          />
          <SelectField
            t={t}
            form={form}
            name="stakeholders"
            label={t('coordination.stakeholders')}
            required
            options={STAKEHOLDER_PARTICIPATION.map((g) => ({
              value: g,
              label: t(`coordination.stakeholderParticipation.${g}`),
            }))}
          />
          <ChoiceGroup
            t={t}
            form={form}
            type="checkbox"
            name="support"
            label={t('coordination.support')}
            options={DEVELOPING_SUPPORT.map((s) => ({ value: s, label: t(`coordination.supports.${s}`) }))}
          />
          <TextField t={t} form={form} name="website" label={t('coordination.website')} />
          <fieldset class="field" id="field-issueIds">
            <legend>{t('coordination.issues.addressed')}</legend>
            {issues.map((i) => (
              <div class="choice">
                <input
                  type="checkbox"
                  id={`mi-${i.id}`}
                  name="issueIds[]"
                  value={String(i.id)}
                  checked={chosen('issueIds').includes(String(i.id))}
                />
                <label for={`mi-${i.id}`}>{issueName(c, i)}</label>
              </div>
            ))}
          </fieldset>
          <button type="submit" class="button">
            {t('coordination.mechanisms.save')}
          </button>
        </Form>
      </>,
    )
  }

  app.get('/mechanisms/new', async (c) => {
    const actor = await requireAccount(c, 'mechanism.manage')
    if (actor instanceof Response) return actor
    return mechanismForm(c, {})
  })

  app.post('/mechanisms/new', async (c) => {
    const values = await readForm(c)
    const parsed = parseWith(MechanismInput, forSchema(values))
    if (!parsed.ok) return mechanismForm(c, { values, issues: parsed.issues }, 422)
    const result = await createMechanism(c.var.db, commandContext(c), parsed.value)
    if (!result.ok)
      return result.error.type === 'invalid'
        ? mechanismForm(c, { values, issues: result.error.issues }, 422)
        : respondError(c, result.error)
    writeCookie(c, COOKIES.flash, 'flash.saved', { maxAgeSeconds: 60 })
    return c.redirect(`/mechanisms/${result.value.id}`, 303)
  })

  app.get('/mechanisms', async (c) => {
    const filter = filterOf(c)
    const mechanisms = (await listMechanisms(c.var.db)).filter((m) => !filter.type || m.type === filter.type)
    const organizations = new Map(
      (await findOrganizationsByIds(c.var.db, [...new Set(mechanisms.map((m) => m.organizationId))])).map((o) => [
        o.id,
        o,
      ]),
    )
    return renderMechanisms(c, { mechanisms, organizations, filter })
  })

  app.get('/mechanisms/:id{[0-9]+}', async (c) => {
    const mechanism = await findMechanism(c.var.db, idParam(c))
    if (!mechanism) return respondError(c, { type: 'not_found', id: 'mechanism_not_found' })
    const [organization] = await findOrganizationsByIds(c.var.db, [mechanism.organizationId])
    const issues = (await listIssues(c.var.db)).filter((i) => mechanism.issueIds.includes(i.id))
    return renderMechanism(c, { mechanism, organization, issues })
  })

  app.get('/map', async (c) => {
    const filter = filterOf(c)
    const { issues, mechanisms } = await analyses(c, filter)
    const organizations = (
      await findOrganizationsByIds(c.var.db, [...new Set(mechanisms.map((m) => m.organizationId))])
    ).sort((a, b) => (a.acronym ?? localized(a.name, 'en')).localeCompare(b.acronym ?? localized(b.name, 'en')))
    return renderMatrix(c, { issues, mechanisms, organizations, filter })
  })

  app.get('/map/:file{gaps(\\.csv)?}', async (c) => {
    const filter = filterOf(c)
    const { issues, gaps } = await analyses(c, filter)
    const byId = new Map(issues.map((i) => [i.id, i]))
    if (c.req.param('file') === 'gaps.csv') return csv(c, 'gaps', gapRows(gaps, byId))
    const t = c.var.i18n.t
    const chart = await barChart(
      BASKETS.flatMap((b) =>
        GAP_KINDS.map((kind) => ({
          label: t(`coordination.baskets.${b}`),
          series: t(`coordination.gaps.short.${kind}`),
          value: gaps.filter((g) => g.kind === kind && byId.get(g.issueId)?.basket === b).length,
        })),
      ).filter((d) => d.value > 0),
      { title: t('coordination.gaps.chartTitle'), rtl: c.var.i18n.dir === 'rtl' },
    )
    return renderGaps(c, { issues: byId, gaps, chart, filter })
  })

  app.get('/map/:file{overlaps(\\.csv)?}', async (c) => {
    const parsed = OverlapQuery.safeParse(c.req.query())
    const query = parsed.success ? parsed.data : {}
    const n = query.n ?? DEFAULT_OVERLAP
    const filter = { basket: query.basket, scope: query.scope, type: query.type }
    const { issues, mechanisms, overlaps } = await analyses(c, filter, n)
    const byId = new Map(issues.map((i) => [i.id, i]))
    if (c.req.param('file') === 'overlaps.csv')
      return csv(
        c,
        'overlaps',
        overlaps.map((o) => ({
          issue: byId.get(o.issueId)?.slug,
          mechanisms: o.mechanismIds.length,
          organizations: o.organizations,
          mechanism_ids: o.mechanismIds.join(' '),
        })),
      )
    const t = c.var.i18n.t
    const chart = overlaps.length
      ? await barChart(
          overlaps.slice(0, 20).map((o) => ({
            label: byId.get(o.issueId) ? issueName(c, byId.get(o.issueId) as Issue) : String(o.issueId),
            series: t('coordination.overlaps.series'),
            value: o.mechanismIds.length,
          })),
          { title: t('coordination.overlaps.chartTitle'), rtl: c.var.i18n.dir === 'rtl' },
        )
      : ''
    return renderOverlaps(c, {
      issues: byId,
      mechanisms: new Map(mechanisms.map((m) => [m.id, m])),
      overlaps,
      chart,
      filter,
      n,
    })
  })
}
