// The knowledge library's pages: search with facets, one item with its language versions, the
// suggestion form and the focal point's queue. Any query gets results or an empty list. Each
// handler parses (schemas.ts), authorizes, calls a command or a query and renders a view.
import type { Context, Hono } from 'hono'
import { can } from '../../core/auth/authorize.ts'
import { contentDisposition } from '../../core/formats/content-disposition.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { flash } from '../../core/http/cookies.ts'
import { respondError } from '../../core/http/errors.tsx'
import { parseForm } from '../../core/http/forms.ts'
import { requireAccount } from '../../core/http/guards.ts'
import { idParam } from '../../core/http/ids.ts'
import { pageParam } from '../../core/ui/components.tsx'
import type { FormState } from '../../core/ui/form.tsx'
import { localized } from '../actors/index.ts'
import { listIssues } from '../coordination/index.ts'
import { decideSuggestion, type ItemInput, publishItem, suggestItem, updateItem } from './commands.ts'
import { findItem, itemFile, searchLibrary, suggestions, versionsOfWork } from './queries.ts'
import { DecisionInput, ItemForm, LibraryQuery } from './schemas.ts'
import { renderItem } from './views/item.tsx'
import { renderItemForm } from './views/item-form.tsx'
import { renderLibrary } from './views/library.tsx'
import { renderQueue } from './views/queue.tsx'

const PAGE_SIZE = 20
// the one id reader (core/http/ids.ts); the route's guard has refused anything else
const itemId = (c: Context<AppEnv>) => idParam(c)

async function issueNames(c: Context<AppEnv>) {
  const issues = await listIssues(c.var.db)
  const names = new Map(issues.map((i) => [i.slug, localized(i.name, c.var.i18n.locale)]))
  return { issues, issueName: (slug: string) => names.get(slug) ?? slug }
}

function saved(c: Context<AppEnv>, to: string, message = 'flash.saved') {
  flash(c, message)
  return c.redirect(to, 303)
}

async function itemForm(c: Context<AppEnv>, form: FormState, status: 200 | 422 = 200, editing?: number) {
  const canCurate = can(c.var.actor, 'library.curate')
  return renderItemForm(c, { form, ...(await issueNames(c)), canCurate, editing, status })
}

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

  app.get('/library/:id{[0-9]+}/edit', async (c) => {
    const actor = await requireAccount(c, 'library.curate')
    if (actor instanceof Response) return actor
    const item = await findItem(c.var.db, itemId(c))
    if (!item) return respondError(c, { type: 'not_found', id: 'library_item_not_found' })
    const values = {
      title: item.title,
      type: item.type,
      language: item.language,
      abstract: item.abstract,
      authors: item.authors.join('; '),
      publishedOn: item.publishedOn ? String(item.publishedOn).slice(0, 10) : '',
      url: item.url ?? '',
      issues: item.issueSlugs,
    }
    return itemForm(c, { values }, 200, item.id)
  })

  app.post('/library/:id{[0-9]+}/edit', async (c) => {
    const id = itemId(c)
    const form = await parseForm(c, ItemForm)
    if (!form.ok) return itemForm(c, form, 422, id)
    const { versionOf: _ignored, issues, ...rest } = form.value
    const result = await updateItem(c.var.db, commandContext(c), id, { ...rest, issueSlugs: issues })
    if (!result.ok)
      return result.error.type === 'invalid'
        ? itemForm(c, { values: form.values, issues: result.error.issues }, 422, id)
        : respondError(c, result.error)
    return saved(c, `/library/${id}`)
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

  app.get('/administration/library', async (c) => {
    const actor = await requireAccount(c, 'library.curate')
    if (actor instanceof Response) return actor
    return renderQueue(c, { queue: await suggestions(c.var.db) })
  })

  app.post('/library/:id{[0-9]+}/decide', async (c) => {
    const form = await parseForm(c, DecisionInput)
    if (!form.ok) {
      // a decision the buttons cannot send is a bad request; an over-long note comes back beside its field
      if (!can(c.var.actor, 'library.curate') || form.issues.some((i) => i.path === 'decision'))
        return respondError(c, { type: 'invalid', id: 'invalid_input', issues: form.issues })
      return renderQueue(c, { queue: await suggestions(c.var.db), refused: { id: itemId(c), form } })
    }
    const result = await decideSuggestion(
      c.var.db,
      commandContext(c),
      itemId(c),
      form.value.decision,
      form.value.note ?? '',
    )
    if (!result.ok) return respondError(c, result.error)
    return saved(c, '/administration/library')
  })
}
