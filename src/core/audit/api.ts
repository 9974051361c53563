// The audit log's JSON API, for verifiers: the latest signed checkpoint, entries in their public
// form, and RFC 6962 inclusion and consistency proofs (hashes in base64). All public reads.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { errorResponses, json, PUBLIC_READ } from '../http/api.ts'
import type { AppEnv } from '../http/context.ts'
import { apiError } from '../http/errors.tsx'
import type { Issue } from '../result.ts'
import { checkpointJson, publishedCheckpoint } from './checkpoint.ts'
import { readPublicEntries } from './log-read.ts'
import { storedConsistencyProof, storedInclusionProof, storedTreeSize } from './tree-store.ts'

const tags = ['Audit log']
export const MAX_ENTRIES = 1000

const count = (name: string, description: string) =>
  z
    .string()
    .regex(/^(0|[1-9][0-9]{0,14})$/)
    .transform(Number)
    .openapi({ param: { name, in: 'query' }, type: 'integer', minimum: 0, description })

const base64Hash = z.string().openapi({ description: 'SHA-256 hash, base64', example: 'AAAA...=' })

const CheckpointSchema = z
  .object({
    treeSize: z.number().int(),
    rootHash: base64Hash,
    timestamp: z.string().openapi({ description: 'When it was signed (ISO 8601)' }),
    signature: z.string().openapi({ description: 'Ed25519 signature of `text`, base64 (64 bytes)' }),
    publicKey: z.string().openapi({ description: 'The log’s Ed25519 public key, base64 (raw 32 bytes)' }),
    text: z.string().openapi({ description: 'The signed checkpoint text (C2SP tlog-checkpoint note body)' }),
  })
  .openapi('AuditCheckpoint')

const EntrySchema = z
  .object({
    index: z.number().int().openapi({ description: 'Leaf index (0-based); the entry’s seq is index + 1' }),
    entry: z.record(z.string(), z.unknown()).openapi({
      description: 'The public form; its leaf is SHA-256(0x00 || RFC 8785 canonical JSON). See docs/audit-log.md',
    }),
  })
  .openapi('AuditEntry')

const checkpointRoute = createRoute({
  method: 'get',
  path: '/audit/checkpoint',
  operationId: 'getAuditCheckpoint',
  security: PUBLIC_READ,
  tags,
  summary: 'The latest signed checkpoint of the audit log',
  description: 'The same checkpoint as a C2SP signed note (text) is at /audit/checkpoint.',
  responses: { 200: json(CheckpointSchema, 'The checkpoint'), 401: errorResponses[401] },
})

const entriesRoute = createRoute({
  method: 'get',
  path: '/audit/entries',
  operationId: 'listAuditEntries',
  security: PUBLIC_READ,
  tags,
  summary: 'Entries of the audit log, in order',
  description: `Entries with index in [start, end), at most ${MAX_ENTRIES} per call; fewer when the log is shorter.`,
  request: {
    query: z.object({ start: count('start', 'First index'), end: count('end', 'Index after the last one') }),
  },
  responses: {
    200: json(z.object({ data: z.array(EntrySchema) }), 'The entries'),
    400: errorResponses[400],
    401: errorResponses[401],
  },
})

const inclusionRoute = createRoute({
  method: 'get',
  path: '/audit/proof/inclusion',
  operationId: 'getAuditInclusionProof',
  security: PUBLIC_READ,
  tags,
  summary: 'The RFC 6962 audit path of one entry in a tree of a given size',
  request: {
    query: z.object({ index: count('index', 'Leaf index'), treeSize: count('treeSize', 'Tree size') }),
  },
  responses: {
    200: json(
      z.object({ leafIndex: z.number().int(), treeSize: z.number().int(), hashes: z.array(base64Hash) }),
      'The proof',
    ),
    400: errorResponses[400],
    401: errorResponses[401],
  },
})

const consistencyRoute = createRoute({
  method: 'get',
  path: '/audit/proof/consistency',
  operationId: 'getAuditConsistencyProof',
  security: PUBLIC_READ,
  tags,
  summary: 'The RFC 6962 consistency proof between two tree sizes',
  request: { query: z.object({ from: count('from', 'Older tree size'), to: count('to', 'Newer tree size') }) },
  responses: {
    200: json(z.object({ hashes: z.array(base64Hash) }), 'The proof'),
    400: errorResponses[400],
    401: errorResponses[401],
  },
})

const tooBig = (path: string, max: number): Issue => ({ path, code: 'validation.tooBig', values: { max } })
const refuse = (c: Context<AppEnv>, issues: Issue[]) => apiError(c, { type: 'invalid', id: 'invalid_input', issues })
const b64 = (hashes: Buffer[]) => hashes.map((h) => h.toString('base64'))

export function registerAuditApi(api: OpenAPIHono<AppEnv>): void {
  api.openapi(checkpointRoute, async (c) =>
    c.json(checkpointJson(await publishedCheckpoint(c.var.db, c.var.deps.now())), 200),
  )

  api.openapi(entriesRoute, async (c) => {
    const { start, end } = c.req.valid('query')
    if (start > end) return refuse(c, [tooBig('start', end)])
    if (end - start > MAX_ENTRIES) return refuse(c, [tooBig('end', start + MAX_ENTRIES)])
    const data = []
    for await (const line of readPublicEntries(c.var.db, start, end)) data.push(line)
    return c.json({ data }, 200)
  })

  api.openapi(inclusionRoute, async (c) => {
    const { index, treeSize } = c.req.valid('query')
    const size = await storedTreeSize(c.var.db)
    const issues = [
      ...(treeSize > size ? [tooBig('treeSize', size)] : []),
      ...(index >= treeSize ? [tooBig('index', Math.max(treeSize - 1, 0))] : []),
    ]
    if (issues.length) return refuse(c, issues)
    const hashes = await storedInclusionProof(c.var.db, index, treeSize)
    return c.json({ leafIndex: index, treeSize, hashes: b64(hashes) }, 200)
  })

  api.openapi(consistencyRoute, async (c) => {
    const { from, to } = c.req.valid('query')
    const size = await storedTreeSize(c.var.db)
    const issues = [...(to > size ? [tooBig('to', size)] : []), ...(from > to ? [tooBig('from', to)] : [])]
    if (issues.length) return refuse(c, issues)
    return c.json({ hashes: b64(await storedConsistencyProof(c.var.db, from, to)) }, 200)
  })
}
