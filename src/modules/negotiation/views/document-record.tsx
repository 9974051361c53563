// The record and the forms around it on the document page: the declarations and explanations so
// far, a pending silence procedure with the form to break it, a delegation's own statement, and the
// Chair's tools (issue a revision, circulate under silence, record a State's statement).
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { fieldValue, fieldValues } from '../../../core/http/forms.ts'
import { ErrorSummary, Form, type FormState, fieldId, issueText } from '../../../core/ui/form.tsx'
import type { Paragraph } from '../queries.ts'
import type { DocumentView } from './document.tsx'

export function Record({ c, view }: { c: Context<AppEnv>; view: DocumentView }) {
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

/** A notice per silence procedure still running, with the form a delegation breaks it with. */
export function PendingSilences({ c, view }: { c: Context<AppEnv>; view: DocumentView }) {
  const { i18n, csrfToken } = c.var
  const t = i18n.t
  const pending = view.silences.filter((s) => s.status === 'pending')
  return (
    <>
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
              <fieldset>
                <legend>{t('negotiation.silence.breakOn')}</legend>
                {s.paragraphIds.map((id) => (
                  <div class="choice">
                    <input type="checkbox" name="paragraphIds[]" id={`s${s.id}-p${id}`} value={String(id)} />
                    <label for={`s${s.id}-p${id}`}>
                      {view.paragraphs.find((p) => p.id === id)?.label ?? String(id)}
                    </label>
                  </div>
                ))}
              </fieldset>
              <label for={`s${s.id}-note`}>{t('negotiation.silence.reason')}</label>{' '}
              <input id={`s${s.id}-note`} name="note" maxlength={2000} />{' '}
              <button type="submit" class="button secondary">
                {t('negotiation.silence.break')}
              </button>
            </Form>
          ) : null}
        </div>
      ))}
    </>
  )
}

/** A delegation files its own State's explanation of position or reservation (the Chair uses the tools). */
export function OwnStatementForm({ c, view, inPart }: { c: Context<AppEnv>; view: DocumentView; inPart: Paragraph[] }) {
  const { i18n, csrfToken } = c.var
  const t = i18n.t
  const { document } = view
  if (view.can.declare || !view.can.delegations.length) return null
  return (
    <Form action={`/negotiation/${document.id}/statements`} csrfToken={csrfToken} class="stacked">
      <fieldset>
        <legend>{t('negotiation.statement.legend')}</legend>
        <div class="choice">
          <input type="radio" name="kind" id="own-exp" value="explanation" required checked />
          <label for="own-exp">{t('negotiation.statement.explanation')}</label>
        </div>
        <div class="choice">
          <input type="radio" name="kind" id="own-res" value="reservation" />
          <label for="own-res">{t('negotiation.statement.reservation')}</label>
        </div>
      </fieldset>
      <label for="own-state">{t('negotiation.statement.state')}</label>{' '}
      <select id="own-state" name="memberStateIso3">
        {view.can.delegations.map((iso3) => (
          <option value={iso3}>{view.stateName(iso3)}</option>
        ))}
      </select>{' '}
      <label for="own-para">{t('negotiation.statement.paragraph')}</label>{' '}
      <select id="own-para" name="paragraphId">
        <option value="">{t('negotiation.statement.wholeText')}</option>
        {inPart.map((p) => (
          <option value={String(p.id)}>{p.label ?? p.text.slice(0, 40)}</option>
        ))}
      </select>
      <label for="own-text">{t('negotiation.statement.text')}</label>
      <textarea id="own-text" name="text" rows={3} required maxlength={10000} />
      <button type="submit" class="button secondary">
        {t('negotiation.statement.submit')}
      </button>
    </Form>
  )
}

/** The Chair's tools: issue the next revision, circulate paragraphs under silence, record a State's statement. */
export function ChairTools({ c, view, inPart }: { c: Context<AppEnv>; view: DocumentView; inPart: Paragraph[] }) {
  const { i18n, csrfToken } = c.var
  const t = i18n.t
  const { document } = view
  if (!view.can.manage) return null
  return (
    <section aria-labelledby="chair-tools">
      <h2 id="chair-tools">{t('negotiation.tools.title')}</h2>
      <Form action={`/negotiation/${document.id}/revisions`} csrfToken={csrfToken} class="stacked">
        <label for="rev-note">{t('negotiation.revisions.changeNote')}</label>
        <input id="rev-note" name="changeNote" maxlength={2000} />{' '}
        <button type="submit" class="button">
          {t('negotiation.revisions.issue', { label: `Rev.${document.currentRevision + 1}` })}
        </button>
      </Form>
      {view.can.declare ? <SilenceForm c={c} view={view} inPart={inPart} /> : null}
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
            {inPart.map((p) => (
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
  )
}

/** The Chair circulates paragraphs under silence until a deadline; refused, it keeps what was chosen. */
function SilenceForm({ c, view, inPart }: { c: Context<AppEnv>; view: DocumentView; inPart: Paragraph[] }) {
  const t = c.var.i18n.t
  const form: FormState = { ...(view.silenceForm ?? {}), idPrefix: 'sil-' }
  const ticked = new Set(fieldValues(form.values, 'paragraphIds'))
  const issueOf = (path: string) => form.issues?.find((i) => i.path === path || i.path.startsWith(`${path}.`))
  const paragraphsIssue = issueOf('paragraphIds')
  const deadlineIssue = issueOf('deadline')
  return (
    <Form action={`/negotiation/${view.document.id}/silence`} csrfToken={c.var.csrfToken} class="stacked">
      <ErrorSummary t={t} form={form} />
      <fieldset
        id={fieldId('paragraphIds', form)}
        aria-describedby={paragraphsIssue ? 'sil-paragraphs-error' : undefined}
      >
        <legend>{t('negotiation.silence.legend')}</legend>
        {paragraphsIssue ? (
          <p class="error" id="sil-paragraphs-error">
            {issueText(t, paragraphsIssue)}
          </p>
        ) : null}
        {inPart
          .filter(
            (p) =>
              (p.kind === 'operative' || p.kind === 'preambular') && p.status !== 'adopted' && p.status !== 'deleted',
          )
          .map((p) => (
            <div class="choice">
              <input
                type="checkbox"
                name="paragraphIds[]"
                id={`sil-${p.id}`}
                value={String(p.id)}
                checked={ticked.has(String(p.id))}
              />
              <label for={`sil-${p.id}`}>{p.label ?? p.text.slice(0, 40)}</label>
            </div>
          ))}
      </fieldset>
      <div class={deadlineIssue ? 'field field-error' : 'field'}>
        <label for={fieldId('deadline', form)}>{t('negotiation.silence.deadline')}</label>{' '}
        {deadlineIssue ? (
          <p class="error" id="sil-deadline-error">
            {issueText(t, deadlineIssue)}
          </p>
        ) : null}
        <input
          id={fieldId('deadline', form)}
          name="deadline"
          type="datetime-local"
          required
          value={fieldValue(form.values, 'deadline')}
          aria-invalid={deadlineIssue ? 'true' : undefined}
          aria-describedby={deadlineIssue ? 'sil-deadline-error' : undefined}
        />
      </div>
      <button type="submit" class="button secondary">
        {t('negotiation.silence.circulate')}
      </button>
    </Form>
  )
}
