// The site module: the home page (with every module's figures) and the about page.
import { join } from 'node:path'
import { loadCatalogs } from '../../core/i18n/catalog.ts'
import type { ModuleManifest } from '../../core/module.ts'
import { registerSiteRoutes } from './routes.tsx'

export const siteModule: ModuleManifest = {
  id: 'site',
  messages: loadCatalogs(join(import.meta.dirname, 'messages')),
  routes: registerSiteRoutes,
}
