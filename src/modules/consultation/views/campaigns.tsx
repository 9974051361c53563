// A call's campaigns (largest first) and one campaign: its template, its distinct personal
// additions counted, who its speakers are and its signals of coordination, with the method.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { Facts, Pagination } from '../../../core/ui/components.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import type { Call } from '../../processes/index.ts'
import type { CampaignRow } from '../queries.ts'
import type { Method } from '../rules/minhash.ts'

export const CAMPAIGNS_PER_PAGE = 20

function excerpt(text: string, max = 280) {
  return text.length <= max ? text : `${text.slice(0, max)}…`
}

function MethodNote({ c, method }: { c: Context<AppEnv>; method: Method }) {
  const { t, number } = c.var.i18n
  return (
    <p class="notice" role="note">
      {t('consultation.method', {
        shingle: method.shingle,
        threshold: number(method.threshold),
        permutations: method.permutations,
        bands: method.bands,
      })}
    </p>
  )
}

/** What the Secretariat typed as the call's threshold, and why it was refused (if it was). */
export interface ThresholdForm {
  value: string
  error?: string
}

/** The Secretariat's setting of the call's similarity threshold: saving it schedules a rebuild. */
function ThresholdSetting({ c, call, form }: { c: Context<AppEnv>; call: Call; form: ThresholdForm }) {
  const { t } = c.var.i18n
  return (
    <form method="post" action={`/calls/${call.id}/campaigns/threshold`}>
      <input type="hidden" name="_csrf" value={c.var.csrfToken} />
      <div class="field">
        <label for="campaign-threshold">{t('consultation.threshold.label')}</label>
        <p class="hint" id="campaign-threshold-hint">
          {t('consultation.threshold.help')}
        </p>
        {form.error ? (
          <p class="field-error" id="campaign-threshold-error">
            {t(form.error)}
          </p>
        ) : null}
        <input
          id="campaign-threshold"
          name="threshold"
          inputmode="decimal"
          value={form.value}
          aria-invalid={form.error ? 'true' : undefined}
          aria-describedby={form.error ? 'campaign-threshold-hint campaign-threshold-error' : 'campaign-threshold-hint'}
        />
      </div>
      <button type="submit">{t('consultation.threshold.submit')}</button>
    </form>
  )
}

export function renderCampaigns(
  c: Context<AppEnv>,
  view: {
    call: Call
    method: Method
    rows: CampaignRow[]
    total: number
    members: number
    assigned: number
    page: number
    /** the Secretariat's threshold form (absent for everyone else) */
    threshold?: ThresholdForm
  },
) {
  const { t, number, dateTime } = c.var.i18n
  const title = t('consultation.campaigns.title', { call: view.call.title })
  return renderPage(
    c,
    { title, status: view.threshold?.error ? 422 : 200 },
    <>
      <p class="eyebrow">
        <a href={`/processes/${view.call.processId}`}>{view.call.title}</a>
      </p>
      <h1>{title}</h1>
      <p>
        {t('consultation.campaigns.summary', {
          campaigns: view.total,
          members: view.members,
          contributions: view.assigned,
        })}
      </p>
      <MethodNote c={c} method={view.method} />
      {view.threshold ? <ThresholdSetting c={c} call={view.call} form={view.threshold} /> : null}
      <p>
        <a href={`/calls/${view.call.id}/compilation/campaigns`}>{t('consultation.compilation.link')}</a>
      </p>
      {view.rows.length === 0 ? <p>{t('consultation.campaigns.none')}</p> : null}
      <ol class="cards">
        {view.rows.map((r) => (
          <li>
            <h2>
              <a href={`/campaigns/${r.id}`}>{t('consultation.campaign.size', { count: r.size })}</a>
            </h2>
            <p>{excerpt(r.template)}</p>
            <p class="meta">
              {t('consultation.campaign.span', { first: dateTime(r.firstAt), last: dateTime(r.lastAt) })} ·{' '}
              {t('consultation.campaign.exactGroups', { count: r.exactGroups })} · {number(r.size)}
            </p>
          </li>
        ))}
      </ol>
      <Pagination
        t={t}
        baseUrl={new URL(c.req.url)}
        page={view.page}
        pageSize={CAMPAIGNS_PER_PAGE}
        total={view.total}
      />
    </>,
  )
}

function Counts({
  c,
  counts,
  label,
}: {
  c: Context<AppEnv>
  counts: Record<string, number>
  label: (k: string) => string
}) {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1])
  return (
    <ul>
      {entries.map(([k, n]) => (
        <li>
          {label(k)}: {c.var.i18n.number(n)}
        </li>
      ))}
    </ul>
  )
}

export function renderCampaign(
  c: Context<AppEnv>,
  view: { campaign: CampaignRow; call: Call; method: Method; additions: { text: string; count: number }[] },
) {
  const { t, number, dateTime } = c.var.i18n
  const k = view.campaign
  const p = k.profile
  const share = (n: number | undefined, of: number) =>
    of === 0 ? '—' : `${number(Math.round(((n ?? 0) / of) * 100))} %`
  const group = (g: string) =>
    g === 'government' || g === 'individual' ? t(`contributions.group.${g}`) : t(`actors.stakeholder.${g}`)
  const region = (r: string) => (r === 'none' ? t('consultation.campaign.noRegion') : t(`actors.group.${r}`))
  const title = t('consultation.campaign.title', { count: k.size })
  return renderPage(
    c,
    { title },
    <>
      <p class="eyebrow">
        <a href={`/calls/${view.call.id}/campaigns`}>{t('consultation.campaigns.title', { call: view.call.title })}</a>
      </p>
      <h1>{title}</h1>
      <MethodNote c={c} method={view.method} />
      <Facts
        items={[
          [t('consultation.campaign.sizeLabel'), number(k.size)],
          [t('consultation.campaign.exactGroupsLabel'), number(k.exactGroups)],
          [t('consultation.campaign.first'), dateTime(k.firstAt)],
          [t('consultation.campaign.last'), dateTime(k.lastAt)],
          [t('consultation.signal.peak'), number(p.peakPerMinute ?? 0)],
          [
            t('consultation.signal.newAccounts'),
            `${share(p.newAccounts, p.platform ?? 0)} (${number(p.platform ?? 0)})`,
          ],
          [t('consultation.signal.identical'), share(p.identicalMetadata, k.size)],
        ]}
      />
      <section aria-labelledby="template">
        <h2 id="template">{t('consultation.campaign.template')}</h2>
        <blockquote class="prose">{k.template}</blockquote>
      </section>
      <section aria-labelledby="additions">
        <h2 id="additions">{t('consultation.campaign.additions')}</h2>
        {view.additions.length === 0 ? <p>{t('consultation.campaign.noAdditions')}</p> : null}
        <ol>
          {view.additions.map((a) => (
            <li>
              {a.text} <span class="meta">({t('consultation.campaign.sentBy', { count: a.count })})</span>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="speakers">
        <h2 id="speakers">{t('consultation.campaign.speakers')}</h2>
        <h3>{t('contributions.stakeholderGroup')}</h3>
        <Counts c={c} counts={p.groups ?? {}} label={group} />
        <h3>{t('contributions.regionalGroup')}</h3>
        <Counts c={c} counts={p.regions ?? {}} label={region} />
        <p>{t('consultation.campaign.development', { ldc: p.ldc ?? 0, lldc: p.lldc ?? 0, sids: p.sids ?? 0 })}</p>
      </section>
      <p>
        <a href={`/api/v1/campaigns/${k.id}/contributions`}>{t('consultation.campaign.members')}</a>
      </p>
    </>,
  )
}
