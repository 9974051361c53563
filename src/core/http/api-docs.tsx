// A readable page of the API, rendered on the server from the same OpenAPI document that
// /api/openapi.json serves (no client-side viewer to download).
import type { Context } from 'hono'
import { renderPage } from '../ui/layout.tsx'
import type { AppEnv } from './context.ts'

interface Parameter {
  name: string
  in: string
  required?: boolean
  description?: string
  schema?: { type?: string; enum?: unknown[] }
}

interface Operation {
  operationId?: string
  security?: Record<string, string[]>[]
  summary?: string
  description?: string
  tags?: string[]
  parameters?: Parameter[]
  requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> }
  responses?: Record<string, { description?: string }>
}

export interface OpenApiDocument {
  info: { title: string; description?: string; version: string; license?: { name: string; identifier?: string } }
  paths: Record<string, Record<string, Operation>>
}

function schemaName(ref: string | undefined): string | null {
  return ref ? (ref.split('/').pop() ?? null) : null
}

/** Who may call an operation, from its security requirement: anyone, or a token scope or a session. */
function access(c: Context<AppEnv>, op: Operation): string {
  const t = c.var.i18n.t
  const requirements = op.security ?? []
  if (requirements.some((r) => Object.keys(r).length === 0)) return t('apiDocs.access.public')
  const scope = requirements.find((r) => r.bearerToken)?.bearerToken?.[0]
  return scope ? t('apiDocs.access.scope', { scope }) : t('apiDocs.access.session')
}

export function renderApiDocs(c: Context<AppEnv>, doc: OpenApiDocument) {
  const t = c.var.i18n.t
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  )
  const tags = [...new Set(operations.map((o) => o.op.tags?.[0] ?? 'General'))]
  return renderPage(
    c,
    { title: t('apiDocs.title') },
    <>
      <h1>{t('apiDocs.title')}</h1>
      <p class="lead">{t('apiDocs.lead')}</p>
      <ul>
        <li>
          <a href="/api/openapi.json">{t('apiDocs.openapi')}</a>
        </li>
        <li>{t('apiDocs.errors')}</li>
        <li>{t('apiDocs.auth')}</li>
        <li>{t('apiDocs.language')}</li>
      </ul>
      {tags.map((tag) => (
        <section aria-labelledby={`tag-${tag}`}>
          <h2 id={`tag-${tag}`}>{c.var.i18n.has(`apiDocs.tag.${tag}`) ? t(`apiDocs.tag.${tag}`) : tag}</h2>
          {operations
            .filter((o) => (o.op.tags?.[0] ?? 'General') === tag)
            .map(({ path, method, op }) => (
              <article class="card" id={op.operationId}>
                <h3>
                  <code>
                    {method} /api/v1{path}
                  </code>
                </h3>
                {op.summary ? <p>{op.summary}</p> : null}
                <p>
                  {access(c, op)} · <code>{op.operationId}</code>
                </p>
                {op.description ? <p class="muted">{op.description}</p> : null}
                {op.parameters?.length ? (
                  <div class="table-scroll">
                    <table>
                      <caption>{t('apiDocs.parameters')}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('apiDocs.name')}</th>
                          <th scope="col">{t('apiDocs.in')}</th>
                          <th scope="col">{t('apiDocs.type')}</th>
                          <th scope="col">{t('apiDocs.description')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {op.parameters.map((p) => (
                          <tr>
                            <td>
                              <code>{p.name}</code>
                              {p.required ? ' *' : ''}
                            </td>
                            <td>{p.in}</td>
                            <td>{p.schema?.enum ? p.schema.enum.join(' | ') : (p.schema?.type ?? '')}</td>
                            <td>{p.description ?? ''}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                ) : null}
                {op.requestBody ? (
                  <p>
                    {t('apiDocs.body')}{' '}
                    <code>{schemaName(op.requestBody.content?.['application/json']?.schema?.$ref) ?? 'JSON'}</code>
                  </p>
                ) : null}
                <p>
                  {t('apiDocs.responses')}{' '}
                  {Object.entries(op.responses ?? {}).map(([status, r]) => (
                    <span class="tag" title={r.description}>
                      {status}
                    </span>
                  ))}
                </p>
              </article>
            ))}
        </section>
      ))}
    </>,
  )
}
