// One library item: its facts, its abstract in its own language, its issues and its other
// language versions; the focal point may edit it from here.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { LOCALE_INFO, textLanguage } from '../../../core/i18n/locales.ts'
import { renderPage } from '../../../core/ui/layout.tsx'
import type { Item } from '../queries.ts'

const languageName = (code: string) => LOCALE_INFO[code as keyof typeof LOCALE_INFO]?.name

export function renderItem(
  c: Context<AppEnv>,
  view: { item: Item; versions: Item[]; issueName: (slug: string) => string; canCurate: boolean },
) {
  const { i18n } = c.var
  const t = i18n.t
  const { item } = view
  return renderPage(
    c,
    { title: item.title },
    <>
      <p class="eyebrow">
        <a href="/library">{t('knowledge.title')}</a>
        {view.canCurate ? (
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
        <dd>{languageName(item.language)}</dd>
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
              <a href={`/issues/${slug}`}>{view.issueName(slug)}</a>
            </li>
          ))}
        </ul>
      ) : null}
      {view.versions.length ? (
        <section aria-labelledby="versions">
          <h2 id="versions">{t('knowledge.versions')}</h2>
          <ul>
            {view.versions.map((v) => (
              <li>
                <a href={`/library/${v.id}`} {...textLanguage(v.language)}>
                  {v.title}
                </a>{' '}
                <span class="muted">({languageName(v.language)})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>,
  )
}
