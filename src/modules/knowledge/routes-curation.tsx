// The knowledge focal point's work: correcting an item, and the queue of suggestions published or
// declined with a note. A refused form comes back as typed, each reason beside its field.
import type { Hono } from 'hono'
import { can } from '../../core/auth/authorize.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { respondError } from '../../core/http/errors.tsx'
import { parseForm } from '../../core/http/forms.ts'
import { requireAccount } from '../../core/http/guards.ts'
import { decideSuggestion, updateItem } from './commands.ts'
import { findItem, suggestions } from './queries.ts'
import { itemForm, itemId, saved } from './routes-shared.ts'
import { DecisionInput, ItemForm } from './schemas.ts'
import { renderQueue } from './views/queue.tsx'

export function registerCurationRoutes(app: Hono<AppEnv>): void {
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
