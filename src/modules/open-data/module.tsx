// The open-data module: one bulk download (a ZIP of CSV and JSON with a data dictionary and an
// open licence) of what every module publishes, rebuilt when the data changes.

import { join } from 'node:path'
import { isoDate } from '../../core/dates.ts'
import { contentDisposition } from '../../core/formats/content-disposition.ts'
import { loadCatalogs } from '../../core/i18n/catalog.ts'
import type { ModuleManifest } from '../../core/module.ts'
import { renderPage } from '../../core/ui/layout.tsx'
import { currentBundle } from './store.ts'

export const openDataModule: ModuleManifest = {
  id: 'openData',
  migrations: join(import.meta.dirname, 'migrations'),
  messages: loadCatalogs(join(import.meta.dirname, 'messages')),
  transientTables: ['open_data_bundle'],
  navigation: [{ href: '/open-data', label: 'openData.nav', order: 80 }],
  routes: (app) => {
    app.get('/open-data', async (c) => {
      const { i18n, deps } = c.var
      const t = i18n.t
      // the stored bundle says what it holds; it is rebuilt first only when the data changed
      const { bundle: latest } = await currentBundle(deps.db, deps.modules, deps.now())
      const datasets = latest.datasets
      const title = t('openData.title')
      return renderPage(
        c,
        { title },
        <>
          <h1>{title}</h1>
          <p class="lead">{t('openData.lead')}</p>
          <p>
            <a class="button" href="/open-data.zip">
              {t('openData.download')}
            </a>{' '}
            <span class="muted">
              {t('openData.built', {
                date: i18n.dateTime(latest.builtAt),
                size: i18n.number(Math.ceil(latest.sizeBytes / 1024)),
              })}
            </span>
          </p>
          <p>{t('openData.licence')}</p>
          <div class="table-scroll">
            <table>
              <caption>{t('openData.datasets')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('openData.dataset')}</th>
                  <th scope="col">{t('openData.description')}</th>
                  <th scope="col">{t('openData.rows')}</th>
                </tr>
              </thead>
              <tbody>
                {datasets.map((d) => (
                  <tr>
                    <td>
                      <code>{d.name}</code>
                    </td>
                    <td>{d.description}</td>
                    <td>{i18n.number(d.rows)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <a href="/api">{t('openData.api')}</a>
          </p>
        </>,
      )
    })
    app.get('/open-data.zip', async (c) => {
      const { bundle } = await currentBundle(c.var.deps.db, c.var.deps.modules, c.var.deps.now())
      return c.body(new Uint8Array(bundle.content), 200, {
        'Content-Type': 'application/zip',
        'Content-Disposition': contentDisposition(`ecp-open-data-${isoDate(bundle.builtAt)}.zip`),
        'Cache-Control': 'no-cache',
        ETag: `"${bundle.fingerprint}"`,
      })
    })
  },
  jobs: {
    'openData.rebuild': async (_payload, { db, deps, log }) => {
      const { rebuilt, bundle } = await currentBundle(db, deps.modules, deps.now())
      if (rebuilt) log.info(`open data rebuilt: ${bundle.sizeBytes} bytes`)
    },
  },
  // checks every ten minutes whether the data changed, so the download is ready when asked for
  recurringJobs: { 'openData.rebuild': 600 },
}
