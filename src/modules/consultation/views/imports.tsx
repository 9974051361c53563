// The Secretariat's imports of a call: the upload form, the imports so far, and one import's
// progress (the page refreshes itself while the job runs; no script needed) with its rejects.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { Facts, Tag } from '../../../core/ui/components.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import type { Call } from '../../processes/index.ts'
import type { ImportRow } from '../queries.ts'

export function renderImports(c: Context<AppEnv>, view: { call: Call; imports: ImportRow[]; error?: string }) {
  const { t, number, dateTime } = c.var.i18n
  const title = t('consultation.imports.title', { call: view.call.title })
  return renderPage(
    c,
    { title, status: view.error ? 422 : 200 },
    <>
      <p class="eyebrow">
        <a href={`/processes/${view.call.processId}`}>{view.call.title}</a>
      </p>
      <h1>{title}</h1>
      <p>{t('consultation.imports.help')}</p>
      <form method="post" action={`/calls/${view.call.id}/imports`} enctype="multipart/form-data">
        <input type="hidden" name="_csrf" value={c.var.csrfToken} />
        <div class="field">
          <label for="import-file">{t('consultation.imports.file')}</label>
          {view.error ? (
            <p class="field-error" id="import-file-error">
              {t(view.error)}
            </p>
          ) : null}
          <input
            id="import-file"
            type="file"
            name="file"
            required
            accept=".csv,.jsonl,.ndjson,.mbox"
            aria-describedby={view.error ? 'import-file-error' : undefined}
          />
        </div>
        <div class="field">
          <label for="import-language">{t('consultation.imports.language')}</label>
          <select id="import-language" name="language">
            {view.call.languages.map((l) => (
              <option value={l}>{t(`processes.language.${l}`)}</option>
            ))}
          </select>
        </div>
        <button type="submit">{t('consultation.imports.submit')}</button>
      </form>
      <h2>{t('consultation.imports.list')}</h2>
      <ul>
        {view.imports.map((i) => (
          <li>
            <a href={`/imports/${i.id}`}>{i.fileName}</a> · {dateTime(i.createdAt)} ·{' '}
            {t(`consultation.import.status.${i.status}`)} · {number(i.accepted)}
          </li>
        ))}
      </ul>
    </>,
  )
}

export function renderImport(c: Context<AppEnv>, view: { call: Call; row: ImportRow }) {
  const { t, number } = c.var.i18n
  const r = view.row
  const title = t('consultation.import.title', { file: r.fileName })
  const running = r.status === 'waiting' || r.status === 'running'
  if (running) c.header('Refresh', '3')
  return renderPage(
    c,
    { title },
    <>
      <p class="eyebrow">
        <a href={`/calls/${view.call.id}/imports`}>{t('consultation.imports.title', { call: view.call.title })}</a>
      </p>
      <h1>{title}</h1>
      <p role="status">
        <Tag tone={r.status === 'done' ? 'ok' : r.status === 'failed' ? 'error' : 'warn'}>
          {t(`consultation.import.status.${r.status}`)}
        </Tag>
      </p>
      {running ? <progress aria-label={t('consultation.import.progress')} /> : null}
      <Facts
        items={[
          [t('consultation.import.records'), number(r.records)],
          [t('consultation.import.accepted'), number(r.accepted)],
          [t('consultation.import.alreadyThere'), number(r.alreadyThere)],
          [t('consultation.import.rejected'), number(r.rejected)],
        ]}
      />
      {r.rejected > 0 ? (
        <p>
          <a href={`/imports/${r.id}/rejects.csv`}>{t('consultation.import.rejects')}</a>
        </p>
      ) : null}
      {r.status === 'done' ? (
        <p>
          <a href={`/calls/${view.call.id}/campaigns`}>{t('consultation.campaigns.link')}</a>
        </p>
      ) : null}
    </>,
  )
}
