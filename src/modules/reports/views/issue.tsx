// The Secretariat's page for a report: its issue (symbol, distribution, date, original language,
// agenda item, session, the document and revision it is built from), the attribution of each
// divergent view, the transmission to the parent body and the follow-up of each recommendation.
// Each form comes back with what was typed and the reason beside the field when refused.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { LOCALE_INFO, LOCALES } from '../../../core/i18n/locales.ts'
import {
  ChoiceGroup,
  ErrorSummary,
  Form,
  type FormState,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../../core/ui/form.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import { ATTRIBUTIONS } from '../rules/attribution.ts'
import { FOLLOW_UP_SOURCES, FOLLOW_UP_STATUSES } from '../rules/follow-up.ts'
import { DISTRIBUTIONS } from '../tables.ts'

export type IssueForm = 'issue' | 'attribution' | 'transmission' | 'followUp'

export interface IssuePageView {
  process: { id: number; title: string }
  documents: { id: number; title: string; revisions: { number: number; label: string }[] }[]
  divergentViews: { id: number; label: string | null; text: string; attribution: string; memberStates: string[] }[]
  recommendations: { id: number; label: string | null; text: string }[]
  bodies: { id: number; name: string }[]
  processes: { id: number; bodyId: number; title: string }[]
  issued: boolean
  /** the forms' states: the one refused carries its typed values and issues */
  forms: Partial<Record<IssueForm, FormState>>
  /** for a refused attribution, the paragraph whose form it was */
  refusedParagraphId?: number
  status?: 409 | 422
}

const excerpt = (text: string) => (text.length > 90 ? `${text.slice(0, 90)}…` : text)

export function renderIssuePage(c: Context<AppEnv>, view: IssuePageView) {
  const { i18n, csrfToken } = c.var
  const t = i18n.t
  const base = `/processes/${view.process.id}/report`
  const issueForm = view.forms.issue ?? {}
  const optionsOf = <T extends string>(values: readonly T[], key: string) =>
    values.map((v) => ({ value: v, label: t(`${key}.${v}`) }))
  return renderPage(
    c,
    { title: `${t('reports.issue.title')}: ${view.process.title}`, ...(view.status ? { status: view.status } : {}) },
    <>
      <p class="eyebrow">
        <a href={base}>{view.process.title}</a>
      </p>
      <h1>{t('reports.issue.title')}</h1>
      <p class="lead">{t('reports.issue.intro')}</p>
      <section aria-labelledby="issue">
        <h2 id="issue">{t('reports.issue.title')}</h2>
        <ErrorSummary t={t} form={issueForm} />
        <Form action={`${base}/issue`} csrfToken={csrfToken} class="stacked">
          <SelectField
            t={t}
            form={issueForm}
            name="documentId"
            label={t('reports.issue.document')}
            required
            options={view.documents.map((d) => ({ value: String(d.id), label: d.title, name: true }))}
          />
          <SelectField
            t={t}
            form={issueForm}
            name="revision"
            label={t('reports.issue.revision')}
            placeholder={t('reports.issue.currentText')}
            options={view.documents.flatMap((d) =>
              d.revisions.map((r) => ({
                value: String(r.number),
                label: `${excerpt(d.title)}: ${r.label}`,
                name: true,
              })),
            )}
          />
          <TextField
            t={t}
            form={issueForm}
            name="symbol"
            label={t('reports.issue.symbol')}
            hint={t('reports.issue.symbolHint')}
            required
            dir="ltr"
            maxlength={60}
          />
          <ChoiceGroup
            t={t}
            form={issueForm}
            name="distribution"
            type="radio"
            label={t('reports.issue.distribution')}
            required
            options={optionsOf(DISTRIBUTIONS, 'reports.distribution')}
          />
          <TextField t={t} form={issueForm} name="issuedOn" type="date" label={t('reports.issue.issuedOn')} required />
          <SelectField
            t={t}
            form={issueForm}
            name="originalLanguage"
            label={t('reports.issue.originalLanguage')}
            required
            options={LOCALES.map((l) => ({ value: l, label: LOCALE_INFO[l].name }))}
          />
          <TextField
            t={t}
            form={issueForm}
            name="agendaItem"
            label={t('reports.issue.agendaItem')}
            hint={t('reports.issue.agendaItemHint')}
          />
          <TextField
            t={t}
            form={issueForm}
            name="session"
            label={t('reports.issue.session')}
            hint={t('reports.issue.sessionHint')}
          />
          <SubmitButton>{t('reports.issue.submit')}</SubmitButton>
        </Form>
      </section>
      <section aria-labelledby="attribution">
        <h2 id="attribution">{t('reports.attribution.title')}</h2>
        <p>{t('reports.attribution.intro')}</p>
        {view.divergentViews.length === 0 ? <p class="muted">{t('reports.attribution.none')}</p> : null}
        {view.divergentViews.map((d) => {
          const refused = view.refusedParagraphId === d.id ? view.forms.attribution : undefined
          const form: FormState = refused ?? {
            values: { attribution: d.attribution, memberStates: d.memberStates.join(' ') },
          }
          const scoped = { ...form, idPrefix: `p${d.id}-` }
          return (
            <article class="card">
              <p dir="auto">
                {d.label ? <strong>{d.label} </strong> : null}
                {excerpt(d.text)}
              </p>
              <ErrorSummary t={t} form={scoped} />
              <Form action={`${base}/attribution`} csrfToken={csrfToken} class="stacked">
                <input type="hidden" name="paragraphId" value={String(d.id)} />
                <ChoiceGroup
                  t={t}
                  form={scoped}
                  name="attribution"
                  type="radio"
                  label={t('reports.attribution.legend')}
                  required
                  options={optionsOf(ATTRIBUTIONS, 'reports.attribution')}
                />
                <TextField
                  t={t}
                  form={scoped}
                  name="memberStates"
                  label={t('reports.attribution.memberStates')}
                  dir="ltr"
                />
                <SubmitButton>{t('reports.attribution.submit')}</SubmitButton>
              </Form>
            </article>
          )
        })}
      </section>
      {view.issued ? <TransmissionForm c={c} view={view} /> : <p class="muted">{t('reports.issue.notIssued')}</p>}
      {view.issued ? <FollowUpForm c={c} view={view} /> : null}
    </>,
  )
}

function TransmissionForm({ c, view }: { c: Context<AppEnv>; view: IssuePageView }) {
  const t = c.var.i18n.t
  const form = view.forms.transmission ?? {}
  return (
    <section aria-labelledby="transmission">
      <h2 id="transmission">{t('reports.transmission.title')}</h2>
      <ErrorSummary t={t} form={form} />
      <Form action={`/processes/${view.process.id}/report/transmission`} csrfToken={c.var.csrfToken} class="stacked">
        <SelectField
          t={t}
          form={form}
          name="toBodyId"
          label={t('reports.transmission.toBody')}
          required
          options={view.bodies.map((b) => ({ value: String(b.id), label: b.name, name: true }))}
        />
        <SelectField
          t={t}
          form={form}
          name="toProcessId"
          label={t('reports.transmission.toProcess')}
          required
          options={view.processes.map((p) => ({ value: String(p.id), label: p.title, name: true }))}
        />
        <TextField t={t} form={form} name="symbol" label={t('reports.transmission.symbol')} required dir="ltr" />
        <TextField t={t} form={form} name="transmittedOn" type="date" label={t('reports.transmission.on')} required />
        <SubmitButton>{t('reports.transmission.submit')}</SubmitButton>
      </Form>
    </section>
  )
}

function FollowUpForm({ c, view }: { c: Context<AppEnv>; view: IssuePageView }) {
  const t = c.var.i18n.t
  const form = view.forms.followUp ?? {}
  const optionsOf = <T extends string>(values: readonly T[], key: string) =>
    values.map((v) => ({ value: v, label: t(`${key}.${v}`) }))
  return (
    <section aria-labelledby="follow-up">
      <h2 id="follow-up">{t('reports.followUp.title')}</h2>
      <ErrorSummary t={t} form={form} />
      <Form action={`/processes/${view.process.id}/report/follow-up`} csrfToken={c.var.csrfToken} class="stacked">
        <SelectField
          t={t}
          form={form}
          name="paragraphId"
          label={t('reports.followUp.recommendation')}
          required
          options={view.recommendations.map((r) => ({
            value: String(r.id),
            label: `${r.label ?? ''} ${excerpt(r.text)}`,
            name: true,
          }))}
        />
        <TextField t={t} form={form} name="year" type="number" label={t('reports.followUp.year')} required />
        <SelectField
          t={t}
          form={form}
          name="status"
          label={t('reports.followUp.status')}
          required
          options={optionsOf(FOLLOW_UP_STATUSES, 'reports.followUpStatus')}
        />
        <SelectField
          t={t}
          form={form}
          name="sourceKind"
          label={t('reports.followUp.sourceKind')}
          required
          // an annual report's follow-up comes from the organization's report itself
          options={optionsOf(
            FOLLOW_UP_SOURCES.filter((s) => s !== 'annual_report'),
            'reports.followUpSource',
          )}
        />
        <TextField
          t={t}
          form={form}
          name="sourceReference"
          label={t('reports.followUp.sourceReference')}
          hint={t('reports.followUp.sourceReferenceHint')}
          required
          dir="ltr"
        />
        <TextArea t={t} form={form} name="note" label={t('reports.followUp.note')} rows={3} />
        <SubmitButton>{t('reports.followUp.submit')}</SubmitButton>
      </Form>
    </section>
  )
}
