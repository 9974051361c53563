// What the negotiation adds to the proposals' pages: the button to open a negotiating document
// and the process's documents beside its proposals, and the paragraphs a proposal's text became.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { Tag } from '../../../core/ui/components.tsx'
import type { NegotiatingDocument, Paragraph } from '../queries.ts'

export function OpenDocumentButton({ c, processId }: { c: Context<AppEnv>; processId: number }) {
  return (
    <li>
      <a class="button secondary" href={`/negotiation/new?process=${processId}`}>
        {c.var.i18n.t('negotiation.documents.new')}
      </a>
    </li>
  )
}

export function DocumentsOfProcess({ c, documents }: { c: Context<AppEnv>; documents: NegotiatingDocument[] }) {
  const t = c.var.i18n.t
  return (
    <section aria-labelledby="documents">
      <h2 id="documents">{t('negotiation.documents.title')}</h2>
      <ul>
        {documents.map((d) => (
          <li>
            <a href={`/negotiation/${d.id}`}>{d.title}</a> {d.symbol ? <span class="muted">{d.symbol}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  )
}

export function WhereItWent({
  c,
  paragraphs,
}: {
  c: Context<AppEnv>
  paragraphs: (Paragraph & { documentTitle: string })[]
}) {
  const t = c.var.i18n.t
  return (
    <section aria-labelledby="went">
      <h2 id="went">{t('negotiation.proposal.whereItWent')}</h2>
      <ul>
        {paragraphs.map((p) => (
          <li>
            <a href={`/negotiation/${p.documentId}#para-${p.id}`}>
              {p.documentTitle} {p.label}
            </a>{' '}
            <Tag>{t(`negotiation.status.${p.status}`)}</Tag>
          </li>
        ))}
      </ul>
    </section>
  )
}
