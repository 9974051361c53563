// One contribution: who speaks, the current answers, attachments, every earlier revision, and
// the public note when it was withdrawn or hidden. Its actions for the author and the Secretariat.

import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { textLanguage } from '../../../core/i18n/locales.ts'
import { Facts, Tag } from '../../../core/ui/components.tsx'
import { ErrorSummary, type FormState, TextField } from '../../../core/ui/form.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import { markdown } from '../../../core/ui/markdown.ts'
import { isolated, Name } from '../../../core/ui/name.tsx'
import type { GuidingQuestion, Process } from '../../processes/index.ts'
import { groupLabel, regionLabel } from '../labels.ts'
import type { Attachment, Contribution, Revision } from '../queries.ts'

export interface ContributionView {
  contribution: Contribution
  contributorLabel: string
  contributorHref: string | null
  process: Process
  questions: GuidingQuestion[]
  revisions: Revision[]
  attachments: Attachment[]
  canRevise: boolean
  canModerate: boolean
  /** false once the process concluded: its record is read-only but for hiding abuse */
  processOpen: boolean
  callOpen: boolean
  /** a refused withdrawal or hiding, shown again with what was typed and why */
  withdrawForm?: FormState
  hideForm?: FormState
  status?: 200 | 409 | 422
}

export function statusTone(status: Contribution['status']) {
  return status === 'published' ? 'ok' : status === 'pending_review' ? 'warn' : 'error'
}

export function Answers({
  c,
  answers,
  language,
  questions,
}: {
  c: Context<AppEnv>
  answers: Revision['answers']
  /** the language the answers are written in */
  language: string
  questions: GuidingQuestion[]
}) {
  const t = c.var.i18n.t
  return (
    <>
      {answers.map((a) => {
        const q = questions.find((q) => q.id === a.questionId)
        return (
          <section class="answer">
            <h3>{q ? t('contributions.compilation.question', { number: q.position, text: q.text }) : null}</h3>
            <div class="prose" {...textLanguage(language)}>
              {markdown(a.body)}
            </div>
          </section>
        )
      })}
    </>
  )
}

export function renderContribution(c: Context<AppEnv>, view: ContributionView) {
  const { i18n, csrfToken } = c.var
  const t = i18n.t
  const { contribution: k } = view
  const current = view.revisions[0]
  const visible = k.status === 'published' || k.status === 'pending_review'
  const withdrawForm: FormState = { idPrefix: 'withdraw-', ...view.withdrawForm }
  const hideForm: FormState = { idPrefix: 'hide-', ...view.hideForm }
  const title = t('contributions.contributionBy', { name: isolated(view.contributorLabel) })
  return renderPage(
    c,
    { title, status: view.status ?? 200 },
    <>
      <ErrorSummary t={t} form={withdrawForm} />
      <ErrorSummary t={t} form={hideForm} />
      <p class="eyebrow">
        <a href={`/processes/${view.process.id}`}>{view.process.title}</a>
      </p>
      <h1>{title}</h1>
      <p>
        <Tag tone={statusTone(k.status)}>{t(`contributions.status.${k.status}`)}</Tag>
      </p>
      <Facts
        items={[
          [
            t('contributions.contributor'),
            view.contributorHref ? (
              <a href={view.contributorHref}>
                <Name>{view.contributorLabel}</Name>
              </a>
            ) : (
              <Name>{view.contributorLabel}</Name>
            ),
          ],
          [t('contributions.stakeholderGroup'), groupLabel(t, k.stakeholderGroup)],
          [t('contributions.regionalGroup'), k.regionalGroup ? regionLabel(t, k.regionalGroup) : '—'],
          [t('contributions.language'), t(`processes.language.${k.language}`)],
          [t('contributions.submitted'), i18n.dateTime(k.createdAt)],
          [t('contributions.revision'), i18n.number(k.revisionCount)],
        ]}
      />
      {k.status === 'withdrawn' ? (
        <p class="notice" role="note">
          {t('contributions.withdrawnNote', { date: i18n.dateTime(k.withdrawnAt ?? k.updatedAt) })}
          {k.withdrawalNote ? <> {t('contributions.withdrawalReason', { note: k.withdrawalNote })}</> : null}
        </p>
      ) : null}
      {k.status === 'hidden' ? (
        <p class="notice" role="note">
          {t('contributions.hiddenNote', {
            date: i18n.dateTime(k.hiddenAt ?? k.updatedAt),
            reason: k.hiddenReason ?? '',
          })}
        </p>
      ) : null}
      {k.status === 'pending_review' ? <p class="notice">{t('contributions.pendingNote')}</p> : null}
      {k.status === 'published' ? (
        <p>
          <a href={`/contributions/${k.id}/campaign`}>{t('contributions.campaignLink')}</a>
        </p>
      ) : null}
      {visible && current ? (
        <section aria-labelledby="answers">
          <h2 id="answers">{t('contributions.answers')}</h2>
          <Answers c={c} answers={current.answers} language={current.language} questions={view.questions} />
        </section>
      ) : null}
      {visible && view.attachments.length > 0 ? (
        <section aria-labelledby="attachments">
          <h2 id="attachments">{t('contributions.attachments')}</h2>
          <ul>
            {view.attachments.map((a) => (
              <li>
                <a href={`/attachments/${a.id}`}>{a.fileName}</a> ({Math.ceil(a.sizeBytes / 1024)} KB,{' '}
                {t('contributions.addedInRevision', { revision: a.revisionNumber })})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {visible && view.revisions.length > 1 ? (
        <section aria-labelledby="revisions">
          <h2 id="revisions">{t('contributions.revisions')}</h2>
          {view.revisions.slice(1).map((r) => (
            <details>
              <summary>
                {t('contributions.revisionOf', { revision: r.number, date: i18n.dateTime(r.createdAt) })}
              </summary>
              <Answers c={c} answers={r.answers} language={r.language} questions={view.questions} />
            </details>
          ))}
        </section>
      ) : null}
      {view.canRevise && visible && view.processOpen ? (
        <section aria-labelledby="actions">
          <h2 id="actions">{t('contributions.actions')}</h2>
          {view.callOpen ? (
            <p>
              <a class="button" href={`/contributions/${k.id}/revise`}>
                {t('contributions.revise.action')}
              </a>
            </p>
          ) : null}
          <form
            method="post"
            action={`/contributions/${k.id}/withdraw`}
            id="withdraw-field-form"
            data-forget={`contribute:${k.callId} revise:${k.id}`}
          >
            <input type="hidden" name="_csrf" value={csrfToken} />
            <TextField
              t={t}
              form={withdrawForm}
              name="note"
              label={t('contributions.withdraw.note')}
              maxlength={1000}
            />
            <button type="submit" class="button secondary" data-confirm={t('contributions.withdraw.confirm')}>
              {t('contributions.withdraw.action')}
            </button>
          </form>
        </section>
      ) : null}
      {view.canModerate && visible ? (
        <section aria-labelledby="moderation">
          <h2 id="moderation">{t('contributions.moderation')}</h2>
          {k.status === 'pending_review' && view.processOpen ? (
            <form method="post" action={`/contributions/${k.id}/publish`} class="inline">
              <input type="hidden" name="_csrf" value={csrfToken} />
              <button type="submit">{t('contributions.publish')}</button>
            </form>
          ) : null}
          <form method="post" action={`/contributions/${k.id}/hide`} id="hide-field-form">
            <input type="hidden" name="_csrf" value={csrfToken} />
            <TextField
              t={t}
              form={hideForm}
              name="reason"
              label={t('contributions.hide.reason')}
              required
              maxlength={1000}
            />
            <button type="submit" class="button secondary">
              {t('contributions.hide.action')}
            </button>
          </form>
        </section>
      ) : null}
    </>,
  )
}
