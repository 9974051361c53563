// A link to the process's scorecard on the process page.
import type { Context } from 'hono'
import type { AppEnv } from '../../core/http/context.ts'

export async function scorecardSection(c: Context<AppEnv>, process: { id: number }) {
  const t = c.var.i18n.t
  return (
    <section aria-labelledby="scorecard">
      <h2 id="scorecard">{t('scorecard.section.title')}</h2>
      <p>
        <a href={`/scorecard/processes/${process.id}`}>{t('scorecard.section.link')}</a>
      </p>
    </section>
  )
}
