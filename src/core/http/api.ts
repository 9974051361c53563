// The JSON API's shared parts: the OpenAPI-aware router whose validation failures answer in our
// error format, the security schemes (API token, session cookie) and each operation's
// requirement, and the schemas of errors and list envelopes that every endpoint reuses.
import { OpenAPIHono, z } from '@hono/zod-openapi'
import { type Action, whenDeclared } from '../auth/actions.ts'
import type { AppEnv } from './context.ts'
import { COOKIES } from './cookies.ts'
import { respondError } from './errors.tsx'
import { zodIssues } from './validation.ts'

export function createApiRouter(): OpenAPIHono<AppEnv> {
  const router = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        return respondError(c, { type: 'invalid', id: 'invalid_input', issues: zodIssues(result.error) })
      }
      return undefined
    },
  })
  router.openAPIRegistry.registerComponent('securitySchemes', 'bearerToken', {
    type: 'http',
    scheme: 'bearer',
    description:
      'An API token (`ecp_...`), made on the account page or with `ecp token create`. Each token has scopes ' +
      '(read, contribute, negotiate, chair, secretariat) and an expiry; it never does more than its owner may. ' +
      'An operation lists the scope it needs.',
  })
  router.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: COOKIES.session,
    description:
      'A signed-in browser session. Writes with it also need the `X-CSRF-Token` header (the token of a page ' +
      'of the same session) and must come from this site.',
  })
  return router
}

type SecurityRequirement = Record<string, string[]>

/**
 * A public read: no credential needed (the empty requirement); a token or session, when sent,
 * is checked (a wrong token is 401) and may let its owner see more.
 */
export const PUBLIC_READ: SecurityRequirement[] = [{}, { bearerToken: ['read'] }, { sessionCookie: [] }]

/**
 * What an action needs: a token with the scope its module declares for it, or a session. Routes
 * are defined while the modules load, before every manifest's actions are registered: the
 * requirement is filled in once the action is (registerModules fails on one never declared).
 */
export function securityFor(action: Action): SecurityRequirement[] {
  const requirement: SecurityRequirement[] = []
  whenDeclared(action, ({ declaration: { scope } }) => {
    requirement.push(
      ...(scope === 'session' ? [{ sessionCookie: [] }] : [{ bearerToken: [scope] }, { sessionCookie: [] }]),
    )
  })
  return requirement
}

export const ErrorSchema = z
  .object({
    error: z.string().openapi({ description: 'What went wrong, in the language asked for', example: 'Not found.' }),
    id: z
      .string()
      .openapi({ description: 'A stable identifier of the error (see docs/errors.md)', example: 'not_found' }),
    issues: z
      .array(
        z.object({
          path: z.string().openapi({ example: 'website' }),
          code: z.string().openapi({ example: 'validation.url' }),
          message: z.string().openapi({ example: 'Enter a web address that starts with https://' }),
        }),
      )
      .openapi({ description: 'For 400: one entry per invalid field' }),
  })
  .openapi('Error')

function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: ErrorSchema } } }
}

export const errorResponses = {
  400: errorResponse('The request is invalid; `issues` lists each problem'),
  401: errorResponse(
    'Sign in (session cookie) or send an API token (Authorization: Bearer); a token sent must be valid and unexpired',
  ),
  403: errorResponse('Not allowed for this account'),
  404: errorResponse('Not found'),
  409: errorResponse('Conflicts with the current state'),
  413: errorResponse('The request body is too large'),
  429: errorResponse('Too many requests; retry after the Retry-After header'),
} as const

export function json<S extends z.ZodType>(schema: S, description: string) {
  return { description, content: { 'application/json': { schema } } }
}

/** A list envelope: `{ data: [...], meta: { total } }`. */
export function listOf<S extends z.ZodType>(item: S) {
  return z.object({
    data: z.array(item),
    meta: z.object({ total: z.number().int().openapi({ description: 'Items matching the filters' }) }),
  })
}

/** Query-string booleans: "true"/"false"/"1"/"0". */
export const queryBoolean = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .openapi({ type: 'string', enum: ['true', 'false'] })
