// Sections other modules add to a module's page (ModuleManifest.sections), in their order.
import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { AppEnv } from '../http/context.ts'

export async function renderSections(
  c: Context<AppEnv>,
  kind: string,
  subject: { id: number; bodyId: number },
  placement: 'header' | 'main' = 'main',
): Promise<Child[]> {
  const sections = c.var.deps.modules
    .flatMap((m) => (m.sections?.[kind] ? [m.sections[kind]] : []))
    .filter((s) => (s.placement ?? 'main') === placement)
    .sort((a, b) => a.order - b.order)
  const rendered: Child[] = []
  for (const section of sections) {
    const node = await section.render(c, subject)
    if (node !== null) rendered.push(node)
  }
  return rendered
}
