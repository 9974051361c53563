// Contribution pages, by group: answering a call and revising (routes-contribute.tsx), one
// contribution and its forms (routes-contribution.tsx), a process's list and compilation
// (routes-list.tsx).
import type { Hono } from 'hono'
import type { AppEnv } from '../../core/http/context.ts'
import { registerContributeRoutes } from './routes-contribute.tsx'
import { registerContributionPageRoutes } from './routes-contribution.tsx'
import { registerContributionListRoutes } from './routes-list.tsx'

export { visibleStatuses } from './routes-list.tsx'

export function registerContributionRoutes(app: Hono<AppEnv>): void {
  registerContributeRoutes(app)
  registerContributionPageRoutes(app)
  registerContributionListRoutes(app)
}
