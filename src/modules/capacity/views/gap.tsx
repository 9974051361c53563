// One capacity gap: where and what, its status history, the offers matched to it and those that
// could meet it; the Secretariat changes its status and matches offers from here.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { Tag } from '../../../core/ui/components.tsx'
import { ErrorSummary, Form, type FormState, SelectField, TextField } from '../../../core/ui/form.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import { Name } from '../../../core/ui/name.tsx'
import { gapWhere, type Places } from '../places.ts'
import type { Gap, GapEvent, Match, Offer } from '../queries.ts'
import { GAP_STATUSES } from '../rules/matching.ts'
import { statusTone } from './gaps.tsx'

export interface GapView {
  places: Places
  gap: Gap
  history: GapEvent[]
  matches: Match[]
  offers: Offer[]
  suggested: Offer[]
  /** provider names by organization id */
  providers: Map<number, string>
  manage: boolean
  /** a refused status change, as it was typed */
  statusForm?: FormState
  status?: 200 | 422
}

export function renderGap(c: Context<AppEnv>, view: GapView) {
  const { i18n, csrfToken } = c.var
  const t = i18n.t
  const { places, gap, providers, manage } = view
  const statusForm = view.statusForm ?? { values: { status: gap.status } }
  const title = `${gapWhere(places, t, gap)}: ${places.issueName(gap.issueSlug)}`
  return renderPage(
    c,
    { title, status: view.status ?? 200 },
    <>
      <p class="eyebrow">
        <a href="/capacity">{t('capacity.title')}</a>
      </p>
      <h1>{title}</h1>
      <p>
        <Tag tone={statusTone(gap.status)}>{t(`capacity.status.${gap.status}`)}</Tag>{' '}
        {t('capacity.identified', { date: i18n.date(gap.identifiedOn) })}
        {places.classesOf(gap).map((k) => (
          <>
            {' '}
            <Tag>{t(`actors.classification.${k}`)}</Tag>
          </>
        ))}
      </p>
      <p class="prose" dir="auto">
        {gap.description}
      </p>
      {gap.source ? <p class="muted">{t('capacity.sourceIs', { source: gap.source })}</p> : null}
      <h2>{t('capacity.history')}</h2>
      <ol>
        {view.history.map((h) => (
          <li>
            {i18n.dateTime(h.at)}: {t(`capacity.status.${h.status}`)}
            {h.note ? (
              <>
                {' '}
                (<bdi>{h.note}</bdi>)
              </>
            ) : null}
          </li>
        ))}
      </ol>
      {manage ? (
        <>
          <ErrorSummary t={t} form={statusForm} />
          <Form action={`/capacity/gaps/${gap.id}/status`} csrfToken={csrfToken} class="stacked">
            <SelectField
              t={t}
              form={statusForm}
              name="status"
              label={t('capacity.statusLabel')}
              required
              options={GAP_STATUSES.map((s) => ({ value: s, label: t(`capacity.status.${s}`) }))}
            />
            <TextField t={t} form={statusForm} name="note" label={t('capacity.note')} />
            <button type="submit" class="button secondary">
              {t('capacity.save')}
            </button>
          </Form>
        </>
      ) : null}
      <h2>{t('capacity.matched')}</h2>
      {view.matches.length === 0 ? <p>{t('capacity.noMatch')}</p> : null}
      <ul>
        {view.matches.map((m) => {
          const offer = view.offers.find((o) => o.id === m.offerId)
          return (
            <li>
              {offer?.title}{' '}
              <span class="muted">
                (<Name>{providers.get(offer?.organizationId ?? 0)}</Name>)
              </span>
              {m.note ? (
                <>
                  {' · '}
                  <bdi>{m.note}</bdi>
                </>
              ) : null}
            </li>
          )
        })}
      </ul>
      <h2>{t('capacity.suggested')}</h2>
      {view.suggested.length === 0 ? <p>{t('capacity.noSuggestion')}</p> : null}
      <ul>
        {view.suggested.map((o) => (
          <li>
            {o.title}{' '}
            <span class="muted">
              (<Name>{providers.get(o.organizationId)}</Name>, {t(`capacity.modality.${o.modality}`)})
            </span>
            {manage ? (
              <Form action={`/capacity/gaps/${gap.id}/match`} csrfToken={csrfToken} class="inline">
                <input type="hidden" name="offerId" value={String(o.id)} />{' '}
                <button type="submit" class="button secondary">
                  {t('capacity.match')}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </>,
  )
}
