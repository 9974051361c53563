// The compilation read by campaign: each campaign once, with its count, template and distinct
// personal additions, then every contribution in no campaign, so each distinct argument is read once.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { textLanguage } from '../../../core/i18n/locales.ts'
import { renderPage } from '../../../core/ui/layout.tsx'
import { Name } from '../../../core/ui/name.tsx'
import type { ContributionText } from '../../contributions/index.ts'
import type { Call } from '../../processes/index.ts'
import type { CampaignRow } from '../queries.ts'

/** whole texts: 50 of the bench's (650 characters each) were 12 KB compressed beside the last campaigns */
export const LONE_PER_PAGE = 25

export function renderCompilation(
  c: Context<AppEnv>,
  view: {
    call: Call
    campaigns: { campaign: CampaignRow; additions: { text: string; count: number }[] }[]
    campaignTotal: number
    /** this page continues the campaigns after an earlier page's last */
    campaignsContinued: boolean
    /** SIZE-ID of this page's last campaign when more campaigns follow (the lone ones come after them) */
    campaignsNext: string | null
    lone: ContributionText[]
    loneTotal: number
    /** the contribution in no campaign this page continues after (0: the first page) */
    after: number
    /** where the next page starts, if there is one */
    next: number | null
  },
) {
  const { t, number } = c.var.i18n
  const title = t('consultation.compilation.title', { call: view.call.title })
  return renderPage(
    c,
    { title },
    <>
      <p class="eyebrow">
        <a href={`/calls/${view.call.id}/campaigns`}>{t('consultation.campaigns.title', { call: view.call.title })}</a>
      </p>
      <h1>{title}</h1>
      <p class="notice" role="note">
        {t('consultation.compilation.note')}
      </p>
      <p>
        <a href={`/calls/${view.call.id}/compilation/campaigns.docx`}>{t('consultation.compilation.docx')}</a>
      </p>
      {view.after === 0 ? (
        <section aria-labelledby="campaigns">
          <h2 id="campaigns">{t('consultation.compilation.campaigns', { count: view.campaignTotal })}</h2>
          {view.campaigns.map(({ campaign, additions }) => (
            <article>
              <h3>
                <a href={`/campaigns/${campaign.id}`}>{t('consultation.campaign.title', { count: campaign.size })}</a>
              </h3>
              <blockquote class="prose">{campaign.template}</blockquote>
              {additions.length > 0 ? (
                <>
                  <h4>{t('consultation.campaign.additions')}</h4>
                  <ul>
                    {additions.map((a) => (
                      <li>
                        {a.text} <span class="meta">({number(a.count)})</span>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </article>
          ))}
        </section>
      ) : null}
      <section aria-labelledby="lone">
        <h2 id="lone">{t('consultation.compilation.lone', { count: view.loneTotal })}</h2>
        {view.lone.map((k) => (
          <article>
            <h3>
              <a href={`/contributions/${k.id}`}>
                <Name>{k.contributorName}</Name>
              </a>
            </h3>
            <div class="prose" {...textLanguage(k.language)}>
              {k.text}
            </div>
          </article>
        ))}
        {view.next !== null || view.after > 0 || view.campaignsNext !== null || view.campaignsContinued ? (
          <nav aria-label={t('pagination.label')}>
            <ul class="pagination">
              {view.after > 0 || view.campaignsContinued ? (
                <li>
                  <a href={`/calls/${view.call.id}/compilation/campaigns`}>{t('consultation.compilation.first')}</a>
                </li>
              ) : null}
              {view.campaignsNext !== null ? (
                <li>
                  <a
                    href={`/calls/${view.call.id}/compilation/campaigns?campaignsAfter=${view.campaignsNext}`}
                    rel="next"
                  >
                    {t('pagination.next')}
                  </a>
                </li>
              ) : null}
              {view.next !== null ? (
                <li>
                  <a href={`/calls/${view.call.id}/compilation/campaigns?after=${view.next}`} rel="next">
                    {t('pagination.next')}
                  </a>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
      </section>
    </>,
  )
}
