// The negotiating document's page: every paragraph with its status and where the States stand
// (one voice each), the amendments tabled to it, the committees' comments and the Secretariat's
// answers, the record of declarations and explanations, revisions and silence procedures. The
// forms each reader may use sit in closed <details>, so the page stays light.
import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { AppEnv } from '../../../core/http/context.ts'
import { textLanguage } from '../../../core/i18n/locales.ts'
import { Tag } from '../../../core/ui/components.tsx'
import { Form } from '../../../core/ui/form.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import { Name } from '../../../core/ui/name.tsx'
import type { Process } from '../../processes/index.ts'
import type { Amendment, Comment, NegotiatingDocument, Paragraph, Revision, Silence, Statement } from '../queries.ts'
import { revisionName } from '../rules/amendments.ts'
import { POSITIONS, type StatePosition, type Tally } from '../rules/consensus.ts'
import { AMENDMENT_OPERATIONS } from '../tables.ts'
import { ParagraphText } from './text.tsx'

export interface Standing {
  positions: StatePosition[]
  tally: Tally
}

export interface DocumentView {
  document: NegotiatingDocument
  process: Process
  paragraphs: Paragraph[]
  paragraphStandings: Map<number, Standing>
  amendments: Amendment[]
  amendmentStandings: Map<number, Standing>
  statements: Statement[]
  comments: Comment[]
  revisions: Revision[]
  silences: Silence[]
  stateName: (iso3: string) => string
  orgName: (id: number) => string
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

function Readiness({ i18n, tally, stateName }: { i18n: I18n; tally: Tally; stateName: (iso3: string) => string }) {
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

function PositionSummary({ t, standing }: { t: T; standing: Standing }) {
  const { tally } = standing
  if (standing.positions.length === 0) return null
  return (
    <span class="muted">
      {' '}
      {[
        ...POSITIONS.filter((p) => tally[p] > 0).map((p) => t(`negotiation.positionCount.${p}`, { count: tally[p] })),
        ...(tally.earlier > 0 ? [t('negotiation.positionCount.earlier', { count: tally.earlier })] : []),
      ].join(' · ')}
    </span>
  )
}

function PositionForm({
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

function AmendmentItem({ c, view, amendment }: { c: Context<AppEnv>; view: DocumentView; amendment: Amendment }) {
  const { i18n, csrfToken } = c.var
  const t = i18n.t
  const standing = view.amendmentStandings.get(amendment.id)
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
          {t('negotiation.amendment.old')} <del {...textLanguage(view.document.language)}>{amendment.quotedOld}</del>
        </p>
      ) : null}
      {amendment.newText ? (
        <p>
          {t('negotiation.amendment.new')} <ins {...textLanguage(view.document.language)}>{amendment.newText}</ins>
        </p>
      ) : null}
      {amendment.justification ? (
        <p class="muted" dir="auto">
          {amendment.justification}
        </p>
      ) : null}
      {standing && amendment.status === 'tabled' ? (
        <p>
          <Readiness i18n={c.var.i18n} tally={standing.tally} stateName={view.stateName} />
          <PositionSummary t={t} standing={standing} />
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

function AmendmentForm({ c, view, paragraph }: { c: Context<AppEnv>; view: DocumentView; paragraph: Paragraph }) {
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
      <Form action={`/negotiation/${view.document.id}/amendments`} csrfToken={c.var.csrfToken} class="stacked">
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

function ChairForm({ c, paragraph }: { c: Context<AppEnv>; paragraph: Paragraph }) {
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

function CommentsOf({ c, view, comments }: { c: Context<AppEnv>; view: DocumentView; comments: Comment[] }) {
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

function CommentForm({ c, view, paragraph }: { c: Context<AppEnv>; view: DocumentView; paragraph: Paragraph }) {
  const t = c.var.i18n.t
  if (view.can.organizations.length === 0) return null
  const p = `p${paragraph.id}-cm`
  return (
    <details>
      <summary>{t('negotiation.comment.add')}</summary>
      <Form action={`/negotiation/${view.document.id}/comments`} csrfToken={c.var.csrfToken} class="stacked">
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

function ParagraphItem({ c, view, paragraph }: { c: Context<AppEnv>; view: DocumentView; paragraph: Paragraph }) {
  const t = c.var.i18n.t
  const standing = view.paragraphStandings.get(paragraph.id)
  const amendments = view.amendments.filter((a) => a.paragraphId === paragraph.id)
  const comments = view.comments.filter((k) => k.paragraphId === paragraph.id)
  const open = paragraph.status !== 'adopted' && paragraph.status !== 'deleted'
  const negotiable = paragraph.kind === 'preambular' || paragraph.kind === 'operative'
  const children = view.paragraphs.filter((p) => p.parentId === paragraph.id)
  return (
    <li id={`para-${paragraph.id}`} class={`paragraph ${paragraph.kind} ${paragraph.status}`}>
      {paragraph.kind === 'heading' ? (
        // the text's own headings sit under the page's h1
        <h2 class="text-heading" {...textLanguage(view.document.language)}>
          <ParagraphText label={paragraph.label} text={paragraph.text} />
        </h2>
      ) : (
        <p {...textLanguage(view.document.language)}>
          <ParagraphText label={paragraph.label} text={paragraph.text} deleted={paragraph.status === 'deleted'} />
        </p>
      )}
      {children.length ? (
        <ol class="paragraphs sub">
          {children.map((child) => (
            <ParagraphItem c={c} view={view} paragraph={child} />
          ))}
        </ol>
      ) : null}
      {negotiable ? (
        <div class="paragraph-meta">
          {paragraph.alternativeLabel ? <Tag>{paragraph.alternativeLabel}</Tag> : null}
          <Tag tone={paragraph.status === 'adopted' || paragraph.status === 'agreed_ad_ref' ? 'ok' : undefined}>
            {t(`negotiation.status.${paragraph.status}`)}
          </Tag>{' '}
          {standing && open ? (
            <>
              <Readiness i18n={c.var.i18n} tally={standing.tally} stateName={view.stateName} />
              <PositionSummary t={t} standing={standing} />
            </>
          ) : null}
          {open && view.can.delegations.length ? (
            <PositionForm
              c={c}
              action={`/paragraphs/${paragraph.id}/position`}
              delegations={view.can.delegations}
              stateName={view.stateName}
              idPrefix={`p${paragraph.id}`}
            />
          ) : null}
          {open && view.can.declare ? <ChairForm c={c} paragraph={paragraph} /> : null}
          {amendments.length ? (
            <ul class="amendments">
              {amendments.map((a) => (
                <AmendmentItem c={c} view={view} amendment={a} />
              ))}
            </ul>
          ) : null}
          {open ? <AmendmentForm c={c} view={view} paragraph={paragraph} /> : null}
          <CommentsOf c={c} view={view} comments={comments} />
          {open ? <CommentForm c={c} view={view} paragraph={paragraph} /> : null}
        </div>
      ) : null}
    </li>
  )
}

function Record({ c, view }: { c: Context<AppEnv>; view: DocumentView }) {
  const { i18n } = c.var
  const t = i18n.t
  if (view.statements.length === 0) return <p>{t('negotiation.record.empty')}</p>
  const label = (id: number | null) => view.paragraphs.find((p) => p.id === id)?.label ?? ''
  return (
    <ul>
      {view.statements.map((s) => (
        <li>
          {i18n.dateTime(s.at)}:{' '}
          {s.kind === 'declaration'
            ? t(`negotiation.record.${s.method === 'silence_procedure' ? 'silence' : 'declaration'}`, {
                label: label(s.paragraphId),
                status: t(`negotiation.status.${s.declaration}`),
              })
            : t(`negotiation.record.${s.kind}`, {
                state: view.stateName(s.memberStateIso3 ?? ''),
                label: label(s.paragraphId),
              })}
          {s.text ? (
            <>
              {' '}
              “<bdi>{s.text}</bdi>”
            </>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

export function renderDocument(c: Context<AppEnv>, view: DocumentView): Response | Promise<Response> {
  const { i18n, csrfToken } = c.var
  const t = i18n.t
  const { document } = view
  const top = view.paragraphs.filter((p) => p.parentId === null)
  const current = view.revisions.at(-1)
  const sections: Child[] = []
  const pending = view.silences.filter((s) => s.status === 'pending')
  return renderPage(
    c,
    { title: document.title },
    <>
      <p class="eyebrow">
        <a href={`/processes/${view.process.id}`}>{view.process.title}</a>
      </p>
      <h1 {...textLanguage(document.language)}>{document.title}</h1>
      <p>
        {document.symbol ? <>{document.symbol} · </> : null}
        {current
          ? t('negotiation.currentRevision', { label: revisionName(t, current), date: i18n.date(current.issuedAt) })
          : null}
      </p>
      <p>
        <a href={`/negotiation/${document.id}/revisions`}>{t('negotiation.revisions.title')}</a>
        {' · '}
        <a href={`/processes/${view.process.id}/proposals`}>{t('negotiation.proposals.title')}</a>
        {' · '}
        <a href={`/processes/${view.process.id}/report`}>{t('negotiation.report.title')}</a>
        {' · '}
        <a href={`/api/v1/negotiation/${document.id}`}>{t('negotiation.asJson')}</a>
      </p>
      <p class="muted">{t('negotiation.howConsensus')}</p>
      {pending.map((s) => (
        <div class="notice" role="note">
          <p>
            {t('negotiation.silence.pending', {
              deadline: i18n.dateTime(s.deadline),
              labels: i18n.list(
                s.paragraphIds.map((id) => view.paragraphs.find((p) => p.id === id)?.label ?? String(id)),
              ),
            })}
          </p>
          {view.can.delegations.length ? (
            <Form action={`/silences/${s.id}/break`} csrfToken={csrfToken} class="stacked">
              <label for={`s${s.id}-state`}>{t('negotiation.silence.breakAs')}</label>{' '}
              <select id={`s${s.id}-state`} name="memberStateIso3">
                {view.can.delegations.map((iso3) => (
                  <option value={iso3}>{view.stateName(iso3)}</option>
                ))}
              </select>{' '}
              <label for={`s${s.id}-note`}>{t('negotiation.silence.reason')}</label>{' '}
              <input id={`s${s.id}-note`} name="note" maxlength={2000} />{' '}
              <button type="submit" class="button secondary">
                {t('negotiation.silence.break')}
              </button>
            </Form>
          ) : null}
        </div>
      ))}
      {document.enactingFormula ? (
        <p class="formula" {...textLanguage(document.language)}>
          {document.enactingFormula}
        </p>
      ) : null}
      <ol class="paragraphs">
        {top.map((p) => (
          <ParagraphItem c={c} view={view} paragraph={p} />
        ))}
      </ol>
      {sections}
      <section aria-labelledby="record">
        <h2 id="record">{t('negotiation.record.title')}</h2>
        <Record c={c} view={view} />
      </section>
      {view.can.manage ? (
        <section aria-labelledby="chair-tools">
          <h2 id="chair-tools">{t('negotiation.tools.title')}</h2>
          <Form action={`/negotiation/${document.id}/revisions`} csrfToken={csrfToken} class="stacked">
            <label for="rev-note">{t('negotiation.revisions.changeNote')}</label>
            <input id="rev-note" name="changeNote" maxlength={2000} />{' '}
            <button type="submit" class="button">
              {t('negotiation.revisions.issue', { label: `Rev.${document.currentRevision + 1}` })}
            </button>
          </Form>
          {view.can.declare ? (
            <Form action={`/negotiation/${document.id}/silence`} csrfToken={csrfToken} class="stacked">
              <fieldset>
                <legend>{t('negotiation.silence.legend')}</legend>
                {top
                  .filter(
                    (p) =>
                      (p.kind === 'operative' || p.kind === 'preambular') &&
                      p.status !== 'adopted' &&
                      p.status !== 'deleted',
                  )
                  .map((p) => (
                    <div class="choice">
                      <input type="checkbox" name="paragraphIds[]" id={`sil-${p.id}`} value={String(p.id)} />
                      <label for={`sil-${p.id}`}>{p.label ?? p.text.slice(0, 40)}</label>
                    </div>
                  ))}
              </fieldset>
              <label for="sil-deadline">{t('negotiation.silence.deadline')}</label>{' '}
              <input id="sil-deadline" name="deadline" type="datetime-local" required />{' '}
              <button type="submit" class="button secondary">
                {t('negotiation.silence.circulate')}
              </button>
            </Form>
          ) : null}
          {view.can.declare ? (
            <Form action={`/negotiation/${document.id}/statements`} csrfToken={csrfToken} class="stacked">
              <fieldset>
                <legend>{t('negotiation.statement.legend')}</legend>
                <div class="choice">
                  <input type="radio" name="kind" id="st-exp" value="explanation" required />
                  <label for="st-exp">{t('negotiation.statement.explanation')}</label>
                </div>
                <div class="choice">
                  <input type="radio" name="kind" id="st-res" value="reservation" />
                  <label for="st-res">{t('negotiation.statement.reservation')}</label>
                </div>
              </fieldset>
              <label for="st-state">{t('negotiation.statement.state')}</label>{' '}
              <input id="st-state" name="memberStateIso3" required pattern="[A-Z]{3}" maxlength={3} size={4} />{' '}
              <label for="st-para">{t('negotiation.statement.paragraph')}</label>{' '}
              <select id="st-para" name="paragraphId">
                <option value="">{t('negotiation.statement.wholeText')}</option>
                {top.map((p) => (
                  <option value={String(p.id)}>{p.label ?? p.text.slice(0, 40)}</option>
                ))}
              </select>
              <label for="st-text">{t('negotiation.statement.text')}</label>
              <textarea id="st-text" name="text" rows={3} required maxlength={10000} />
              <button type="submit" class="button secondary">
                {t('negotiation.statement.submit')}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </>,
  )
}
