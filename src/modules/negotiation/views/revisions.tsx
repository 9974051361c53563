// The revisions of a negotiating document (zero draft, Rev.1, Rev.2 ...), one of them as issued,
// and the comparison of any two: insertions underlined, deletions struck through, brackets shown.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { textLanguage } from '../../../core/i18n/locales.ts'
import { Tag } from '../../../core/ui/components.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import type { NegotiatingDocument, Revision } from '../queries.ts'
import { revisionName } from '../rules/amendments.ts'
import type { ParagraphChange, SnapshotParagraph } from '../rules/compare.ts'
import { DiffPieces, ParagraphText } from './text.tsx'

function Back({ document }: { document: NegotiatingDocument }) {
  return (
    <p class="eyebrow">
      <a href={`/negotiation/${document.id}`} {...textLanguage(document.language)}>
        {document.title}
      </a>
    </p>
  )
}

export function renderRevisions(c: Context<AppEnv>, view: { document: NegotiatingDocument; revisions: Revision[] }) {
  const { i18n } = c.var
  const t = i18n.t
  const { document, revisions } = view
  const title = t('negotiation.revisions.title')
  const last = revisions.at(-1)
  const first = revisions[0]
  return renderPage(
    c,
    { title: `${title}: ${document.title}` },
    <>
      <Back document={document} />
      <h1>{title}</h1>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('negotiation.revisions.label')}</th>
              <th scope="col">{t('negotiation.revisions.issuedAt')}</th>
              <th scope="col">{t('negotiation.revisions.changeNote')}</th>
              <th scope="col">{t('negotiation.revisions.hash')}</th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r) => (
              <tr>
                <td>
                  <a href={`/negotiation/${document.id}/revisions/${r.number}`}>{revisionName(t, r)}</a>
                </td>
                <td>{i18n.dateTime(r.issuedAt)}</td>
                <td dir="auto">{r.changeNote}</td>
                <td>
                  <code>{r.contentHash.slice(0, 12)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {first && last && revisions.length > 1 ? (
        <form method="get" action={`/negotiation/${document.id}/compare`} class="filters">
          <p>
            <label for="cmp-from">{t('negotiation.compare.from')}</label>{' '}
            <select id="cmp-from" name="from">
              {revisions.map((r) => (
                <option value={String(r.number)} selected={r.number === (revisions.at(-2) ?? first).number}>
                  {revisionName(t, r)}
                </option>
              ))}
            </select>
          </p>
          <p>
            <label for="cmp-to">{t('negotiation.compare.to')}</label>{' '}
            <select id="cmp-to" name="to">
              {revisions.map((r) => (
                <option value={String(r.number)} selected={r.number === last.number}>
                  {revisionName(t, r)}
                </option>
              ))}
            </select>
          </p>
          <button type="submit" class="button">
            {t('negotiation.compare.submit')}
          </button>
        </form>
      ) : null}
    </>,
  )
}

export function renderRevision(
  c: Context<AppEnv>,
  view: { document: NegotiatingDocument; revision: Revision; paragraphs: SnapshotParagraph[] },
) {
  const { i18n } = c.var
  const t = i18n.t
  const { document, revision } = view
  return renderPage(
    c,
    { title: `${revisionName(t, revision)}: ${document.title}` },
    <>
      <Back document={document} />
      <h1>
        <span {...textLanguage(document.language)}>{document.title}</span> ({revisionName(t, revision)})
      </h1>
      <p>
        {t('negotiation.revisions.issued', { date: i18n.dateTime(revision.issuedAt) })} ·{' '}
        <code>{revision.contentHash}</code>
      </p>
      <ol class="paragraphs">
        {view.paragraphs.map((p) => (
          <li class={`paragraph ${p.kind} ${p.status}`}>
            <span {...textLanguage(document.language)}>
              <ParagraphText label={p.label} text={p.text} deleted={p.status === 'deleted'} />
            </span>{' '}
            {p.kind === 'operative' || p.kind === 'preambular' ? (
              <Tag>{t(`negotiation.status.${p.status}`)}</Tag>
            ) : null}
          </li>
        ))}
      </ol>
    </>,
  )
}

export function renderComparison(
  c: Context<AppEnv>,
  view: { document: NegotiatingDocument; from: Revision; to: Revision; changes: ParagraphChange[] },
) {
  const t = c.var.i18n.t
  const { document, from, to } = view
  const title = t('negotiation.compare.title', { from: revisionName(t, from), to: revisionName(t, to) })
  return renderPage(
    c,
    { title: `${title}: ${document.title}` },
    <>
      <Back document={document} />
      <h1>{title}</h1>
      <p class="muted">{t('negotiation.compare.legend')}</p>
      <p>
        <a href={`/negotiation/${document.id}/compare.docx?from=${from.number}&to=${to.number}`}>
          {t('negotiation.compare.docx')}
        </a>
      </p>
      <ol class="paragraphs compare">
        {view.changes.map((ch) => (
          <li class={`paragraph ${ch.change}`}>
            <span {...textLanguage(document.language)}>
              {ch.label ? <span class="num">{ch.label}</span> : null} <DiffPieces pieces={ch.pieces} />
            </span>
            {ch.statusFrom !== ch.statusTo && ch.statusTo ? (
              <>
                {' '}
                <Tag>{t(`negotiation.status.${ch.statusTo}`)}</Tag>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </>,
  )
}
