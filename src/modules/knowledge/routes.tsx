// The knowledge library's pages: search with facets, one item with its language versions, the
// suggestion form and the focal point's queue. Any query gets results or an empty list. Each
// handler parses (schemas.ts), authorizes, calls a command or a query and renders a view.
import type { Context, Hono } from 'hono'
import { can } from '../../core/auth/authorize.ts'
import { contentDisposition } from '../../core/formats/content-disposition.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { respondError } from '../../core/http/errors.tsx'
import { parseForm } from '../../core/http/forms.ts'
import { requireAccount } from '../../core/http/guards.ts'
import { pageParam } from '../../core/ui/components.tsx'
import { type ItemInput, publishItem, suggestItem } from './commands.ts'
import { findItem, itemFile, searchLibrary, versionsOfWork } from './queries.ts'
import { registerCurationRoutes } from './routes-curation.tsx'
import { issueNames, itemForm, itemId, saved } from './routes-shared.ts'
import { ItemForm, LibraryQuery } from './schemas.ts'
import { renderItem } from './views/item.tsx'
import { renderLibrary } from './views/library.tsx'

const PAGE_SIZE = 20
/** The form's fields as the commands take them, with the uploaded file if one was chosen. */
async function itemInput(c: Context<AppEnv>, form: ItemForm): Promise<ItemInput> {
  const { issues, ...rest } = form
  const body = await c.req.parseBody({ all: true })
  const upload = (Array.isArray(body.file) ? body.file : [body.file]).find(
    (v): v is File => v instanceof File && v.size > 0,
  )
  const maxBytes = c.var.deps.config.attachmentMaxBytes
  return {
    ...rest,
    issueSlugs: issues,
    ...(upload ? { file: { name: upload.name, content: new Uint8Array(await upload.arrayBuffer()), maxBytes } } : {}),
  }
}

export function registerKnowledgeRoutes(app: Hono<AppEnv>): void {
  app.get('/library', async (c) => {
    const parsed = LibraryQuery.safeParse(c.req.query())
    const query = parsed.success ? parsed.data : {}
    const page = pageParam(c.req.query('page'))
    const [result, { issueName }] = await Promise.all([
      searchLibrary(c.var.db, { ...query, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
      issueNames(c),
    ])
    return renderLibrary(c, {
      query,
      result,
      page,
      pageSize: PAGE_SIZE,
      issueName,
      canSuggest: can(c.var.actor, 'library.suggest'),
      canCurate: can(c.var.actor, 'library.curate'),
    })
  })

  app.get('/library/suggest', async (c) => {
    const actor = await requireAccount(c, 'library.suggest')
    if (actor instanceof Response) return actor
    return itemForm(c, { values: { language: c.var.i18n.locale } })
  })

  app.post('/library/suggest', async (c) => {
    const form = await parseForm(c, ItemForm)
    if (!form.ok) return itemForm(c, form, 422)
    const input = await itemInput(c, form.value)
    const curate = can(c.var.actor, 'library.curate')
    const result = curate
      ? await publishItem(c.var.db, commandContext(c), input)
      : await suggestItem(c.var.db, commandContext(c), input)
    if (!result.ok)
      return result.error.type === 'invalid'
        ? itemForm(c, { values: form.values, issues: result.error.issues }, 422)
        : respondError(c, result.error)
    return curate
      ? saved(c, `/library/${result.value.id}`, 'flash.itemPublished')
      : saved(c, '/library', 'flash.itemSuggested')
  })

  app.get('/library/:id{[0-9]+}', async (c) => {
    const item = await findItem(c.var.db, itemId(c))
    const canCurate = can(c.var.actor, 'library.curate')
    if (!item || (item.status !== 'published' && !canCurate))
      return respondError(c, { type: 'not_found', id: 'library_item_not_found' })
    const [versions, { issueName }] = await Promise.all([versionsOfWork(c.var.db, item), issueNames(c)])
    return renderItem(c, { item, versions, issueName, canCurate })
  })

  app.get('/library/:id{[0-9]+}/file', async (c) => {
    const file = await itemFile(c.var.db, itemId(c))
    if (!file?.fileContent || (file.status !== 'published' && !can(c.var.actor, 'library.curate')))
      return respondError(c, { type: 'not_found', id: 'library_item_not_found' })
    return c.body(new Uint8Array(file.fileContent), 200, {
      'Content-Type': file.fileMediaType ?? 'application/octet-stream',
      'Content-Disposition': contentDisposition(file.fileName ?? 'file'),
      'X-Content-Type-Options': 'nosniff',
    })
  })

  registerCurationRoutes(app)
}
