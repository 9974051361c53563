// The demo's annual reports: two past cycles with reports marked illustrative, written from the
// mechanisms each organization runs on the map, and this year's cycle open, with APC invited so
// the demo's representative can write its report.
import { SYSTEM } from '../../core/auth/actor.ts'
import type { DemoContext } from '../../core/module.ts'
import { findOrganizationBySlug, listOrganizations, localized } from '../actors/index.ts'
import { listIssues, listMechanisms } from '../coordination/index.ts'
import { openCycle, saveDraft, submitReport } from './commands.ts'
import { CHARACTERISTICS } from './rules/report.ts'

const REPORTING = ['ITU', 'UNESCO', 'UNCTAD', 'WIPO', 'UNODC', 'OECD', 'CoE', 'ICANN', 'IETF', 'W3C', 'ISOC', 'UN DESA']

export async function loadAnnualReportsDemo(ctx: DemoContext): Promise<void> {
  const now = new Date()
  const year = now.getUTCFullYear()
  const { rows } = await listOrganizations(ctx.db, { limit: 1000, offset: 0 })
  const orgs = rows.filter((o) => o.acronym && REPORTING.includes(o.acronym))
  const [mechanisms, issues] = await Promise.all([listMechanisms(ctx.db), listIssues(ctx.db)])
  const slugOf = new Map(issues.map((i) => [i.id, i.slug]))
  for (const [offset, share] of [
    [2, 0.6],
    [1, 1],
  ] as const) {
    const y = year - offset
    const opened = await openCycle(
      ctx.db,
      { actor: SYSTEM, now: new Date(Date.UTC(y, 0, 15)) },
      { year: y, deadline: `${y}-03-31`, organizationIds: orgs.map((o) => o.id), illustrative: true },
    )
    if (!opened.ok) throw new Error(`demo cycle ${y}: ${JSON.stringify(opened.error)}`)
    for (const [i, org] of orgs.entries()) {
      if (i >= Math.round(orgs.length * share)) continue
      const own = mechanisms.filter((m) => m.organizationId === org.id)
      const slugs = [...new Set(own.flatMap((m) => m.issueIds.map((id) => slugOf.get(id) ?? '')))].filter(Boolean)
      const name = localized(org.name, 'en')
      const at = { actor: SYSTEM, now: new Date(Date.UTC(y, 2, 1 + i)) }
      const content = {
        actions: `Illustrative report. In ${y}, ${name} ran ${own.map((m) => m.name).join(', ') || 'its programmes'} and shared their outcomes with the Commission on Science and Technology for Development.`,
        governments: `Illustrative: governments took part through ${own.some((m) => m.governments === 'equal_footing') ? 'bodies where each State has one voice' : 'consultations'}.`,
        stakeholders: 'Illustrative: stakeholders took part in open consultations and public comment periods.',
        developing: own.some((m) => m.support.length)
          ? 'Illustrative: fellowships, remote participation and interpretation for participants from developing and least developed countries.'
          : '',
        outcomes: 'Illustrative: outcomes are published on the organization’s website.',
        plans: `Illustrative: continue the work in ${y + 1}.`,
        issues: slugs.slice(0, offset === 1 ? 6 : 4),
        characteristics: Object.fromEntries(
          CHARACTERISTICS.slice(0, 2 + (i % 4)).map((ch) => [
            ch,
            `Illustrative: how ${name} applied ${ch.replaceAll('_', ' ')} in ${y}.`,
          ]),
        ),
      }
      const saved = await saveDraft(ctx.db, at, y, org.id, content)
      if (!saved.ok) throw new Error(`demo report ${y} ${name}: ${JSON.stringify(saved.error)}`)
      const submitted = await submitReport(ctx.db, at, y, org.id)
      if (!submitted.ok) throw new Error(`demo report ${y} ${name}: ${JSON.stringify(submitted.error)}`)
    }
  }
  const apc = await findOrganizationBySlug(ctx.db, 'apc')
  const open = await openCycle(
    ctx.db,
    { actor: SYSTEM, now },
    {
      year,
      deadline: `${year + 1}-03-31`,
      organizationIds: [...orgs.map((o) => o.id), ...(apc ? [apc.id] : [])],
      illustrative: true,
    },
  )
  if (!open.ok) throw new Error(`demo cycle ${year}: ${JSON.stringify(open.error)}`)
}
