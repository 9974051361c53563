// The one reader of ids people send in paths, query strings and form fields. Ids are positive
// integers no larger than PostgreSQL's int4 (every table's identity stays far below it); anything
// else names nothing, so a path with such an id is 404 and a field with one is a 400 naming it,
// before any query sees it. Route parameters are checked for every route by `guardRouteParams`.
import { z } from '@hono/zod-openapi'
import type { Hono, MiddlewareHandler } from 'hono'
import type { AppEnv } from './context.ts'
import { notFoundResponse } from './errors.tsx'

export const MAX_ID = 2_147_483_647
const ID_TEXT = /^[1-9][0-9]{0,9}$/

/** The id written in `text` (digits only, 1..MAX_ID), or null. */
export function parseId(text: string | null | undefined): number | null {
  if (typeof text !== 'string' || !ID_TEXT.test(text)) return null
  const id = Number(text)
  return id <= MAX_ID ? id : null
}

const COUNT_TEXT = /^(0|[1-9][0-9]{0,9})$/

/** A number that counts from 0 (a revision's number), up to MAX_ID, or null. */
export function parseCount(text: string | null | undefined): number | null {
  if (typeof text !== 'string' || !COUNT_TEXT.test(text)) return null
  const n = Number(text)
  return n <= MAX_ID ? n : null
}

/** A zod id for forms, queries and the API: text or number, an integer in 1..MAX_ID. */
export const idSchema = () => z.coerce.number().int().min(1).max(MAX_ID)

/** The `{id}` path parameter of an API operation, documented with its range. */
export const IdPathParam = z.object({
  id: idSchema().openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
})

/** Parameter names that hold an id (`id`, `processId`...). */
export function isIdParam(name: string): boolean {
  return name === 'id' || /Id$/.test(name)
}

/**
 * Checked before a route's handler: a parameter that names an id must parse as one (a `number`
 * counts from 0), and no
 * parameter may hold a NUL (PostgreSQL text cannot store it). Otherwise the answer is 404.
 */
export function paramGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    for (const [name, value] of Object.entries(c.req.param() as Record<string, string>)) {
      const bad =
        value.includes('\u0000') ||
        (isIdParam(name) && parseId(value) === null) ||
        (name === 'number' && parseCount(value) === null)
      if (bad) return notFoundResponse(c)
    }
    return next()
  }
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'all'] as const

/** A path (or OpenAPIHono's list of paths) with a parameter in it. */
function hasParam(path: unknown): boolean {
  return typeof path === 'string' ? path.includes(':') : Array.isArray(path) && path.some(hasParam)
}

/**
 * Puts `paramGuard` in front of every route registered on `app` from now on (modules' pages and
 * API, including OpenAPI routes, which register through `on`), so a route added later by any
 * module is covered without remembering to.
 */
export function guardRouteParams<A extends Hono<AppEnv>>(app: A): A {
  const guard = paramGuard()
  // Hono defines these as own properties of each instance; OpenAPIHono's openapi() calls this.on
  const target = app as unknown as Record<string, (...args: unknown[]) => unknown>
  for (const method of METHODS) {
    const original = target[method] as (...args: unknown[]) => unknown
    target[method] = (path: unknown, ...handlers: unknown[]) =>
      hasParam(path) ? original(path, guard, ...handlers) : original(path, ...handlers)
  }
  const on = target.on as (...args: unknown[]) => unknown
  target.on = (methods: unknown, path: unknown, ...handlers: unknown[]) =>
    hasParam(path) ? on(methods, path, guard, ...handlers) : on(methods, path, ...handlers)
  return app
}

/**
 * A route's id parameter. `paramGuard` has already answered 404 for anything that is not an id,
 * so this only converts; the 0 for a missing one names nothing.
 */
export function idParam(c: { req: { param(name: string): string | undefined } }, name = 'id'): number {
  return parseId(c.req.param(name)) ?? 0
}

/** A count (from 0) in a query string or a route parameter; -1 (which names nothing) when it is not one. */
export function countOrNone(text: unknown): number {
  return typeof text === 'string' ? (parseCount(text.trim()) ?? -1) : -1
}

/** An id from a query string or a form field; 0 (which names nothing) when it is not one. */
export function idOrZero(text: unknown): number {
  return typeof text === 'string' ? (parseId(text.trim()) ?? 0) : 0
}
