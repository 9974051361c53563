// Sections other modules add to a page about a process or a body (a follow button, a process's
// contributions, a body's processes, what the negotiation made of a proposal), in their order:
// see PageSection in core/module.ts.
import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { AppEnv } from '../http/context.ts'
import type { SectionSubject } from '../module.ts'

export async function sectionsFor(
  c: Context<AppEnv>,
  kind: string,
  subject: SectionSubject,
  placement: 'header' | 'main' = 'main',
): Promise<Child[]> {
  const sections = c.var.deps.modules
    .flatMap((m) => (m.sections?.[kind] ? [m.sections[kind]] : []))
    .filter((s) => (s.placement ?? 'main') === placement)
    .sort((a, b) => a.order - b.order)
  // rendered side by side: on PostgreSQL their reads then overlap instead of queueing one after another
  const rendered = await Promise.all(sections.map((section) => section.render(c, subject)))
  return rendered.filter((node) => node !== null)
}
