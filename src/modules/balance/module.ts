// The balance module: who took part in a process, a body, a call, a meeting or a year of the
// platform, by UN regional group, LDC / LLDC / SIDS, stakeholder group and language, against the
// UN membership or the body's composition (WGEC rec. 8, 10, 11). It owns no table: it reads the
// other modules' exports.
import { join } from 'node:path'
import { loadCatalogs } from '../../core/i18n/catalog.ts'
import type { ModuleManifest } from '../../core/module.ts'
import { registerBalanceApi } from './api.ts'
import { balanceOpenData } from './open-data.ts'
import { balanceActions } from './permissions.ts'
import { registerBalanceRoutes } from './routes.tsx'
import { balanceLink } from './views/link.tsx'

export const balanceModule: ModuleManifest = {
  id: 'balance',
  messages: loadCatalogs(join(import.meta.dirname, 'messages')),
  permissions: balanceActions,
  routes: registerBalanceRoutes,
  api: registerBalanceApi,
  sections: {
    process: { order: 90, render: async (c, subject) => balanceLink(c, 'process', subject.id) },
    body: { order: 90, render: async (c, subject) => balanceLink(c, 'body', subject.bodyId) },
  },
  openData: balanceOpenData,
}
