// The forms through which the Secretariat and the Chair run a process: a new process, a call for
// contributions, a meeting, a document. Times are typed in the reader's own time zone.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { LOCALES } from '../../../core/i18n/locales.ts'
import {
  ChoiceGroup,
  Form,
  type FormState,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../../core/ui/form.tsx'
import { renderFormPage } from '../../../core/ui/form-page.tsx'
import { type Body, bodyLabel } from '../../bodies/index.ts'
import type { GuidingQuestion, Process } from '../queries.ts'
import { DOCUMENT_KINDS, ELIGIBILITIES, MODERATIONS, PHASE_KINDS } from '../tables.ts'

type Status = 200 | 409 | 422

export function renderProcessForm(c: Context<AppEnv>, view: { bodies: Body[]; form: FormState; status?: Status }) {
  const t = c.var.i18n.t
  const { form } = view
  return renderFormPage(
    c,
    { title: t('processes.manage.newProcess'), form, status: view.status ?? 200 },
    <Form action="/processes/new" csrfToken={c.var.csrfToken}>
      <SelectField
        t={t}
        form={form}
        name="bodyId"
        label={t('processes.body')}
        required
        options={view.bodies.map((b) => ({ value: String(b.id), label: bodyLabel(b, c.var.i18n.locale) }))}
      />
      <TextField t={t} form={form} name="title" label={t('processes.titleField')} required maxlength={300} />
      <TextField t={t} form={form} name="slug" label={t('processes.slug')} hint={t('processes.slugHint')} required />
      <TextArea t={t} form={form} name="description" label={t('processes.description')} rows={3} />
      <TextField t={t} form={form} name="mandateSymbol" label={t('processes.mandateSymbol')} required />
      <TextField t={t} form={form} name="mandateParagraph" label={t('processes.mandateParagraph')} />
      <TextArea t={t} form={form} name="mandateText" label={t('processes.mandateText')} rows={5} />
      <TextArea t={t} form={form} name="objectives" label={t('processes.objectives')} rows={3} />
      <TextArea
        t={t}
        form={form}
        name="questions"
        label={t('processes.guidingQuestions')}
        hint={t('processes.questionsHint')}
        rows={4}
      />
      <ChoiceGroup
        t={t}
        form={form}
        type="radio"
        name="recurrence"
        label={t('processes.recurrenceField')}
        hint={t('processes.recurrenceHint')}
        options={[
          { value: 'none', label: t('processes.recurrence.none') },
          { value: 'annual', label: t('processes.recurrence.annual') },
        ]}
      />
      <TextField t={t} form={form} type="number" name="cycleYear" label={t('processes.cycleYear')} />
      <fieldset>
        <legend>{t('processes.timeline')}</legend>
        {PHASE_KINDS.map((kind) => (
          <div class="row">
            <TextField
              t={t}
              form={form}
              type="date"
              name={`phase.${kind}.startsOn`}
              label={t('processes.phaseStarts', { phase: t(`processes.phase.${kind}`) })}
            />
            <TextField
              t={t}
              form={form}
              type="date"
              name={`phase.${kind}.endsOn`}
              label={t('processes.phaseEnds', { phase: t(`processes.phase.${kind}`) })}
            />
          </div>
        ))}
      </fieldset>
      <SubmitButton>{t('processes.manage.create')}</SubmitButton>
    </Form>,
  )
}

export function renderCallForm(
  c: Context<AppEnv>,
  view: { process: Process; questions: GuidingQuestion[]; form: FormState; status?: Status },
) {
  const { i18n } = c.var
  const t = i18n.t
  const { form } = view
  return renderFormPage(
    c,
    { title: t('processes.manage.openCall'), form, status: view.status ?? 200 },
    <Form action={`/processes/${view.process.id}/calls/new`} csrfToken={c.var.csrfToken}>
      <TextField t={t} form={form} name="title" label={t('processes.titleField')} required />
      <TextField
        t={t}
        form={form}
        type="datetime-local"
        name="opensAt"
        label={t('processes.call.opens')}
        hint={t('processes.inYourZone', { zone: i18n.timeZone })}
        required
      />
      <TextField
        t={t}
        form={form}
        type="datetime-local"
        name="closesAt"
        label={t('processes.call.closes')}
        hint={t('processes.inYourZone', { zone: i18n.timeZone })}
        required
      />
      <ChoiceGroup
        t={t}
        form={form}
        type="checkbox"
        name="questionIds"
        label={t('processes.guidingQuestions')}
        required
        options={view.questions.map((q) => ({ value: String(q.id), label: q.text }))}
      />
      <ChoiceGroup
        t={t}
        form={form}
        type="radio"
        name="eligibility"
        label={t('processes.call.eligibility')}
        required
        options={ELIGIBILITIES.map((e) => ({ value: e, label: t(`processes.eligibility.${e}`) }))}
      />
      <ChoiceGroup
        t={t}
        form={form}
        type="checkbox"
        name="languages"
        label={t('processes.call.languages')}
        required
        options={LOCALES.map((l) => ({ value: l, label: t(`processes.language.${l}`) }))}
      />
      <ChoiceGroup
        t={t}
        form={form}
        type="radio"
        name="moderation"
        label={t('processes.call.moderation')}
        required
        options={MODERATIONS.map((m) => ({ value: m, label: t(`processes.moderation.${m}`) }))}
      />
      <SubmitButton>{t('processes.manage.openCall')}</SubmitButton>
    </Form>,
  )
}

export function renderMeetingForm(c: Context<AppEnv>, view: { process: Process; form: FormState; status?: Status }) {
  const { i18n } = c.var
  const t = i18n.t
  const { form } = view
  return renderFormPage(
    c,
    { title: t('processes.manage.scheduleMeeting'), form, status: view.status ?? 200 },
    <Form action={`/processes/${view.process.id}/meetings/new`} csrfToken={c.var.csrfToken}>
      <TextField t={t} form={form} type="number" name="number" label={t('processes.meetings.number')} required />
      <TextField t={t} form={form} name="title" label={t('processes.titleField')} required />
      <TextField
        t={t}
        form={form}
        type="datetime-local"
        name="startsAt"
        label={t('processes.meetings.starts')}
        hint={t('processes.inYourZone', { zone: i18n.timeZone })}
        required
      />
      <TextField
        t={t}
        form={form}
        type="datetime-local"
        name="endsAt"
        label={t('processes.meetings.ends')}
        hint={t('processes.inYourZone', { zone: i18n.timeZone })}
        required
      />
      <TextField t={t} form={form} name="venue" label={t('processes.meetings.venue')} />
      <TextField t={t} form={form} type="url" name="remoteUrl" label={t('processes.meetings.remote')} />
      <ChoiceGroup
        t={t}
        form={form}
        type="checkbox"
        name="interpretationLanguages"
        label={t('processes.meetings.interpretation')}
        options={LOCALES.map((l) => ({ value: l, label: t(`processes.language.${l}`) }))}
      />
      <ChoiceGroup
        t={t}
        form={form}
        type="checkbox"
        name="liveCaptioning"
        label={t('processes.meetings.captioning')}
        options={[{ value: 'true', label: t('processes.meetings.captioningYes') }]}
      />
      <TextArea
        t={t}
        form={form}
        name="agenda"
        label={t('processes.meetings.agenda')}
        hint={t('processes.agendaHint')}
        rows={5}
      />
      <SubmitButton>{t('processes.manage.scheduleMeeting')}</SubmitButton>
    </Form>,
  )
}

export function renderDocumentForm(c: Context<AppEnv>, view: { process: Process; form: FormState; status?: Status }) {
  const t = c.var.i18n.t
  const { form } = view
  return renderFormPage(
    c,
    { title: t('processes.manage.addDocument'), form, status: view.status ?? 200 },
    <Form action={`/processes/${view.process.id}/documents/new`} csrfToken={c.var.csrfToken}>
      <SelectField
        t={t}
        form={form}
        name="kind"
        label={t('processes.documents.kind')}
        required
        // a concluded process takes only corrigenda
        options={(view.process.state === 'concluded' ? (['corrigendum'] as const) : DOCUMENT_KINDS).map((k) => ({
          value: k,
          label: t(`processes.documentKind.${k}`),
        }))}
      />
      <TextField t={t} form={form} name="symbol" label={t('processes.documents.symbol')} />
      <TextField t={t} form={form} name="title" label={t('processes.documents.titleColumn')} required />
      <TextField t={t} form={form} type="url" name="url" label={t('processes.documents.url')} />
      <TextField t={t} form={form} type="date" name="issuedOn" label={t('processes.documents.issued')} required />
      <SubmitButton>{t('processes.manage.addDocument')}</SubmitButton>
    </Form>,
  )
}
