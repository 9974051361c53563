// A negotiating document's JSON, as `GET /api/v1/negotiation/{id}` gives it, from the same read
// model as its page (detail.ts): each paragraph with its standing summary, never every State's
// position; those and the amendments are paginated sub-resources (api-pages.ts).
import { standingSummary } from './api-pages.ts'
import type { DocumentDetail } from './detail.ts'

export function documentJson(d: DocumentDetail) {
  const { document } = d
  return {
    id: document.id,
    process: document.processId,
    title: document.title,
    symbol: document.symbol,
    language: document.language,
    currentRevision: document.currentRevision,
    revisions: d.revisions.map((r) => ({
      number: r.number,
      label: r.label,
      issuedAt: r.issuedAt.toISOString(),
      contentHash: r.contentHash,
    })),
    amendments: `/api/v1/negotiation/${document.id}/amendments`,
    paragraphs: d.paragraphs.map((p) => ({
      id: p.id,
      parent: p.parentId,
      kind: p.kind,
      label: p.label,
      text: p.text,
      status: p.status,
      proposal: p.proposalId,
      standing: standingSummary(d.tallies.get(p.id)),
      openAmendments: d.openAmendments.get(p.id) ?? 0,
      positions: `/api/v1/paragraphs/${p.id}/positions`,
    })),
  }
}
