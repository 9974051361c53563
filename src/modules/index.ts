// The ordered registry of modules. Order matters for demo data (a module's demo may use what an
// earlier one created) and for navigation ties. Registering the list hands each manifest's
// permissions to `authorize`.
import { type ModuleManifest, registerModules } from '../core/module.ts'
import { accountsModule } from './accounts/index.ts'
import { accreditationModule } from './accreditation/index.ts'
import { actorsModule } from './actors/index.ts'
import { administrationModule } from './administration/index.ts'
import { annualReportsModule } from './annual-reports/index.ts'
import { balanceModule } from './balance/index.ts'
import { bodiesModule } from './bodies/index.ts'
import { capacityModule } from './capacity/index.ts'
import { consultationModule } from './consultation/index.ts'
import { contributionSearchModule } from './contribution-search/index.ts'
import { contributionsModule } from './contributions/index.ts'
import { coordinationModule } from './coordination/index.ts'
import { deliberationModule } from './deliberation/index.ts'
import { knowledgeModule } from './knowledge/index.ts'
import { negotiationModule } from './negotiation/index.ts'
import { notificationsModule } from './notifications/index.ts'
import { openDataModule } from './open-data/index.ts'
import { processesModule } from './processes/index.ts'
import { proposalsModule } from './proposals/index.ts'
import { reportsModule } from './reports/index.ts'
import { scorecardModule } from './scorecard/index.ts'
import { siteModule } from './site/index.ts'

export const modules: readonly ModuleManifest[] = [
  siteModule,
  actorsModule,
  accountsModule,
  accreditationModule,
  administrationModule,
  bodiesModule,
  processesModule,
  contributionsModule,
  consultationModule,
  contributionSearchModule,
  proposalsModule,
  negotiationModule,
  reportsModule,
  coordinationModule,
  annualReportsModule,
  knowledgeModule,
  capacityModule,
  deliberationModule,
  balanceModule,
  scorecardModule,
  notificationsModule,
  openDataModule,
]

registerModules(modules)
