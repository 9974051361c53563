// The knowledge focal point's queue: suggested items, each published or declined with a note.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { ErrorSummary, Form, type FormState, TextField } from '../../../core/ui/form.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import type { Item } from '../queries.ts'

export function renderQueue(
  c: Context<AppEnv>,
  view: { queue: Item[]; refused?: { id: number; form: FormState } | undefined },
) {
  const t = c.var.i18n.t
  const title = t('knowledge.queue.title')
  return renderPage(
    c,
    { title, status: view.refused ? 422 : 200 },
    <>
      <p>
        <a href="/administration">{t('administration.title')}</a>
      </p>
      <h1>{title}</h1>
      <p role="status">{t('knowledge.queue.count', { count: view.queue.length })}</p>
      {view.queue.map((item) => {
        // each item's form has its own ids; a refused one comes back as it was typed
        const form =
          view.refused?.id === item.id
            ? { ...view.refused.form, idPrefix: `item-${item.id}-` }
            : { idPrefix: `item-${item.id}-` }
        return (
          <article class="card">
            <h2>{item.title}</h2>
            <p>{item.abstract}</p>
            <ErrorSummary t={t} form={form} />
            <Form action={`/library/${item.id}/decide`} csrfToken={c.var.csrfToken}>
              <TextField t={t} form={form} name="note" label={t('knowledge.queue.note')} />
              <div class="actions">
                <button type="submit" class="button" name="decision" value="published">
                  {t('knowledge.queue.publish')}
                </button>
                <button type="submit" class="button secondary" name="decision" value="declined">
                  {t('knowledge.queue.decline')}
                </button>
              </div>
            </Form>
          </article>
        )
      })}
    </>,
  )
}
