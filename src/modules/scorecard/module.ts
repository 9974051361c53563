// The scorecard module: for each process and each year, indicators computed from the record for
// each high-level characteristic of WGEC recommendation 1, beside what organizations self-report
// in their annual reports (page, Word, JSON, open data). Owns no table; reads other modules'
// exports.
import { join } from 'node:path'
import { loadCatalogs } from '../../core/i18n/catalog.ts'
import type { ModuleManifest } from '../../core/module.ts'
import { registerScorecardApi } from './api.ts'
import { scorecardActions } from './permissions.ts'
import { registerScorecardRoutes } from './routes.tsx'
import { scorecardRows } from './scorecard.ts'
import { scorecardSection } from './section.tsx'

export const scorecardModule: ModuleManifest = {
  id: 'scorecard',
  messages: loadCatalogs(join(import.meta.dirname, 'messages')),
  permissions: scorecardActions,
  routes: registerScorecardRoutes,
  api: registerScorecardApi,
  navigation: [{ href: '/scorecard', label: 'scorecard.nav', order: 58 }],
  sections: { process: { order: 40, render: scorecardSection } },
  openData: async (db) => [
    {
      name: 'scorecard',
      description:
        'Indicators of the high-level characteristics (WGEC rec. 1) by process and year; docs/scorecard.md defines each',
      fields: [
        { name: 'process_id', type: 'integer', description: 'The process; empty for the platform’s indicators' },
        { name: 'year', type: 'integer', description: 'Calendar year (UTC)' },
        {
          name: 'characteristic',
          type: 'string',
          description: 'transparency, inclusiveness, collaborative_approach ...',
        },
        { name: 'indicator', type: 'string', description: 'The indicator (docs/scorecard.md)' },
        { name: 'recorded', type: 'boolean', description: 'false when the record holds nothing to compute it from' },
        { name: 'value', type: 'number', description: 'A share in [0, 1] or a count; empty when not recorded' },
        { name: 'numerator', type: 'number', description: 'The share’s numerator, or the count' },
        { name: 'denominator', type: 'number', description: 'The share’s denominator, or what a count is out of' },
      ],
      rows: await scorecardRows(db),
    },
  ],
}
