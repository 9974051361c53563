// The processes of a body, as a section of the body's page (the bodies module's page).
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { Tag } from '../../../core/ui/components.tsx'
import type { Process } from '../queries.ts'

export function BodyProcesses({ c, processes }: { c: Context<AppEnv>; processes: Process[] }) {
  const t = c.var.i18n.t
  return (
    <section aria-labelledby="body-processes">
      <h2 id="body-processes">{t('processes.processes.title')}</h2>
      <ul>
        {processes.map((p) => (
          <li>
            <a href={`/processes/${p.id}`}>{p.title}</a> <Tag>{t(`processes.state.${p.state}`)}</Tag>
          </li>
        ))}
      </ul>
    </section>
  )
}
