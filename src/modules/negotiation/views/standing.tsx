// Where the States stand on a paragraph or an amendment: whether it is ready, the counts per
// position, and the form a delegation gives its State's position with. Shared by the document page
// and a paragraph's page.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { Tag } from '../../../core/ui/components.tsx'
import { Form } from '../../../core/ui/form.tsx'
import { POSITIONS, type Tally } from '../rules/consensus.ts'

type I18n = Context<AppEnv>['var']['i18n']
type T = I18n['t']

export function Readiness({
  i18n,
  tally,
  stateName,
}: {
  i18n: I18n
  tally: Tally
  stateName: (iso3: string) => string
}) {
  const t = i18n.t
  if (tally.readiness === 'objected')
    return (
      <Tag tone="warn">
        {t('negotiation.readiness.objected', { states: i18n.list(tally.objecting.map(stateName)) })}
      </Tag>
    )
  if (tally.readiness === 'ready') return <Tag tone="ok">{t('negotiation.readiness.ready')}</Tag>
  return <Tag>{t('negotiation.readiness.open')}</Tag>
}

/** Counts per position, e.g. "120 support · 40 with no objection · 3 object". */
export function PositionSummary({ t, tally }: { t: T; tally: Tally }) {
  const counts = [
    ...POSITIONS.filter((p) => tally[p] > 0).map((p) => t(`negotiation.positionCount.${p}`, { count: tally[p] })),
    ...(tally.earlier > 0 ? [t('negotiation.positionCount.earlier', { count: tally.earlier })] : []),
  ]
  if (counts.length === 0) return null
  return <span class="muted"> {counts.join(' · ')}</span>
}

export function PositionForm({
  c,
  action,
  delegations,
  stateName,
  idPrefix,
}: {
  c: Context<AppEnv>
  action: string
  delegations: string[]
  stateName: (iso3: string) => string
  idPrefix: string
}) {
  const { i18n } = c.var
  const t = i18n.t
  return (
    <details>
      <summary>{t('negotiation.position.give')}</summary>
      <Form action={action} csrfToken={c.var.csrfToken} class="stacked">
        {delegations.length === 1 ? (
          <input type="hidden" name="memberStateIso3" value={delegations[0]} />
        ) : (
          <p>
            <label for={`${idPrefix}-state`}>{t('negotiation.position.state')}</label>{' '}
            <select id={`${idPrefix}-state`} name="memberStateIso3">
              {delegations.map((iso3) => (
                <option value={iso3}>{stateName(iso3)}</option>
              ))}
            </select>
          </p>
        )}
        <fieldset>
          <legend>{t('negotiation.position.legend', { state: i18n.list(delegations.map(stateName)) })}</legend>
          {POSITIONS.map((p, i) => (
            <div class="choice">
              <input type="radio" name="position" id={`${idPrefix}-p${i}`} value={p} required={i === 0} />
              <label for={`${idPrefix}-p${i}`}>{t(`negotiation.position.${p}`)}</label>
            </div>
          ))}
        </fieldset>
        <p>
          <label for={`${idPrefix}-note`}>{t('negotiation.position.note')}</label>
          <input id={`${idPrefix}-note`} name="note" maxlength={2000} />
        </p>
        <button type="submit" class="button">
          {t('negotiation.position.submit')}
        </button>
      </Form>
    </details>
  )
}
