// What every JSON API write shares: the path id parameter, the JSON body, the refusals it may
// answer, the Idempotency-Key note, and telling a refusal from a value.
import { z } from '@hono/zod-openapi'
import type { DomainError } from '../result.ts'
import { errorResponses } from './api.ts'

export const IDEMPOTENT = 'Send an `Idempotency-Key` header so a retried request is stored once.'

/** A positive integer path parameter, as the OpenAPI document describes it. */
export const pathId = (name: string) =>
  z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name, in: 'path' }, example: 1 })

export const IdParam = z.object({ id: pathId('id') })

/** The refusals every write may answer, in the one error shape. */
export const writeRefusals = {
  400: errorResponses[400],
  401: errorResponses[401],
  403: errorResponses[403],
  404: errorResponses[404],
  409: errorResponses[409],
}

export const jsonBody = <S extends z.ZodType>(schema: S, required = true) => ({
  content: { 'application/json': { schema } },
  required,
})

/** A refusal of one field, in the shape a zod refusal takes. */
export const invalidField = (path: string, code: string): DomainError => ({
  type: 'invalid',
  id: 'invalid_input',
  issues: [{ path, code }],
})

export const isRefusal = (v: object): v is DomainError => 'type' in v && 'id' in v
