// The consultation's section of a process page: for each call, its campaigns, the compilation
// read by campaign, and (for the Secretariat) its imports.
import type { Context } from 'hono'
import { can } from '../../core/auth/authorize.ts'
import type { AppEnv } from '../../core/http/context.ts'
import type { SectionSubject } from '../../core/module.ts'
import { callsOf } from '../processes/index.ts'

export async function consultationSection(c: Context<AppEnv>, process: SectionSubject) {
  // the process's page hands its calls over; read them only when a page did not
  const calls = process.calls ?? (await callsOf(c.var.db, process.id))
  if (calls.length === 0) return null
  const t = c.var.i18n.t
  const staff = can(c.var.actor, 'contribution.import')
  return (
    <section aria-labelledby="consultation">
      <h2 id="consultation">{t('consultation.section.title')}</h2>
      <ul>
        {calls.map((call) => (
          <li>
            {call.title}: <a href={`/calls/${call.id}/campaigns`}>{t('consultation.campaigns.link')}</a> ·{' '}
            <a href={`/calls/${call.id}/compilation/campaigns`}>{t('consultation.compilation.link')}</a>
            {staff ? (
              <>
                {' '}
                · <a href={`/calls/${call.id}/imports`}>{t('consultation.section.imports')}</a>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
