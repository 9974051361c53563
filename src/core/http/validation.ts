// Turns zod's issues into our Issue values: a path and a message key with its values, so the
// same failure reads well in six languages and in the API.
import type { z } from 'zod'
import type { Issue } from '../result.ts'

type ZodIssue = z.core.$ZodIssue

/** The value at `path` in what was given; undefined when that field was not given at all. */
function givenAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

function toIssue(issue: ZodIssue, input?: unknown): Issue {
  const path = issue.path.map(String).join('.')
  switch (issue.code) {
    case 'invalid_type':
      // a coerced schema (an id, a number) sees NaN for a field left blank: what was given decides
      return issue.input === undefined || issue.input === null || givenAt(input, issue.path) == null
        ? { path, code: 'validation.required' }
        : { path, code: 'validation.invalidType' }
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? { path, code: 'validation.required' }
          : { path, code: 'validation.tooShort', values: { min: Number(issue.minimum) } }
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return { path, code: 'validation.tooFewItems', values: { min: Number(issue.minimum) } }
      }
      return { path, code: 'validation.tooSmall', values: { min: Number(issue.minimum) } }
    case 'too_big':
      if (issue.origin === 'string') return { path, code: 'validation.tooLong', values: { max: Number(issue.maximum) } }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return { path, code: 'validation.tooManyItems', values: { max: Number(issue.maximum) } }
      }
      return { path, code: 'validation.tooBig', values: { max: Number(issue.maximum) } }
    case 'invalid_format':
      if (issue.format === 'email') return { path, code: 'validation.email' }
      if (issue.format === 'url') return { path, code: 'validation.url' }
      return { path, code: 'validation.format' }
    case 'invalid_value':
      return { path, code: 'validation.choice' }
    case 'unrecognized_keys':
      return { path: [path, ...issue.keys].filter(Boolean).join('.'), code: 'validation.unknownField' }
    case 'custom':
      // refinements carry a message key as their message
      return { path, code: issue.message.includes('.') ? issue.message : 'validation.invalid' }
    default:
      return { path, code: 'validation.invalid' }
  }
}

export function zodIssues(error: z.ZodError, input?: unknown): Issue[] {
  return error.issues.map((i) => toIssue(i as ZodIssue, input))
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: Issue[] }

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(input, { reportInput: true })
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: zodIssues(result.error, input) }
}
