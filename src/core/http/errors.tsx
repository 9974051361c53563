// The one place where expected failures become HTTP answers: JSON for the API
// ({ error, id, issues }), a translated page for browsers. Never a stack trace.
import type { Context } from 'hono'
import type { DomainError, Issue } from '../result.ts'
import { renderPage } from '../ui/layout.tsx'
import type { AppEnv } from './context.ts'

const STATUS = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
} as const satisfies Record<DomainError['type'], number>

export function isApiRequest(c: Context<AppEnv>): boolean {
  const path = new URL(c.req.url).pathname
  return path.startsWith('/api/') || path === '/healthz'
}

/** The sentence that explains an error, from the catalog: errors.<id> or errors.<type>. */
function errorMessage(c: Context<AppEnv>, error: DomainError): string {
  const { i18n } = c.var
  const specific = `errors.${error.id.split(':')[0]}`
  const values = 'values' in error && error.values ? error.values : undefined
  return i18n.has(specific) ? i18n.t(specific, values) : i18n.t(`errors.${error.type}`, values)
}

export function apiIssues(c: Context<AppEnv>, issues: Issue[]) {
  return issues.map((i) => ({ path: i.path, code: i.code, message: c.var.i18n.t(i.code, i.values) }))
}

export function respondError(c: Context<AppEnv>, error: DomainError): Response | Promise<Response> {
  const status = STATUS[error.type]
  if (error.type === 'rate_limited' || error.type === 'unavailable')
    c.header('Retry-After', String(error.retryAfterSeconds))
  if (isApiRequest(c)) {
    return c.json(
      {
        error: errorMessage(c, error),
        id: error.id,
        issues: error.type === 'invalid' ? apiIssues(c, error.issues) : [],
      },
      status,
    )
  }
  if (error.type === 'unauthenticated' && c.req.method === 'GET') {
    const url = new URL(c.req.url)
    return c.redirect(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`, 303)
  }
  return errorPage(c, status, errorMessage(c, error))
}

/**
 * The error answer of a JSON API route. An OpenAPI route's handler is typed by the successes it
 * declares; its errors all share the one documented error shape, so they are typed here, once,
 * as never (the handler's type stays that of its successes).
 */
export function apiError(c: Context<AppEnv>, error: DomainError): never {
  return respondError(c, error) as never
}

export function errorPage(
  c: Context<AppEnv>,
  status: 400 | 401 | 403 | 404 | 409 | 413 | 429 | 500 | 503,
  message: string,
) {
  const t = c.var.i18n.t
  const title = t(`errors.title${status}`)
  return renderPage(
    c,
    { title, status },
    <>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href="/">{t('errors.backHome')}</a>
      </p>
    </>,
  )
}

export function notFoundResponse(c: Context<AppEnv>) {
  return respondError(c, { type: 'not_found', id: 'page_not_found' })
}
