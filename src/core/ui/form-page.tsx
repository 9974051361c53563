// A page that is one form: the title as its heading, an optional lead, the summary of what a
// refused form got wrong (each reason linked to its field), then the form itself.
import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { AppEnv } from '../http/context.ts'
import { ErrorSummary, type FormState } from './form.tsx'
import { type PageOptions, renderPage } from './layout.tsx'

export interface FormPage {
  title: string
  form: FormState
  status?: PageOptions['status']
  /** a sentence under the heading */
  lead?: string | undefined
}

export function renderFormPage(c: Context<AppEnv>, page: FormPage, content: Child): Promise<Response> {
  return renderPage(
    c,
    { title: page.title, status: page.status ?? 200 },
    <>
      <h1>{page.title}</h1>
      {page.lead ? <p class="lead">{page.lead}</p> : null}
      <ErrorSummary t={c.var.i18n.t} form={page.form} />
      {content}
    </>,
  )
}
