// The section "In force" on a meeting's page: the current revision of each negotiating document
// of its process and the silence procedures running, their deadline in the reader's time zone.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { textLanguage } from '../../../core/i18n/locales.ts'
import type { InForce } from '../queries-in-force.ts'
import { revisionName } from '../rules/amendments.ts'

export function InForceSection({ c, inForce }: { c: Context<AppEnv>; inForce: InForce }) {
  const { t, dateTime, date } = c.var.i18n
  return (
    <section aria-labelledby="in-force">
      <h2 id="in-force">{t('negotiation.inForce.title')}</h2>
      <ul>
        {inForce.documents.map((d) => (
          <li>
            <a href={`/negotiation/${d.id}`} {...textLanguage(d.language)}>
              {d.title}
            </a>{' '}
            {d.symbol ? <bdi dir="ltr">{d.symbol}</bdi> : null}
            {': '}
            {d.revision ? (
              <a href={`/negotiation/${d.id}/revisions/${d.revision.number}`}>
                {t('negotiation.inForce.revision', {
                  name: revisionName(t, d.revision),
                  date: date(d.revision.issuedAt),
                })}
              </a>
            ) : (
              t('negotiation.inForce.noRevision')
            )}
          </li>
        ))}
      </ul>
      {inForce.silences.length ? (
        <>
          <h3>{t('negotiation.inForce.silences')}</h3>
          <ul>
            {inForce.silences.map((s) => (
              <li>
                <a href={`/negotiation/${s.documentId}`}>
                  <bdi>{s.documentTitle}</bdi>
                </a>
                {': '}
                {t('negotiation.inForce.silence', { count: s.paragraphs })}{' '}
                <time datetime={s.deadline.toISOString()}>
                  {t('negotiation.inForce.until', { deadline: dateTime(s.deadline) })}
                </time>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}
