// The link a process's or a body's page carries to its balance of participation.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'

export function balanceLink(c: Context<AppEnv>, scope: 'process' | 'body', id: number) {
  const t = c.var.i18n.t
  return (
    <section aria-labelledby="balance-link">
      <h2 id="balance-link">{t('balance.heading')}</h2>
      <p>
        <a href={`/balance/${scope}/${id}`}>{t(`balance.see.${scope}`)}</a>
      </p>
    </section>
  )
}
