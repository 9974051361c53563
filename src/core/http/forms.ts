// Reading HTML forms: every field as text (an empty field counts as missing), with the raw
// values kept so a form that fails validation comes back exactly as it was typed.
import type { Context, MiddlewareHandler } from 'hono'
import type { z } from 'zod'
import type { Issue } from '../result.ts'
import type { AppEnv } from './context.ts'
import { respondError } from './errors.tsx'
import { parseWith } from './validation.ts'

const FORM_TYPES = /^(multipart\/form-data|application\/x-www-form-urlencoded)/i

/**
 * Reads a form body once, before anything else does (Hono keeps the parsed body for later
 * readers): a body that is not the form it says it is (a broken multipart, a boundary missing)
 * is answered 400 `malformed_request` here, for every route, instead of failing in a handler.
 */
export function formBody(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || !FORM_TYPES.test(c.req.header('content-type') ?? '')) {
      return next()
    }
    let form: FormData
    try {
      form = await c.req.formData()
    } catch (error) {
      // the body limit answers through its own error; anything else is a malformed body
      if ((error as { status?: number }).status === 413) throw error
      return respondError(c, { type: 'invalid', id: 'malformed_request', issues: [] })
    }
    // PostgreSQL text cannot hold NUL: a form field with one is refused by name (a query value is
    // left to its route: a search box may strip it and answer)
    for (const [name, value] of form) {
      if (typeof value === 'string' && value.includes('\u0000')) return refuseNul(c, name.replace(/\[\]$/, ''))
    }
    return next()
  }
}

function refuseNul(c: Context<AppEnv>, name: string) {
  return respondError(c, { type: 'invalid', id: 'invalid_input', issues: [{ path: name, code: 'validation.invalid' }] })
}

/** What the person typed, field by field (repeated fields as arrays). */
export type FormValues = Record<string, string | string[]>

export async function readForm(c: Context<AppEnv>): Promise<FormValues> {
  const body = await c.req.parseBody({ all: true })
  const values: FormValues = {}
  for (const [key, value] of Object.entries(body)) {
    if (key === '_csrf') continue
    const list = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string')
    values[key.replace(/\[\]$/, '')] = key.endsWith('[]') ? list : (list[0] ?? '')
  }
  return values
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/**
 * The values as zod should see them: blank text becomes "absent", and dotted names nest
 * ("name.en" -> { name: { en } }), so a form and the JSON API share one schema.
 */
export function forSchema(values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(values)) {
    const cleaned = Array.isArray(value)
      ? value.filter((v) => v.trim() !== '')
      : value.trim() === ''
        ? undefined
        : value
    if (cleaned === undefined) continue
    const parts = key.split('.')
    if (parts.some((p) => p === '' || UNSAFE_KEYS.has(p))) continue
    let target = out
    for (const part of parts.slice(0, -1)) {
      target[part] = typeof target[part] === 'object' && target[part] !== null ? target[part] : {}
      target = target[part] as Record<string, unknown>
    }
    target[parts[parts.length - 1] as string] = cleaned
  }
  return out
}

export type FormResult<T> =
  | { ok: true; value: T; values: FormValues }
  | { ok: false; issues: Issue[]; values: FormValues }

export async function parseForm<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<FormResult<z.output<S>>> {
  const values = await readForm(c)
  const parsed = parseWith(schema, forSchema(values))
  return parsed.ok ? { ok: true, value: parsed.value, values } : { ok: false, issues: parsed.issues, values }
}

export function fieldValue(values: FormValues | undefined, name: string): string {
  const v = values?.[name]
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '')
}

export function fieldValues(values: FormValues | undefined, name: string): string[] {
  const v = values?.[name]
  return Array.isArray(v) ? v : v ? [v] : []
}
