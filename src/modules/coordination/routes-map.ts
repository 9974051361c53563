// The map and its analyses as pages and CSV: the issues x organizations matrix, the gaps and the
// overlaps, with the same filters (and the same rows, analyses.ts) as the API.
import type { Context, Hono } from 'hono'
import { contentDisposition } from '../../core/formats/content-disposition.ts'
import { toCsv } from '../../core/formats/csv.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { findOrganizationsByIds, localized } from '../actors/index.ts'
import { analyses, DEFAULT_OVERLAP, gapRows, overlapRows } from './analyses.ts'
import { barChart } from './chart.ts'
import type { Issue } from './queries.ts'
import { GAP_KINDS, type MapFilter } from './rules/map.ts'
import { MapQuery, OverlapQuery } from './schemas.ts'
import { renderGaps, renderMatrix, renderOverlaps } from './views/analyses.tsx'
import { issueName } from './views/parts.tsx'
import { BASKETS } from './vocabulary.ts'

/** The page's filters; a value nobody could have chosen is ignored. */
export function filterOf(c: Context<AppEnv>): MapFilter {
  const parsed = MapQuery.safeParse(c.req.query())
  return parsed.success ? parsed.data : {}
}

function csv(c: Context<AppEnv>, name: string, rows: Record<string, unknown>[]) {
  return c.body(toCsv(rows), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': contentDisposition(`${name}.csv`),
  })
}

export function registerMapRoutes(app: Hono<AppEnv>): void {
  app.get('/map', async (c) => {
    const filter = filterOf(c)
    const { issues, mechanisms } = await analyses(c.var.db, filter)
    const organizations = (
      await findOrganizationsByIds(c.var.db, [...new Set(mechanisms.map((m) => m.organizationId))])
    ).sort((a, b) => (a.acronym ?? localized(a.name, 'en')).localeCompare(b.acronym ?? localized(b.name, 'en')))
    return renderMatrix(c, { issues, mechanisms, organizations, filter })
  })

  app.get('/map/:file{gaps(\\.csv)?}', async (c) => {
    const filter = filterOf(c)
    const { gaps, byId } = await analyses(c.var.db, filter)
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
    const { mechanisms, overlaps, byId } = await analyses(c.var.db, filter, n)
    if (c.req.param('file') === 'overlaps.csv')
      return csv(
        c,
        'overlaps',
        overlapRows(overlaps, byId).map((o) => ({
          issue: o.issue,
          mechanisms: o.mechanisms.length,
          organizations: o.organizations,
          mechanism_ids: o.mechanisms.join(' '),
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
