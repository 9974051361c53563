// The capacity-building offers: provider, modality, languages, regions served and issues.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { LOCALE_INFO } from '../../../core/i18n/locales.ts'
import { renderPage } from '../../../core/ui/layout.tsx'
import { Name } from '../../../core/ui/name.tsx'
import type { Places } from '../places.ts'
import type { Offer } from '../queries.ts'

export function renderOffers(
  c: Context<AppEnv>,
  view: { places: Places; offers: Offer[]; providers: Map<number, string> },
) {
  const { i18n } = c.var
  const t = i18n.t
  const title = t('capacity.offers')
  return renderPage(
    c,
    { title },
    <>
      <p class="eyebrow">
        <a href="/capacity">{t('capacity.title')}</a>
      </p>
      <h1>{title}</h1>
      <ul class="cards">
        {view.offers.map((o) => (
          <li class="card">
            <h2>
              {o.url ? (
                <a href={o.url} rel="external noopener">
                  {o.title}
                </a>
              ) : (
                o.title
              )}
            </h2>
            <p>
              <Name>{view.providers.get(o.organizationId)}</Name> · {t(`capacity.modality.${o.modality}`)} ·{' '}
              {i18n.list(o.languages.map((l) => LOCALE_INFO[l as keyof typeof LOCALE_INFO]?.name ?? l))}
            </p>
            <p class="muted">
              {o.regions.length ? i18n.list(o.regions.map((g) => t(`actors.group.${g}`))) : t('capacity.allRegions')}
            </p>
            <p>{o.issueSlugs.map(view.places.issueName).join(' · ')}</p>
          </li>
        ))}
      </ul>
    </>,
  )
}
