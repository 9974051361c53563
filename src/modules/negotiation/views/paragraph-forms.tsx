// The forms and items a paragraph's page carries: where the States stand, the form to give a
// State's position, the amendments with their own forms, the Chair's declaration, the committees'
// comments with the Secretariat's answers. Moved here from the document page, which no longer
// carries per-paragraph forms.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { textLanguage } from '../../../core/i18n/locales.ts'
import { Tag } from '../../../core/ui/components.tsx'
import { Form } from '../../../core/ui/form.tsx'
import { Name } from '../../../core/ui/name.tsx'
import type { Amendment, Comment, Paragraph } from '../queries.ts'
import { POSITIONS, type Tally } from '../rules/consensus.ts'
import { AMENDMENT_OPERATIONS } from '../tables.ts'

/** What a paragraph's forms need to know of the document and the reader. */
export interface ParagraphContext {
  documentId: number
  language: string
  stateName: (iso3: string) => string
  orgName: (id: number) => string
  amendmentTallies: Map<number, Tally>
  can: {
    manage: boolean
    declare: boolean
    answer: boolean
    /** the States the reader is a delegate of */
    delegations: string[]
    /** the organizations the reader represents */
    organizations: number[]
    tableAsOrganization: boolean
  }
}

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

export function AmendmentItem({
  c,
  view,
  amendment,
}: {
  c: Context<AppEnv>
  view: ParagraphContext
  amendment: Amendment
}) {
  const { i18n, csrfToken } = c.var
  const t = i18n.t
  const tally = view.amendmentTallies.get(amendment.id)
  const proponent = amendment.memberStateIso3
    ? view.stateName(amendment.memberStateIso3)
    : view.orgName(amendment.organizationId ?? 0)
  const mine =
    (amendment.memberStateIso3 && view.can.delegations.includes(amendment.memberStateIso3)) ||
    (amendment.organizationId && view.can.organizations.includes(amendment.organizationId))
  return (
    <li id={`amendment-${amendment.id}`} class="amendment">
      <p>
        <strong>{t('negotiation.amendment.label', { id: amendment.id })}</strong>{' '}
        {t(`negotiation.operation.${amendment.operation}`)} · {t('negotiation.amendment.by', { proponent })} ·{' '}
        {i18n.dateTime(amendment.createdAt)}{' '}
        <Tag tone={amendment.status === 'incorporated' ? 'ok' : undefined}>
          {t(`negotiation.amendmentStatus.${amendment.status}`)}
        </Tag>
      </p>
      {amendment.quotedOld ? (
        <p>
          {t('negotiation.amendment.old')} <del {...textLanguage(view.language)}>{amendment.quotedOld}</del>
        </p>
      ) : null}
      {amendment.newText ? (
        <p>
          {t('negotiation.amendment.new')} <ins {...textLanguage(view.language)}>{amendment.newText}</ins>
        </p>
      ) : null}
      {amendment.justification ? (
        <p class="muted" dir="auto">
          {amendment.justification}
        </p>
      ) : null}
      {tally && amendment.status === 'tabled' ? (
        <p>
          <Readiness i18n={c.var.i18n} tally={tally} stateName={view.stateName} />
          <PositionSummary t={t} tally={tally} />
        </p>
      ) : null}
      {amendment.status === 'tabled' && view.can.delegations.length ? (
        <PositionForm
          c={c}
          action={`/amendments/${amendment.id}/position`}
          delegations={view.can.delegations}
          stateName={view.stateName}
          idPrefix={`a${amendment.id}`}
        />
      ) : null}
      {amendment.status === 'tabled' && (mine || view.can.manage) ? (
        <div class="actions">
          {mine ? (
            <Form action={`/amendments/${amendment.id}/withdraw`} csrfToken={csrfToken} class="inline">
              <button type="submit" class="button secondary">
                {t('negotiation.amendment.withdraw')}
              </button>
            </Form>
          ) : null}
          {view.can.manage ? (
            <>
              <Form action={`/amendments/${amendment.id}/decide`} csrfToken={csrfToken} class="inline">
                <input type="hidden" name="decision" value="incorporated" />
                <button type="submit" class="button">
                  {t('negotiation.amendment.incorporate')}
                </button>
              </Form>
              <Form action={`/amendments/${amendment.id}/decide`} csrfToken={csrfToken} class="inline">
                <input type="hidden" name="decision" value="rejected" />
                <button type="submit" class="button secondary">
                  {t('negotiation.amendment.reject')}
                </button>
              </Form>
            </>
          ) : null}
        </div>
      ) : null}
    </li>
  )
}

export function AmendmentForm({
  c,
  view,
  paragraph,
}: {
  c: Context<AppEnv>
  view: ParagraphContext
  paragraph: Paragraph
}) {
  const t = c.var.i18n.t
  const p = `p${paragraph.id}-am`
  const speakers = [
    ...view.can.delegations.map((iso3) => ({ value: `member_state:${iso3}`, label: view.stateName(iso3) })),
    ...(view.can.tableAsOrganization
      ? view.can.organizations.map((id) => ({ value: `organization:${id}`, label: view.orgName(id), name: true }))
      : []),
  ]
  if (speakers.length === 0) return null
  return (
    <details>
      <summary>{t('negotiation.amendment.table')}</summary>
      <Form action={`/negotiation/${view.documentId}/amendments`} csrfToken={c.var.csrfToken} class="stacked">
        <input type="hidden" name="paragraphId" value={String(paragraph.id)} />
        <p>
          <label for={`${p}-speaker`}>{t('negotiation.amendment.onBehalfOf')}</label>{' '}
          <select id={`${p}-speaker`} name="speaker">
            {speakers.map((s) => (
              <option value={s.value}>{s.label}</option>
            ))}
          </select>
        </p>
        <p>
          <label for={`${p}-op`}>{t('negotiation.amendment.operation')}</label>{' '}
          <select id={`${p}-op`} name="operation">
            {AMENDMENT_OPERATIONS.map((op) => (
              <option value={op}>{t(`negotiation.operation.${op}`)}</option>
            ))}
          </select>
        </p>
        <p>
          <label for={`${p}-old`}>{t('negotiation.amendment.quotedOld')}</label>
          <textarea id={`${p}-old`} name="quotedOld" rows={2} maxlength={5000} />
        </p>
        <p>
          <label for={`${p}-new`}>{t('negotiation.amendment.newText')}</label>
          <textarea id={`${p}-new`} name="newText" rows={2} maxlength={20000} />
        </p>
        <p>
          <label for={`${p}-why`}>{t('negotiation.amendment.justification')}</label>
          <textarea id={`${p}-why`} name="justification" rows={2} maxlength={5000} />
        </p>
        <button type="submit" class="button">
          {t('negotiation.amendment.submit')}
        </button>
      </Form>
    </details>
  )
}

export function ChairForm({ c, paragraph }: { c: Context<AppEnv>; paragraph: Paragraph }) {
  const t = c.var.i18n.t
  const p = `p${paragraph.id}-chair`
  return (
    <details>
      <summary>{t('negotiation.declare.summary')}</summary>
      <Form action={`/paragraphs/${paragraph.id}/declare`} csrfToken={c.var.csrfToken} class="stacked">
        <fieldset>
          <legend>{t('negotiation.declare.legend')}</legend>
          {(['agreed_ad_ref', 'adopted', 'no_consensus'] as const).map((d, i) => (
            <div class="choice">
              <input type="radio" name="declaration" id={`${p}-${i}`} value={d} required={i === 0} />
              <label for={`${p}-${i}`}>{t(`negotiation.status.${d}`)}</label>
            </div>
          ))}
        </fieldset>
        <p>
          <label for={`${p}-note`}>{t('negotiation.declare.note')}</label>
          <input id={`${p}-note`} name="note" maxlength={2000} />
        </p>
        <button type="submit" class="button">
          {t('negotiation.declare.submit')}
        </button>
      </Form>
    </details>
  )
}

/** The Chair reopens a settled paragraph, saying why; the reason goes on the document's record. */
export function ReopenForm({ c, paragraph }: { c: Context<AppEnv>; paragraph: Paragraph }) {
  const t = c.var.i18n.t
  const p = `p${paragraph.id}-reopen`
  return (
    <details>
      <summary>{t('negotiation.reopen.summary')}</summary>
      <Form action={`/paragraphs/${paragraph.id}/reopen`} csrfToken={c.var.csrfToken} class="stacked">
        <p>
          <label for={`${p}-reason`}>{t('negotiation.reopen.reason')}</label>
          <textarea id={`${p}-reason`} name="reason" rows={2} maxlength={2000} required />
        </p>
        <button type="submit" class="button secondary">
          {t('negotiation.reopen.submit')}
        </button>
      </Form>
    </details>
  )
}

export function CommentsOf({ c, view, comments }: { c: Context<AppEnv>; view: ParagraphContext; comments: Comment[] }) {
  const { i18n, csrfToken } = c.var
  const t = i18n.t
  if (comments.length === 0) return null
  return (
    <ul class="comments">
      {comments.map((k) => (
        <li id={`comment-${k.id}`}>
          <p>
            <strong>
              {t('negotiation.comment.committee', { group: t(`actors.stakeholder.${k.stakeholderGroup}`) })}
            </strong>{' '}
            (<Name>{view.orgName(k.organizationId)}</Name>, {i18n.date(k.createdAt)}): <bdi>{k.text}</bdi>
          </p>
          {k.answer ? (
            <p class="answer-note">
              <strong>{t('negotiation.comment.answer')}</strong> {k.answer}
            </p>
          ) : view.can.answer ? (
            <Form action={`/comments/${k.id}/answer`} csrfToken={csrfToken} class="stacked">
              <label for={`c${k.id}-answer`}>{t('negotiation.comment.answerLabel')}</label>
              <textarea id={`c${k.id}-answer`} name="answer" rows={2} required maxlength={10000} />
              <button type="submit" class="button secondary">
                {t('negotiation.comment.answerSubmit')}
              </button>
            </Form>
          ) : (
            <p class="muted">{t('negotiation.comment.unanswered')}</p>
          )}
        </li>
      ))}
    </ul>
  )
}

export function CommentForm({
  c,
  view,
  paragraph,
}: {
  c: Context<AppEnv>
  view: ParagraphContext
  paragraph: Paragraph
}) {
  const t = c.var.i18n.t
  if (view.can.organizations.length === 0) return null
  const p = `p${paragraph.id}-cm`
  return (
    <details>
      <summary>{t('negotiation.comment.add')}</summary>
      <Form action={`/negotiation/${view.documentId}/comments`} csrfToken={c.var.csrfToken} class="stacked">
        <input type="hidden" name="paragraphId" value={String(paragraph.id)} />
        <p>
          <label for={`${p}-org`}>{t('negotiation.comment.organization')}</label>{' '}
          <select id={`${p}-org`} name="organizationId">
            {view.can.organizations.map((id) => (
              <option value={String(id)} dir="auto">
                {view.orgName(id)}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label for={`${p}-text`}>{t('negotiation.comment.text')}</label>
          <textarea id={`${p}-text`} name="text" rows={3} required maxlength={10000} />
        </p>
        <button type="submit" class="button secondary">
          {t('negotiation.comment.submit')}
        </button>
      </Form>
    </details>
  )
}
