// The knowledge library's pages: search with facets, one item with its language versions, the
// suggestion form and the focal point's queue. Any query gets results or an empty list.

import type { Context, Hono } from 'hono'
import { can } from '../../core/auth/authorize.ts'
import { contentDisposition } from '../../core/formats/content-disposition.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { COOKIES, writeCookie } from '../../core/http/cookies.ts'
import { respondError } from '../../core/http/errors.tsx'
import { type FormValues, fieldValue, fieldValues, readForm } from '../../core/http/forms.ts'
import { requireAccount } from '../../core/http/guards.ts'
import { idOrZero, idParam } from '../../core/http/ids.ts'
import { LOCALE_INFO, LOCALES, textLanguage } from '../../core/i18n/locales.ts'
import { Pagination, pageParam, Tag } from '../../core/ui/components.tsx'
import {
  ErrorSummary,
  Form,
  type FormState,
  LanguageField,
  SelectField,
  TextArea,
  TextField,
} from '../../core/ui/form.tsx'
import { renderPage } from '../../core/ui/layout.tsx'
import { localized } from '../actors/index.ts'
import { listIssues } from '../coordination/index.ts'
import { decideSuggestion, type ItemInput, publishItem, suggestItem, updateItem } from './commands.ts'
import { findItem, type Item, itemFile, searchLibrary, suggestions, versionsOfWork } from './queries.ts'
import { LibraryQuery } from './schemas.ts'
import { ITEM_TYPES } from './tables.ts'

const PAGE_SIZE = 20

async function issueNames(c: Context<AppEnv>) {
  const issues = await listIssues(c.var.db)
  const names = new Map(issues.map((i) => [i.slug, localized(i.name, c.var.i18n.locale)]))
  return { issues, issueName: (slug: string) => names.get(slug) ?? slug }
}

function ItemSummary({ c, item, issueName }: { c: Context<AppEnv>; item: Item; issueName: (s: string) => string }) {
  const { i18n } = c.var
  const t = i18n.t
  const lang = LOCALE_INFO[item.language as keyof typeof LOCALE_INFO]
  return (
    <li class="card">
      <h2 {...textLanguage(item.language)}>
        <a href={`/library/${item.id}`}>{item.title}</a>
      </h2>
      <p>
        <Tag>{t(`knowledge.types.${item.type}`)}</Tag> {lang?.name}
        {item.publishedOn ? ` · ${String(item.publishedOn).slice(0, 4)}` : ''}
        {item.authors.length ? ` · ${i18n.list(item.authors)}` : ''}
      </p>
      {item.abstract ? (
        <p class="muted" {...textLanguage(item.language)}>
          {item.abstract.length > 280 ? `${item.abstract.slice(0, 280)}…` : item.abstract}
        </p>
      ) : null}
      {item.issueSlugs.length ? <p class="muted">{item.issueSlugs.map(issueName).join(' · ')}</p> : null}
    </li>
  )
}

function itemFields(values: FormValues): ItemInput {
  const list = (name: string) =>
    fieldValue(values, name)
      .split(/[;\n]+/)
      .map((s) => s.trim())
      .filter(Boolean)
  return {
    type: (ITEM_TYPES as readonly string[]).includes(fieldValue(values, 'type'))
      ? (fieldValue(values, 'type') as ItemInput['type'])
      : 'paper',
    title: fieldValue(values, 'title').trim().slice(0, 500),
    abstract: fieldValue(values, 'abstract').trim().slice(0, 10_000),
    language: fieldValue(values, 'language'),
    authors: list('authors').slice(0, 50),
    issueSlugs: fieldValues(values, 'issues').slice(0, 20),
    publishedOn: /^\d{4}-\d{2}-\d{2}$/.test(fieldValue(values, 'publishedOn'))
      ? fieldValue(values, 'publishedOn')
      : undefined,
    url: /^https?:\/\//.test(fieldValue(values, 'url')) ? fieldValue(values, 'url').slice(0, 1000) : undefined,
    versionOf: idOrZero(fieldValue(values, 'versionOf')) || undefined,
  }
}

function itemProblems(input: ItemInput) {
  const problems = []
  if (input.title.length < 3) problems.push({ path: 'title', code: 'validation.required' })
  if (!(LOCALES as readonly string[]).includes(input.language))
    problems.push({ path: 'language', code: 'validation.required' })
  return problems
}

async function itemForm(c: Context<AppEnv>, form: FormState, status: 200 | 422 = 200, editing?: number) {
  const { i18n } = c.var
  const t = i18n.t
  const curate = can(c.var.actor, 'library.curate')
  const { issues, issueName } = await issueNames(c)
  const chosen = fieldValues(form.values, 'issues')
  const title = editing ? t('knowledge.edit.title') : curate ? t('knowledge.add.title') : t('knowledge.suggest.title')
  return renderPage(
    c,
    { title, status },
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
        <div class={form.issues?.some((i) => i.path === 'file') ? 'field field-error' : 'field'}>
          <label for="field-file">
            {t('knowledge.field.file')} <span class="optional">{t('form.optional')}</span>
          </label>
          <p class="hint" id="field-file-hint">
            {t('knowledge.field.fileHint', {
              max: Math.floor(c.var.deps.config.attachmentMaxBytes / 1024 / 1024) || 1,
            })}
          </p>
          {form.issues
            ?.filter((i) => i.path === 'file')
            .map((i) => (
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
        <fieldset class="field">
          <legend>{t('knowledge.field.issues')}</legend>
          <div class="columns">
            {issues.map((i) => (
              <div class="choice">
                <input
                  type="checkbox"
                  id={`issue-${i.slug}`}
                  name="issues[]"
                  value={i.slug}
                  checked={chosen.includes(i.slug)}
                />
                <label for={`issue-${i.slug}`}>{issueName(i.slug)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <button type="submit" class="button">
          {editing ? t('knowledge.edit.submit') : curate ? t('knowledge.add.submit') : t('knowledge.suggest.submit')}
        </button>
      </Form>
    </>,
  )
}

export function registerKnowledgeRoutes(app: Hono<AppEnv>): void {
  app.get('/library', async (c) => {
    const { i18n } = c.var
    const t = i18n.t
    const parsed = LibraryQuery.safeParse(c.req.query())
    const query = parsed.success ? parsed.data : {}
    const page = pageParam(c.req.query('page'))
    const result = await searchLibrary(c.var.db, { ...query, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })
    const { issueName } = await issueNames(c)
    const url = new URL(c.req.url)
    const facetLink = (name: string, value: string) => {
      const next = new URL(url)
      next.searchParams.set(name, value)
      next.searchParams.delete('page')
      return `${next.pathname}${next.search}`
    }
    const title = t('knowledge.title')
    const facet = (
      name: 'issue' | 'type' | 'language' | 'year',
      heading: string,
      rows: { key: string; n: number }[],
      label: (k: string) => string,
    ) =>
      rows.length ? (
        <section aria-labelledby={`facet-${name}`}>
          <h2 id={`facet-${name}`} class="h3">
            {heading}
          </h2>
          <ul>
            {rows.map((r) => (
              <li>
                <a
                  href={facetLink(name, r.key)}
                  aria-current={String(query[name] ?? '') === r.key ? 'true' : undefined}
                >
                  {label(r.key)}
                </a>{' '}
                <span class="muted">({r.n})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null
    return renderPage(
      c,
      { title },
      <>
        <h1>{title}</h1>
        <p class="lead">{t('knowledge.lead')}</p>
        {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is missing from older browsers we serve */}
        <form method="get" action="/library" role="search" class="filters">
          <p>
            <label for="library-q">{t('knowledge.search')}</label>{' '}
            <input id="library-q" name="q" type="search" value={result.query} maxlength={500} size={40} />
          </p>
          {(['issue', 'type', 'language', 'year'] as const).map((k) =>
            query[k] ? <input type="hidden" name={k} value={String(query[k])} /> : null,
          )}
          <button type="submit" class="button">
            {t('knowledge.searchButton')}
          </button>
        </form>
        <p>
          {can(c.var.actor, 'library.suggest') ? (
            <a href="/library/suggest">
              {can(c.var.actor, 'library.curate') ? t('knowledge.add.title') : t('knowledge.suggest.title')}
            </a>
          ) : null}
          {query.issue || query.type || query.language || query.year ? (
            <>
              {' · '}
              <a href={result.query ? `/library?q=${encodeURIComponent(result.query)}` : '/library'}>
                {t('knowledge.clearFilters')}
              </a>
            </>
          ) : null}
        </p>
        <p role="status">{t('knowledge.count', { count: result.total })}</p>
        <div class="with-facets">
          <aside aria-label={t('knowledge.facets')}>
            {facet('issue', t('knowledge.facet.issue'), result.facets.issues, issueName)}
            {facet('type', t('knowledge.facet.type'), result.facets.types, (k) => t(`knowledge.types.${k}`))}
            {facet(
              'language',
              t('knowledge.facet.language'),
              result.facets.languages,
              (k) => LOCALE_INFO[k as keyof typeof LOCALE_INFO]?.name ?? k,
            )}
            {facet('year', t('knowledge.facet.year'), result.facets.years, (k) => k)}
          </aside>
          <ul class="cards results">
            {result.rows.map((item) => (
              <ItemSummary c={c} item={item} issueName={issueName} />
            ))}
          </ul>
        </div>
        <Pagination t={t} baseUrl={url} page={page} pageSize={PAGE_SIZE} total={result.total} />
      </>,
    )
  })

  app.get('/library/suggest', async (c) => {
    const actor = await requireAccount(c, 'library.suggest')
    if (actor instanceof Response) return actor
    return itemForm(c, { values: { language: c.var.i18n.locale } })
  })

  app.post('/library/suggest', async (c) => {
    const body = await c.req.parseBody({ all: true })
    const values: FormValues = {}
    let upload: File | undefined
    for (const [key, value] of Object.entries(body)) {
      if (key === '_csrf') continue
      const list = Array.isArray(value) ? value : [value]
      if (key === 'file') upload = list.find((v): v is File => v instanceof File && v.size > 0)
      else {
        const strings = list.filter((v): v is string => typeof v === 'string')
        values[key.replace(/\[\]$/, '')] = key.endsWith('[]') ? strings : (strings[0] ?? '')
      }
    }
    const input = itemFields(values)
    if (upload)
      input.file = {
        name: upload.name,
        content: new Uint8Array(await upload.arrayBuffer()),
        maxBytes: c.var.deps.config.attachmentMaxBytes,
      }
    const problems = itemProblems(input)
    if (problems.length) return itemForm(c, { values, issues: problems }, 422)
    const curate = can(c.var.actor, 'library.curate')
    const result = curate
      ? await publishItem(c.var.db, commandContext(c), input)
      : await suggestItem(c.var.db, commandContext(c), input)
    if (!result.ok)
      return result.error.type === 'invalid'
        ? itemForm(c, { values, issues: result.error.issues }, 422)
        : respondError(c, result.error)
    writeCookie(c, COOKIES.flash, curate ? 'flash.itemPublished' : 'flash.itemSuggested', { maxAgeSeconds: 60 })
    return c.redirect(curate ? `/library/${result.value.id}` : '/library', 303)
  })

  app.get('/library/:id{[0-9]+}', async (c) => {
    const item = await findItem(c.var.db, idParam(c))
    if (!item || (item.status !== 'published' && !can(c.var.actor, 'library.curate')))
      return respondError(c, { type: 'not_found', id: 'library_item_not_found' })
    const { i18n } = c.var
    const t = i18n.t
    const [versions, { issueName }] = await Promise.all([versionsOfWork(c.var.db, item), issueNames(c)])
    const lang = LOCALE_INFO[item.language as keyof typeof LOCALE_INFO]
    return renderPage(
      c,
      { title: item.title },
      <>
        <p class="eyebrow">
          <a href="/library">{t('knowledge.title')}</a>
          {can(c.var.actor, 'library.curate') ? (
            <>
              {' · '}
              <a href={`/library/${item.id}/edit`}>{t('knowledge.edit.title')}</a>
            </>
          ) : null}
        </p>
        <h1 {...textLanguage(item.language)}>{item.title}</h1>
        <dl class="facts">
          <dt>{t('knowledge.field.type')}</dt>
          <dd>{t(`knowledge.types.${item.type}`)}</dd>
          <dt>{t('knowledge.field.language')}</dt>
          <dd>{lang?.name}</dd>
          {item.authors.length ? (
            <>
              <dt>{t('knowledge.field.authors')}</dt>
              <dd>{i18n.list(item.authors)}</dd>
            </>
          ) : null}
          {item.publishedOn ? (
            <>
              <dt>{t('knowledge.field.publishedOn')}</dt>
              <dd>{i18n.date(String(item.publishedOn).slice(0, 10))}</dd>
            </>
          ) : null}
          {item.fileName ? (
            <>
              <dt>{t('knowledge.field.file')}</dt>
              <dd>
                <a href={`/library/${item.id}/file`}>{item.fileName}</a>{' '}
                <span class="muted">({i18n.number(Math.ceil((item.fileSize ?? 0) / 1024))} KB)</span>
              </dd>
            </>
          ) : null}
          {item.url ? (
            <>
              <dt>{t('knowledge.field.url')}</dt>
              <dd>
                <a href={item.url} rel="external noopener">
                  {item.url}
                </a>
              </dd>
            </>
          ) : null}
        </dl>
        {item.abstract ? (
          <p class="prose" {...textLanguage(item.language)}>
            {item.abstract}
          </p>
        ) : null}
        {item.issueSlugs.length ? (
          <ul class="inline-list">
            {item.issueSlugs.map((slug) => (
              <li>
                <a href={`/issues/${slug}`}>{issueName(slug)}</a>
              </li>
            ))}
          </ul>
        ) : null}
        {versions.length ? (
          <section aria-labelledby="versions">
            <h2 id="versions">{t('knowledge.versions')}</h2>
            <ul>
              {versions.map((v) => (
                <li>
                  <a href={`/library/${v.id}`} {...textLanguage(v.language)}>
                    {v.title}
                  </a>{' '}
                  <span class="muted">({LOCALE_INFO[v.language as keyof typeof LOCALE_INFO]?.name})</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </>,
    )
  })

  app.get('/library/:id{[0-9]+}/edit', async (c) => {
    const actor = await requireAccount(c, 'library.curate')
    if (actor instanceof Response) return actor
    const item = await findItem(c.var.db, idParam(c))
    if (!item) return respondError(c, { type: 'not_found', id: 'library_item_not_found' })
    return itemForm(
      c,
      {
        values: {
          title: item.title,
          type: item.type,
          language: item.language,
          abstract: item.abstract,
          authors: item.authors.join('; '),
          publishedOn: item.publishedOn ? String(item.publishedOn).slice(0, 10) : '',
          url: item.url ?? '',
          issues: item.issueSlugs,
        },
      },
      200,
      item.id,
    )
  })

  app.post('/library/:id{[0-9]+}/edit', async (c) => {
    const id = idParam(c)
    const values = await readForm(c)
    const input = itemFields(values)
    const problems = itemProblems(input)
    if (problems.length) return itemForm(c, { values, issues: problems }, 422, id)
    const result = await updateItem(c.var.db, commandContext(c), id, input)
    if (!result.ok)
      return result.error.type === 'invalid'
        ? itemForm(c, { values, issues: result.error.issues }, 422, id)
        : respondError(c, result.error)
    writeCookie(c, COOKIES.flash, 'flash.saved', { maxAgeSeconds: 60 })
    return c.redirect(`/library/${id}`, 303)
  })

  app.get('/library/:id{[0-9]+}/file', async (c) => {
    const file = await itemFile(c.var.db, idParam(c))
    if (!file?.fileContent || (file.status !== 'published' && !can(c.var.actor, 'library.curate')))
      return respondError(c, { type: 'not_found', id: 'library_item_not_found' })
    return c.body(new Uint8Array(file.fileContent), 200, {
      'Content-Type': file.fileMediaType ?? 'application/octet-stream',
      'Content-Disposition': contentDisposition(file.fileName ?? 'file'),
      'X-Content-Type-Options': 'nosniff',
    })
  })

  app.get('/administration/library', async (c) => {
    const actor = await requireAccount(c, 'library.curate')
    if (actor instanceof Response) return actor
    const t = c.var.i18n.t
    const queue = await suggestions(c.var.db)
    const title = t('knowledge.queue.title')
    return renderPage(
      c,
      { title },
      <>
        <p>
          <a href="/administration">{t('administration.title')}</a>
        </p>
        <h1>{title}</h1>
        <p role="status">{t('knowledge.queue.count', { count: queue.length })}</p>
        {queue.map((item) => (
          <article class="card">
            <h2>{item.title}</h2>
            <p>{item.abstract}</p>
            <Form action={`/library/${item.id}/decide`} csrfToken={c.var.csrfToken}>
              <label for={`note-${item.id}`}>{t('knowledge.queue.note')}</label>
              <input id={`note-${item.id}`} name="note" maxlength={1000} />
              <div class="actions">
                <button type="submit" class="button" name="decision" value="published">
                  {t('knowledge.queue.publish')}
                </button>
                <button type="submit" class="button secondary" name="decision" value="declined">
                  {t('knowledge.queue.decline')}
                </button>
              </div>
            </Form>
          </article>
        ))}
      </>,
    )
  })

  app.post('/library/:id{[0-9]+}/decide', async (c) => {
    const values = await readForm(c)
    const decision = fieldValue(values, 'decision')
    if (decision !== 'published' && decision !== 'declined')
      return respondError(c, {
        type: 'invalid',
        id: 'invalid_input',
        issues: [{ path: 'decision', code: 'validation.required' }],
      })
    const result = await decideSuggestion(
      c.var.db,
      commandContext(c),
      idParam(c),
      decision,
      fieldValue(values, 'note').slice(0, 1000),
    )
    if (!result.ok) return respondError(c, result.error)
    writeCookie(c, COOKIES.flash, 'flash.saved', { maxAgeSeconds: 60 })
    return c.redirect('/administration/library', 303)
  })
}
