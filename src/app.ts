// Builds the Hono app: core middleware in order, then each registered module's pages and API.
import { type Context, Hono, type MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { compress } from 'hono/compress'
import { cors } from 'hono/cors'
import { HTTPException } from 'hono/http-exception'
import { secureHeaders } from 'hono/secure-headers'
import { MAX_ATTACHMENTS } from './config.ts'
import { registerAuditApi } from './core/audit/api.ts'
import { registerAuditRoutes } from './core/audit/routes.tsx'
import { ANONYMOUS } from './core/auth/actor.ts'
import { databaseFault } from './core/db/errors.ts'
import { createApiRouter } from './core/http/api.ts'
import { type OpenApiDocument, renderApiDocs } from './core/http/api-docs.tsx'
import { respondBusy } from './core/http/busy.tsx'
import type { AppDeps, AppEnv } from './core/http/context.ts'
import { csrf, csrfOrigin } from './core/http/csrf.ts'
import { errorPage, isApiRequest, notFoundResponse, respondError } from './core/http/errors.tsx'
import { formBody } from './core/http/forms.ts'
import { DatabaseHealth, healthz, respondRefusedInput, respondUnavailable } from './core/http/health.ts'
import { idempotency } from './core/http/idempotency.ts'
import { guardRouteParams } from './core/http/ids.ts'
import { authentication, localization, requestContext } from './core/http/middleware.ts'
import { DataVersion, pageCache } from './core/http/page-cache.ts'
import { mountAssets } from './core/ui/assets.ts'

export const API_INFO = {
  title: 'ecp API',
  version: '1',
  description:
    'Open data and actions of the Enhanced Cooperation Platform. Reads are public; writes need a session ' +
    '(with the X-CSRF-Token header) or an API token (Authorization: Bearer ecp_...) with the scope the ' +
    'operation names (read, contribute, negotiate, chair, secretariat). ' +
    'Errors answer { error, id, issues }. Send Accept-Language or ?lang= for messages in another UN language.',
  license: { name: 'GNU Affero General Public License v3.0 or later', identifier: 'AGPL-3.0-or-later' },
}

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const health = deps.health ?? new DatabaseHealth({ dataDir: null })

  // visitors' reads answered from memory while the data has not moved (before all else: a copy
  // carries the headers the chain below gave it)
  if (deps.config.pageCacheBytes > 0) {
    const version = new DataVersion(deps.db, 250)
    app.use(
      pageCache(version, { maxBytes: deps.config.pageCacheBytes, maxAgeMs: 60_000, now: () => deps.now().getTime() }),
    )
  }
  app.use(requestContext(deps))
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
      strictTransportSecurity: deps.config.publicUrl?.startsWith('https://')
        ? 'max-age=63072000; includeSubDomains'
        : false,
      crossOriginEmbedderPolicy: false,
      // "no-referrer" would make browsers send Origin: null on our own form posts
      referrerPolicy: 'same-origin',
    }),
  )
  app.use(compress())
  app.use('/api/*', cors({ origin: '*', allowMethods: ['GET', 'HEAD'], exposeHeaders: ['X-Request-Id'] }))
  app.use(authentication())
  app.use(localization())
  // a forged or cookie-less write is refused before its body is read
  app.use(csrfOrigin())
  // forms with files (a contribution's attachments) may carry up to MAX_ATTACHMENTS files; only a
  // signed-in account sends files, so a visitor's multipart body gets the ordinary limit
  const uploadLimit = deps.config.bodyLimitBytes + MAX_ATTACHMENTS * deps.config.attachmentMaxBytes
  const limitOf = (c: Context<AppEnv>) =>
    c.req.header('content-type')?.startsWith('multipart/form-data') && c.var.actor?.kind === 'account'
      ? uploadLimit
      : deps.config.bodyLimitBytes
  const limits = new Map(
    [deps.config.bodyLimitBytes, uploadLimit].map((maxSize) => [
      maxSize,
      bodyLimit({
        maxSize,
        onError: (c) => respondError(c, { type: 'too_large', id: 'body_too_large', values: { max: maxSize } }),
      }),
    ]),
  )
  app.use((c, next) => (limits.get(limitOf(c)) as MiddlewareHandler<AppEnv>)(c, next))
  app.use(formBody())
  app.use(csrf())
  app.use('/api/v1/*', idempotency())

  mountAssets(app)

  app.get('/healthz', (c) => healthz(c, health))

  const api = createApiRouter()
  // every route's id parameters go through one parser (a bad id is 404 before any query)
  guardRouteParams(app)
  guardRouteParams(api)
  for (const module of deps.modules) {
    module.routes?.(app)
    module.api?.(api)
  }
  registerAuditApi(api)
  app.route('/api/v1', api)
  const openApiDocument = () =>
    api.getOpenAPI31Document({ openapi: '3.1.0', info: API_INFO, servers: [{ url: '/api/v1' }] })
  app.get('/api/openapi.json', (c) => c.json(openApiDocument()))
  app.get('/api', (c) => renderApiDocs(c, openApiDocument() as unknown as OpenApiDocument))
  registerAuditRoutes(app)

  app.notFound(notFoundResponse)
  app.onError(async (error, c) => {
    // errors Hono raises for bad requests (malformed JSON, wrong media type) are the client's
    if (error instanceof HTTPException && error.status < 500) {
      if (error.status === 413)
        return respondError(c, { type: 'too_large', id: 'body_too_large', values: { max: limitOf(c) } })
      return respondError(c, {
        type: 'invalid',
        id: error.status === 415 ? 'unsupported_media_type' : 'malformed_request',
        issues: [],
      })
    }
    const requestId = c.var.requestId ?? 'unknown'
    const fault = databaseFault(error)
    if (fault?.kind === 'unavailable' || fault?.kind === 'disk_full') {
      health.record(fault)
      if (health.reporter.shouldReport(fault.kind)) {
        deps.log.error(
          `database ${fault.kind === 'disk_full' ? 'disk full' : 'unavailable'}: ${fault.reason} (said once per 30 s)`,
        )
      }
      return respondUnavailable(c, fault)
    }
    if (fault?.kind === 'busy') {
      // a race lost again after the retries (or a statement cancelled): 503, said once per interval
      if (health.reporter.shouldReport(`busy:${fault.code}`)) {
        deps.log.error(
          `database busy: ${fault.code} in ${c.req.method} ${c.req.path} [${requestId}], answered 503 (said once per 30 s)`,
        )
      }
      return respondBusy(c)
    }
    if (fault) {
      // input the database refused (a NUL, a number out of range, a reference to nothing): the
      // client's, though a route should have refused it first
      deps.log.debug(`input refused by the database in ${c.req.method} ${c.req.path} [${requestId}]`, fault)
      return respondRefusedInput(c, fault)
    }
    deps.log.error(`unhandled error in ${c.req.method} ${c.req.path} [${requestId}]`, error)
    if (isApiRequest(c)) return c.json({ error: 'Internal error', id: 'internal_error', issues: [], requestId }, 500)
    try {
      c.set('i18n', c.var.i18n ?? deps.messages.translator('en'))
      c.set('actor', c.var.actor ?? ANONYMOUS)
      return await errorPage(c, 500, c.var.i18n.t('errors.internal', { requestId }))
    } catch {
      // the page frame itself failed: a bare answer still tells the reference
      return c.text(`Internal error (reference ${requestId})`, 500)
    }
  })
  return app
}
