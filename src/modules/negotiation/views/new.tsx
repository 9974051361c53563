// Opening a negotiating document: blank, from an imported text (pasted, or a .docx, .md or .txt
// file) or from proposals. The import keeps the text word for word.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import {
  ChoiceGroup,
  ErrorSummary,
  Form,
  type FormState,
  LanguageField,
  TextArea,
  TextField,
} from '../../../core/ui/form.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import type { Process } from '../../processes/index.ts'
import type { ProposalDetail } from '../../proposals/index.ts'

export function renderNewDocument(
  c: Context<AppEnv>,
  view: { process: Process; proposals: ProposalDetail[]; form: FormState; status?: 200 | 422 },
) {
  const t = c.var.i18n.t
  const { form } = view
  const title = t('negotiation.documents.new')
  return renderPage(
    c,
    { title, status: view.status ?? 200 },
    <>
      <p class="eyebrow">
        <a href={`/processes/${view.process.id}`}>{view.process.title}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary t={t} form={form} />
      <Form action="/negotiation" csrfToken={c.var.csrfToken} enctype="multipart/form-data">
        <input type="hidden" name="processId" value={String(view.process.id)} />
        <TextField
          t={t}
          form={form}
          name="title"
          label={t('negotiation.document.titleField')}
          required
          maxlength={300}
        />
        <TextField t={t} form={form} name="symbol" label={t('negotiation.document.symbol')} />
        <LanguageField t={t} form={form} name="language" label={t('negotiation.textLanguage')} required />
        <TextField
          t={t}
          form={form}
          name="enactingFormula"
          label={t('negotiation.document.enactingFormula')}
          hint={t('negotiation.document.enactingFormulaHint')}
        />
        <ChoiceGroup
          t={t}
          form={form}
          type="checkbox"
          name="stakeholdersMayTable"
          label={t('negotiation.document.rules')}
          options={[{ value: 'true', label: t('negotiation.document.stakeholdersMayTable') }]}
        />
        <ChoiceGroup
          t={t}
          form={{ ...form, values: { source: 'text', ...form.values } }}
          type="radio"
          name="source"
          label={t('negotiation.document.source')}
          required
          options={[
            { value: 'text', label: t('negotiation.document.fromText') },
            { value: 'proposals', label: t('negotiation.document.fromProposals') },
            { value: 'blank', label: t('negotiation.document.blank') },
          ]}
        />
        <TextArea
          t={t}
          form={form}
          name="text"
          label={t('negotiation.document.text')}
          hint={t('negotiation.document.textHint')}
          rows={12}
        />
        <div class="field">
          <label for="field-file">
            {t('negotiation.document.file')} <span class="optional">{t('form.optional')}</span>
          </label>
          <p class="hint" id="field-file-hint">
            {t('negotiation.document.fileHint')}
          </p>
          <input id="field-file" name="file" type="file" accept=".docx,.txt,.md" aria-describedby="field-file-hint" />
        </div>
        {view.proposals.length ? (
          <ChoiceGroup
            t={t}
            form={form}
            type="checkbox"
            name="proposalIds"
            label={t('negotiation.document.proposals')}
            options={view.proposals.map((p) => ({ value: String(p.id), label: p.title }))}
          />
        ) : null}
        <button type="submit" class="button">
          {t('negotiation.document.create')}
        </button>
      </Form>
    </>,
  )
}
