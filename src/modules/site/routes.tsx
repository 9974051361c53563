// The home and about pages.
import type { Hono } from 'hono'
import type { AppEnv } from '../../core/http/context.ts'
import type { Statistic } from '../../core/module.ts'
import { renderPage } from '../../core/ui/layout.tsx'

export function registerSiteRoutes(app: Hono<AppEnv>): void {
  app.get('/', async (c) => {
    const { i18n, deps, db } = c.var
    const t = i18n.t
    const statistics: Statistic[] = (await Promise.all(deps.modules.map((m) => m.statistics?.(db) ?? []))).flat()
    statistics.sort((a, b) => a.order - b.order)
    return renderPage(
      c,
      { title: t('site.home.title'), description: t('site.home.lead') },
      <>
        <h1>{t('site.home.title')}</h1>
        <p class="lead">{t('site.home.lead')}</p>
        <ul class="cards">
          {statistics.map((s) => (
            <li class="card">
              <a href={s.href}>
                <span class="stat">{i18n.number(s.value)}</span> {t(s.label, { count: s.value })}
              </a>
            </li>
          ))}
        </ul>
        <h2>{t('site.home.howTitle')}</h2>
        <ol>
          <li>{t('site.home.how1')}</li>
          <li>{t('site.home.how2')}</li>
          <li>{t('site.home.how3')}</li>
          <li>{t('site.home.how4')}</li>
        </ol>
        <h2>{t('site.home.equalFootingTitle')}</h2>
        <p>{t('site.home.equalFooting')}</p>
        <p>
          <a href="/about">{t('site.home.more')}</a>
        </p>
      </>,
    )
  })

  app.get('/about', (c) => {
    const t = c.var.i18n.t
    return renderPage(
      c,
      { title: t('site.about.title') },
      <>
        <h1>{t('site.about.title')}</h1>
        <p class="lead">{t('site.about.lead')}</p>
        <h2>{t('site.about.mandateTitle')}</h2>
        <p>{t('site.about.mandate')}</p>
        <h2>{t('site.about.openTitle')}</h2>
        <p>{t('site.about.open')}</p>
        <h2>{t('site.about.accessTitle')}</h2>
        <p>{t('site.about.access')}</p>
        <h2>{t('site.about.dataTitle')}</h2>
        <p>{t('site.about.data')}</p>
      </>,
    )
  })
}
