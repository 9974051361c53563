// The item form: the focal point adds or corrects an item, anyone signed in suggests one. A
// refused form comes back as it was typed, each reason beside its field (the file's too).
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import {
  ChoiceGroup,
  ErrorSummary,
  Form,
  type FormState,
  LanguageField,
  SelectField,
  TextArea,
  TextField,
} from '../../../core/ui/form.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import type { Issue } from '../../coordination/index.ts'
import { ITEM_TYPES } from '../tables.ts'

export interface ItemFormView {
  form: FormState
  issues: Issue[]
  issueName: (slug: string) => string
  canCurate: boolean
  /** the item being corrected; none for a new one */
  editing?: number | undefined
  status?: 200 | 422
}

export function renderItemForm(c: Context<AppEnv>, view: ItemFormView) {
  const t = c.var.i18n.t
  const { form, editing, canCurate: curate } = view
  const title = editing ? t('knowledge.edit.title') : curate ? t('knowledge.add.title') : t('knowledge.suggest.title')
  const fileIssues = form.issues?.filter((i) => i.path === 'file') ?? []
  return renderPage(
    c,
    { title, status: view.status ?? 200 },
    <>
      <h1>{title}</h1>
      <p class="lead">{curate ? t('knowledge.add.lead') : t('knowledge.suggest.lead')}</p>
      <ErrorSummary t={t} form={form} />
      <Form
        action={editing ? `/library/${editing}/edit` : '/library/suggest'}
        csrfToken={c.var.csrfToken}
        enctype="multipart/form-data"
      >
        <TextField t={t} form={form} name="title" label={t('knowledge.field.title')} required maxlength={500} />
        <SelectField
          t={t}
          form={form}
          name="type"
          label={t('knowledge.field.type')}
          required
          options={ITEM_TYPES.map((x) => ({ value: x, label: t(`knowledge.types.${x}`) }))}
        />
        <LanguageField t={t} form={form} name="language" label={t('knowledge.field.language')} required />
        <TextArea t={t} form={form} name="abstract" label={t('knowledge.field.abstract')} rows={5} />
        <TextField
          t={t}
          form={form}
          name="authors"
          label={t('knowledge.field.authors')}
          hint={t('knowledge.field.authorsHint')}
        />
        <TextField t={t} form={form} name="publishedOn" label={t('knowledge.field.publishedOn')} />
        <TextField t={t} form={form} name="url" label={t('knowledge.field.url')} />
        <div class={fileIssues.length ? 'field field-error' : 'field'}>
          <label for="field-file">
            {t('knowledge.field.file')} <span class="optional">{t('form.optional')}</span>
          </label>
          <p class="hint" id="field-file-hint">
            {t('knowledge.field.fileHint', {
              max: Math.floor(c.var.deps.config.attachmentMaxBytes / 1024 / 1024) || 1,
            })}
          </p>
          {fileIssues.map((i) => (
            <p class="error">{t(i.code, i.values)}</p>
          ))}
          <input
            id="field-file"
            name="file"
            type="file"
            accept=".pdf,.docx,.odt,.xlsx,.ods,.csv"
            aria-describedby="field-file-hint"
          />
        </div>
        <TextField
          t={t}
          form={form}
          name="versionOf"
          label={t('knowledge.field.versionOf')}
          hint={t('knowledge.field.versionOfHint')}
        />
        <ChoiceGroup
          t={t}
          form={form}
          type="checkbox"
          name="issues"
          label={t('knowledge.field.issues')}
          options={view.issues.map((i) => ({ value: i.slug, label: view.issueName(i.slug) }))}
        />
        <button type="submit" class="button">
          {editing ? t('knowledge.edit.submit') : curate ? t('knowledge.add.submit') : t('knowledge.suggest.submit')}
        </button>
      </Form>
    </>,
  )
}
