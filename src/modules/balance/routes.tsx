// The balance pages (/balance/{scope}/{id}) and their CSV; /balance is this year's platform. A scope or an
// id nobody could have meant is a 404, never a 500.
import type { Context, Hono } from 'hono'
import { contentDisposition } from '../../core/formats/content-disposition.ts'
import { toCsv } from '../../core/formats/csv.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { notFoundResponse, respondError } from '../../core/http/errors.tsx'
import { isolated } from '../../core/ui/name.tsx'
import { chartsFor } from './charts.ts'
import { type BalanceReport, balanceReport } from './report.ts'
import { BalanceQuery } from './schemas.ts'
import { balanceCsvRows } from './serialize.ts'
import { renderBalance } from './views/balance.tsx'

async function reportOf(c: Context<AppEnv>): Promise<BalanceReport | Response> {
  // /balance is this year's platform
  const asked = c.req.param('scope')
    ? { scope: c.req.param('scope'), id: c.req.param('id') }
    : { scope: 'year', id: c.var.deps.now().getUTCFullYear() }
  const parsed = BalanceQuery.safeParse(asked)
  if (!parsed.success) return notFoundResponse(c)
  const report = await balanceReport(c.var.db, parsed.data.scope, parsed.data.id, c.var.deps.now())
  return report.ok ? report.value : respondError(c, report.error)
}

async function page(c: Context<AppEnv>): Promise<Response> {
  const report = await reportOf(c)
  if (report instanceof Response) return report
  const t = c.var.i18n.t
  return renderBalance(c, {
    report,
    charts: await chartsFor(c.var.i18n, report),
    related: [
      ...report.related.map((r) => ({
        href: `/balance/${r.scope}/${r.id}`,
        label: t(`balance.link.${r.scope}`, { name: isolated(r.title) }),
      })),
      ...(report.scope === 'year' ? [] : [{ href: '/balance', label: t('balance.link.platform') }]),
    ],
    trendHref: report.trendOf === 'years' ? (label) => `/balance/year/${label}` : undefined,
  })
}

export function registerBalanceRoutes(app: Hono<AppEnv>): void {
  app.get('/balance', (c) => page(c))
  app.get('/balance/:scope/:id', (c) => page(c))

  app.get('/balance/:scope/:id/balance.csv', async (c) => {
    const report = await reportOf(c)
    if (report instanceof Response) return report
    return c.body(toCsv(balanceCsvRows(report)), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': contentDisposition(`balance-${report.scope}-${report.id}.csv`),
    })
  })
}
