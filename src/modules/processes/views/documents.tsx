// Meeting documents as files: the list (per meeting and per process) with each language version's
// download, a document's page with the form adding a language version, and the upload form.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { textLanguage } from '../../../core/i18n/locales.ts'
import { Tag } from '../../../core/ui/components.tsx'
import { ErrorSummary, Form, type FormState, SelectField, SubmitButton, TextField } from '../../../core/ui/form.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import type { AgendaItem, Meeting, Process } from '../queries.ts'
import type { DocumentVersion, FiledDocument } from '../queries-documents.ts'
import { DOCUMENT_KINDS } from '../tables.ts'

type Ctx = Context<AppEnv>

function VersionLinks({ c, document }: { c: Ctx; document: FiledDocument }) {
  const { t, number } = c.var.i18n
  if (document.versions.length === 0) return <span class="muted">{t('processes.documents.noFiles')}</span>
  return (
    <ul class="inline-list">
      {document.versions.map((v: DocumentVersion) => (
        <li>
          <a href={`/documents/${document.id}/files/${v.language}`} hreflang={v.language} download={v.fileName}>
            {t(`processes.language.${v.language}`)}
          </a>{' '}
          <span class="muted">
            {t('processes.documents.fileFacts', {
              type: v.mediaType.endsWith('pdf') ? 'PDF' : v.mediaType.includes('wordprocessingml') ? 'Word' : 'ODT',
              size: number(Math.max(1, Math.round(v.sizeBytes / 1024))),
            })}
          </span>
          {v.language === document.language ? <Tag>{t('processes.documents.original')}</Tag> : null}
        </li>
      ))}
    </ul>
  )
}

/** The table of documents with their files; `id` names its caption for the section around it. */
export function DocumentTable({ c, documents, caption }: { c: Ctx; documents: FiledDocument[]; caption: string }) {
  const { t, date } = c.var.i18n
  if (documents.length === 0) return <p>{t('processes.documents.none')}</p>
  return (
    <div class="table-scroll">
      <table>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('processes.documents.symbol')}</th>
            <th scope="col">{t('processes.documents.titleColumn')}</th>
            <th scope="col">{t('processes.documents.agendaItem')}</th>
            <th scope="col">{t('processes.documents.issued')}</th>
            <th scope="col">{t('processes.documents.files')}</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((d) => (
            <tr>
              <td>
                <bdi dir="ltr">{d.symbol ?? '—'}</bdi>
              </td>
              <td>
                <a href={`/documents/${d.id}`} {...textLanguage(d.language)}>
                  {d.title}
                </a>
              </td>
              <td>{d.agendaItemPosition ? <bdi>{`${d.agendaItemPosition}. ${d.agendaItemTitle}`}</bdi> : '—'}</td>
              <td>{date(d.issuedOn, 'medium')}</td>
              <td>
                {d.url && d.versions.length === 0 ? (
                  <a href={d.url}>{t('processes.documents.link')}</a>
                ) : (
                  <VersionLinks c={c} document={d} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

const fileField = (c: Ctx, form: FormState) => {
  const { t } = c.var.i18n
  const issue = form.issues?.find((i) => i.path === 'file')
  return (
    <div class={issue ? 'field field-error' : 'field'}>
      <label for="field-file">{t('processes.documents.file')}</label>
      <p class="hint" id="field-file-hint">
        {t('processes.documents.fileHint', {
          max: Math.floor(c.var.deps.config.attachmentMaxBytes / 1024 / 1024) || 1,
        })}
      </p>
      {issue ? (
        <p class="error" id="field-file-error">
          {t(issue.code, issue.values)}
        </p>
      ) : null}
      <input
        id="field-file"
        name="file"
        type="file"
        required
        accept=".pdf,.docx,.odt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text"
        aria-describedby={issue ? 'field-file-hint field-file-error' : 'field-file-hint'}
        aria-invalid={issue ? 'true' : undefined}
      />
    </div>
  )
}

const languageOptions = (c: Ctx, languages: readonly string[]) =>
  languages.map((l) => ({ value: l, label: c.var.i18n.t(`processes.language.${l}`) }))

export function renderDocumentUpload(
  c: Ctx,
  view: { meeting: Meeting; agenda: AgendaItem[]; form: FormState; status?: 200 | 409 | 422 },
) {
  const { t } = c.var.i18n
  const { meeting, form } = view
  const title = t('processes.documents.uploadTitle', { meeting: meeting.title })
  return renderPage(
    c,
    { title, status: view.status ?? 200 },
    <>
      <p class="eyebrow">
        <a href={`/meetings/${meeting.id}`}>{meeting.title}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{t('processes.documents.uploadLead')}</p>
      <ErrorSummary t={t} form={form} />
      <Form action={`/meetings/${meeting.id}/documents`} csrfToken={c.var.csrfToken} enctype="multipart/form-data">
        <TextField
          t={t}
          form={form}
          name="symbol"
          label={t('processes.documents.symbol')}
          hint={t('processes.documents.symbolHint')}
          required
          dir="ltr"
          maxlength={100}
        />
        <TextField
          t={t}
          form={form}
          name="title"
          label={t('processes.documents.titleColumn')}
          required
          maxlength={500}
        />
        <SelectField
          t={t}
          form={form}
          name="agendaItemId"
          label={t('processes.documents.agendaItem')}
          required={view.agenda.length > 0}
          placeholder=""
          options={view.agenda.map((a) => ({ value: String(a.id), label: `${a.position}. ${a.title}`, name: true }))}
        />
        <SelectField
          t={t}
          form={form}
          name="kind"
          label={t('processes.documents.kind')}
          required
          options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`processes.documentKind.${k}`) }))}
        />
        <TextField t={t} form={form} name="issuedOn" type="date" label={t('processes.documents.issued')} required />
        <SelectField
          t={t}
          form={form}
          name="language"
          label={t('processes.documents.originalLanguage')}
          hint={t('processes.documents.originalLanguageHint')}
          required
          options={languageOptions(c, ['ar', 'zh', 'en', 'fr', 'ru', 'es'])}
        />
        {fileField(c, form)}
        <SubmitButton>{t('processes.documents.upload')}</SubmitButton>
      </Form>
    </>,
  )
}

export function renderDocumentPage(
  c: Ctx,
  view: {
    document: FiledDocument
    process: Process
    meeting: Meeting | undefined
    canUpload: boolean
    form: FormState
    status?: 200 | 409 | 422
  },
) {
  const { t, date } = c.var.i18n
  const { document, form } = view
  const missing = ['ar', 'zh', 'en', 'fr', 'ru', 'es'].filter((l) => !document.versions.some((v) => v.language === l))
  return renderPage(
    c,
    { title: document.symbol ? `${document.symbol}: ${document.title}` : document.title, status: view.status ?? 200 },
    <>
      <p class="eyebrow">
        <a href={view.meeting ? `/meetings/${view.meeting.id}` : `/processes/${view.process.id}/documents`}>
          {view.meeting?.title ?? view.process.title}
        </a>
      </p>
      <h1 {...textLanguage(document.language)}>{document.title}</h1>
      <dl class="facts">
        <dt>{t('processes.documents.symbol')}</dt>
        <dd>
          <bdi dir="ltr">{document.symbol ?? '—'}</bdi>
        </dd>
        <dt>{t('processes.documents.kind')}</dt>
        <dd>{t(`processes.documentKind.${document.kind}`)}</dd>
        <dt>{t('processes.documents.agendaItem')}</dt>
        <dd>
          {document.agendaItemPosition ? (
            <bdi>{`${document.agendaItemPosition}. ${document.agendaItemTitle}`}</bdi>
          ) : (
            '—'
          )}
        </dd>
        <dt>{t('processes.documents.issued')}</dt>
        <dd>{date(document.issuedOn, 'medium')}</dd>
        <dt>{t('processes.documents.originalLanguage')}</dt>
        <dd>{t(`processes.language.${document.language}`)}</dd>
      </dl>
      <section aria-labelledby="files">
        <h2 id="files">{t('processes.documents.files')}</h2>
        <VersionLinks c={c} document={document} />
      </section>
      {view.canUpload && missing.length > 0 ? (
        <section aria-labelledby="add-version">
          <h2 id="add-version">{t('processes.documents.addVersion')}</h2>
          <ErrorSummary t={t} form={form} />
          <Form action={`/documents/${document.id}/versions`} csrfToken={c.var.csrfToken} enctype="multipart/form-data">
            <SelectField
              t={t}
              form={form}
              name="language"
              label={t('processes.documents.language')}
              required
              options={languageOptions(c, missing)}
            />
            {fileField(c, form)}
            <SubmitButton>{t('processes.documents.upload')}</SubmitButton>
          </Form>
        </section>
      ) : null}
    </>,
  )
}

export function renderProcessDocuments(c: Ctx, view: { process: Process; documents: FiledDocument[] }) {
  const { t } = c.var.i18n
  const title = t('processes.documents.ofProcess', { process: view.process.title })
  return renderPage(
    c,
    { title },
    <>
      <p class="eyebrow">
        <a href={`/processes/${view.process.id}`}>{view.process.title}</a>
      </p>
      <h1>{title}</h1>
      <DocumentTable c={c} documents={view.documents} caption={title} />
    </>,
  )
}
