// The page frame every HTML page shares: skip link, header with navigation, language switcher
// and account links, the main landmark, and the footer. Works without JavaScript.
import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import { isSignedIn } from '../auth/actor.ts'
import type { AppEnv } from '../http/context.ts'
import { COOKIES, clearCookie, readCookie } from '../http/cookies.ts'
import { LOCALE_INFO, LOCALES } from '../i18n/locales.ts'
import { assetUrls } from './assets.ts'
import { Name } from './name.tsx'

export interface PageOptions {
  title: string
  /** a short description for search engines and link previews */
  description?: string
  status?: 200 | 201 | 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503
  /** alternate representations, e.g. an Atom feed */
  alternates?: { type: string; href: string; title: string }[]
}

function languageHref(c: Context<AppEnv>, lang: string): string {
  const url = new URL(c.req.url)
  url.searchParams.set('lang', lang)
  return `${url.pathname}${url.search}`
}

function Header({ c }: { c: Context<AppEnv> }) {
  const { i18n, actor, deps, csrfToken } = c.var
  const t = i18n.t
  const path = new URL(c.req.url).pathname
  const items = deps.modules
    .flatMap((m) => m.navigation ?? [])
    .filter((item) => !item.visible || item.visible(actor))
    .sort((a, b) => a.order - b.order)
  return (
    <header class="site-header">
      <div class="bar">
        <a class="brand" href="/">
          <span class="brand-mark">ecp</span> <span class="brand-name">{t('layout.siteName')}</span>
        </a>
        <nav class="languages" aria-label={t('layout.languages')}>
          <ul>
            {LOCALES.map((l) => (
              <li>
                <a
                  href={languageHref(c, l)}
                  lang={LOCALE_INFO[l].tag}
                  hreflang={LOCALE_INFO[l].tag}
                  aria-current={l === i18n.locale ? 'true' : undefined}
                >
                  {LOCALE_INFO[l].name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <div class="bar">
        <nav class="main-nav" aria-label={t('layout.mainNavigation')}>
          <ul>
            {items.map((item) => (
              <li>
                <a
                  href={item.href}
                  aria-current={path === item.href || path.startsWith(`${item.href}/`) ? 'page' : undefined}
                >
                  {t(item.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <nav class="account-nav" aria-label={t('layout.accountNavigation')}>
          {isSignedIn(actor) ? (
            <ul>
              <li>
                <a href="/account">
                  <Name>{actor.displayName}</Name>
                </a>
              </li>
              <li>
                <form method="post" action="/sign-out" class="inline">
                  <input type="hidden" name="_csrf" value={csrfToken} />
                  <button type="submit" class="link">
                    {t('layout.signOut')}
                  </button>
                </form>
              </li>
            </ul>
          ) : (
            <ul>
              <li>
                <a href="/sign-in">{t('layout.signIn')}</a>
              </li>
              <li>
                <a href="/sign-up">{t('layout.signUp')}</a>
              </li>
            </ul>
          )}
        </nav>
      </div>
    </header>
  )
}

function Flash({ c }: { c: Context<AppEnv> }) {
  const key = readCookie(c, COOKIES.flash)
  if (!key) return null
  clearCookie(c, COOKIES.flash)
  // only catalog keys under "flash." are shown, so the cookie cannot inject text
  if (!key.startsWith('flash.') || !c.var.i18n.has(key)) return null
  return (
    <p class="flash" role="status">
      {c.var.i18n.t(key)}
    </p>
  )
}

export function Layout({ c, options, children }: { c: Context<AppEnv>; options: PageOptions; children: Child }) {
  const { i18n } = c.var
  const t = i18n.t
  return (
    <html lang={i18n.tag} dir={i18n.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${options.title} · ${t('layout.siteShortName')}`}</title>
        {options.description ? <meta name="description" content={options.description} /> : null}
        <link rel="stylesheet" href={assetUrls.css} />
        {(options.alternates ?? []).map((a) => (
          <link rel="alternate" type={a.type} href={a.href} title={a.title} />
        ))}
        <script src={assetUrls.js} defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('layout.skipToContent')}
        </a>
        <Header c={c} />
        <main id="main" tabindex={-1}>
          <Flash c={c} />
          {children}
        </main>
        <footer class="site-footer">
          <p>{t('layout.footerMission')}</p>
          <ul>
            <li>
              <a href="/about">{t('layout.about')}</a>
            </li>
            <li>
              <a href="/api">{t('layout.api')}</a>
            </li>
            <li>
              <a href="/audit-log">{t('layout.auditLog')}</a>
            </li>
          </ul>
        </footer>
      </body>
    </html>
  )
}

/** Renders a full page in the request's language. */
export async function renderPage(c: Context<AppEnv>, options: PageOptions, content: Child): Promise<Response> {
  const page = (
    <Layout c={c} options={options}>
      {content}
    </Layout>
  )
  const html = `<!DOCTYPE html>${await page.toString()}`
  return c.html(html, options.status ?? 200)
}
