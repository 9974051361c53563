// The negotiation module's open data: the negotiation record of every negotiating document (its paragraphs, the amendments tabled, each Member State's positions as given, the
// Chair's declarations and the revisions issued). Read through the module's own query functions,
// so the datasets follow any change to how positions and the rest are stored. Who spoke for a
// State (the delegate's account) is left out; the State is the one that holds the position.
import type { Db } from '../../core/db/database.ts'
import type { OpenDataset } from '../../core/module.ts'
import { listProcesses } from '../processes/index.ts'
import {
  amendmentsOf,
  documentsOf,
  type NegotiatingDocument,
  paragraphsOf,
  positionEvents,
  revisionsOf,
  statementsOf,
} from './queries.ts'

/** Every negotiating document with its record, one document at a time. */
async function records(db: Db, documents: readonly NegotiatingDocument[]) {
  const out = []
  for (const document of documents) {
    const [paragraphs, amendments, revisions, statements] = await Promise.all([
      paragraphsOf(db, document.id),
      amendmentsOf(db, document.id),
      revisionsOf(db, document.id),
      statementsOf(db, document.id),
    ])
    const [onParagraphs, onAmendments] = await Promise.all([
      positionEvents(
        db,
        'paragraph',
        paragraphs.map((p) => p.id),
      ),
      positionEvents(
        db,
        'amendment',
        amendments.map((a) => a.id),
      ),
    ])
    const positions = [
      ...[...onParagraphs].flatMap(([id, events]) => events.map((e) => ({ subjectType: 'paragraph', id, ...e }))),
      ...[...onAmendments].flatMap(([id, events]) => events.map((e) => ({ subjectType: 'amendment', id, ...e }))),
    ]
    out.push({ document, paragraphs, amendments, revisions, statements, positions })
  }
  return out
}

export async function negotiationOpenData(db: Db): Promise<OpenDataset[]> {
  const processes = await listProcesses(db)
  const documents: NegotiatingDocument[] = []
  for (const process of processes) {
    documents.push(...(await documentsOf(db, process.id)))
  }
  const record = await records(db, documents)
  const documentKey = [{ fields: ['document_id'], reference: { resource: 'negotiating_documents', fields: ['id'] } }]
  return [
    {
      name: 'negotiating_documents',
      description: 'Negotiating documents (draft outcomes negotiated paragraph by paragraph)',
      fields: [
        { name: 'id', type: 'integer', description: 'Identifier' },
        { name: 'process_id', type: 'integer', description: 'The process' },
        { name: 'title', type: 'string', description: 'Title' },
        { name: 'symbol', type: 'string', description: 'Document symbol' },
        { name: 'language', type: 'string', description: 'The language the text is negotiated in' },
        { name: 'current_revision', type: 'integer', description: 'The latest revision issued (0: the zero draft)' },
        { name: 'opened_at', type: 'datetime', description: 'When it was opened (UTC)' },
      ],
      primaryKey: ['id'],
      foreignKeys: [{ fields: ['process_id'], reference: { resource: 'processes', fields: ['id'] } }],
      rows: documents.map((d) => ({
        id: d.id,
        process_id: d.processId,
        title: d.title,
        symbol: d.symbol,
        language: d.language,
        current_revision: d.currentRevision,
        opened_at: d.createdAt,
      })),
    },
    {
      name: 'negotiation_paragraphs',
      description: 'The paragraphs of each negotiating document as they stand, with their status',
      fields: [
        { name: 'id', type: 'integer', description: 'Identifier' },
        { name: 'document_id', type: 'integer', description: 'The negotiating document' },
        { name: 'position', type: 'integer', description: 'Its place in the document' },
        { name: 'parent_id', type: 'integer', description: 'The paragraph it is a part of (lettered parts)' },
        { name: 'kind', type: 'string', description: 'preambular, operative, heading or narrative' },
        { name: 'label', type: 'string', description: 'Its number or letter (1., (a), 2 bis)' },
        { name: 'text', type: 'string', description: 'Its text, [brackets] included' },
        {
          name: 'status',
          type: 'string',
          description: 'proposed, bracketed, agreed_ad_ref, adopted, no_consensus or deleted',
        },
        { name: 'alternative_group', type: 'string', description: 'The alternatives it is one of' },
        { name: 'alternative_label', type: 'string', description: 'Its label among them (Alt. 1)' },
        { name: 'proposal_id', type: 'integer', description: 'The proposal it comes from' },
      ],
      primaryKey: ['id'],
      foreignKeys: [
        ...documentKey,
        { fields: ['parent_id'], reference: { resource: 'negotiation_paragraphs', fields: ['id'] } },
        { fields: ['proposal_id'], reference: { resource: 'proposals', fields: ['id'] } },
      ],
      rows: record.flatMap((r) =>
        r.paragraphs.map((p) => ({
          id: p.id,
          document_id: p.documentId,
          position: p.position,
          parent_id: p.parentId,
          kind: p.kind,
          label: p.label,
          text: p.text,
          status: p.status,
          alternative_group: p.alternativeGroup,
          alternative_label: p.alternativeLabel,
          proposal_id: p.proposalId,
        })),
      ),
    },
    {
      name: 'negotiation_amendments',
      description: 'Amendments tabled to the paragraphs, by whom and what became of them',
      fields: [
        { name: 'id', type: 'integer', description: 'Identifier' },
        { name: 'document_id', type: 'integer', description: 'The negotiating document' },
        { name: 'paragraph_id', type: 'integer', description: 'The paragraph it amends' },
        {
          name: 'operation',
          type: 'string',
          description:
            'insert_paragraph, delete_paragraph, replace_text, insert_text, delete_text or propose_alternative',
        },
        { name: 'quoted_old', type: 'string', description: 'The text it changes, as quoted' },
        { name: 'new_text', type: 'string', description: 'The text it proposes' },
        { name: 'justification', type: 'string', description: 'Why' },
        { name: 'member_state', type: 'string', description: 'The State that tabled it (ISO alpha-3)' },
        { name: 'organization_id', type: 'integer', description: 'The organization that tabled it' },
        { name: 'base_revision', type: 'integer', description: 'The revision it was tabled against' },
        { name: 'status', type: 'string', description: 'tabled, incorporated, rejected, withdrawn or superseded' },
        { name: 'superseded_by_id', type: 'integer', description: 'The amendment that replaced it' },
        { name: 'tabled_at', type: 'datetime', description: 'When it was tabled (UTC)' },
        { name: 'decided_at', type: 'datetime', description: 'When it was decided (UTC)' },
      ],
      primaryKey: ['id'],
      foreignKeys: [
        ...documentKey,
        { fields: ['paragraph_id'], reference: { resource: 'negotiation_paragraphs', fields: ['id'] } },
      ],
      rows: record.flatMap((r) =>
        r.amendments.map((a) => ({
          id: a.id,
          document_id: a.documentId,
          paragraph_id: a.paragraphId,
          operation: a.operation,
          quoted_old: a.quotedOld,
          new_text: a.newText,
          justification: a.justification,
          member_state: a.memberStateIso3,
          organization_id: a.organizationId,
          base_revision: a.baseRevision,
          status: a.status,
          superseded_by_id: a.supersededById,
          tabled_at: a.createdAt,
          decided_at: a.decidedAt,
        })),
      ),
    },
    {
      name: 'negotiation_positions',
      description:
        'Every position a Member State gave on a paragraph or an amendment, oldest first; a State’s position is its latest',
      fields: [
        { name: 'subject_type', type: 'string', description: 'paragraph or amendment' },
        { name: 'subject_id', type: 'integer', description: 'The paragraph or amendment' },
        { name: 'member_state', type: 'string', description: 'The State (ISO alpha-3)' },
        { name: 'position', type: 'string', description: 'support, no_objection, objection or reservation' },
        { name: 'note', type: 'string', description: 'What the State said with it' },
        { name: 'at', type: 'datetime', description: 'When it was given (UTC)' },
      ],
      foreignKeys: [{ fields: ['member_state'], reference: { resource: 'member_states', fields: ['iso3'] } }],
      rows: record.flatMap((r) =>
        r.positions.map((p) => ({
          subject_type: p.subjectType,
          subject_id: p.id,
          member_state: p.memberStateIso3,
          position: p.position,
          note: p.note ?? null,
          at: p.at,
        })),
      ),
    },
    {
      name: 'negotiation_statements',
      description:
        'The Chair’s declarations (agreed ad ref, adopted, no consensus) and States’ explanations and reservations',
      fields: [
        { name: 'id', type: 'integer', description: 'Identifier' },
        { name: 'document_id', type: 'integer', description: 'The negotiating document' },
        { name: 'paragraph_id', type: 'integer', description: 'The paragraph it is about' },
        { name: 'kind', type: 'string', description: 'declaration, explanation or reservation' },
        { name: 'declaration', type: 'string', description: 'agreed_ad_ref, adopted or no_consensus' },
        { name: 'method', type: 'string', description: 'consensus or silence_procedure' },
        { name: 'member_state', type: 'string', description: 'The State that made it (ISO alpha-3)' },
        { name: 'text', type: 'string', description: 'What was said' },
        { name: 'at', type: 'datetime', description: 'When (UTC)' },
      ],
      primaryKey: ['id'],
      foreignKeys: documentKey,
      rows: record.flatMap((r) =>
        r.statements.map((s) => ({
          id: s.id,
          document_id: s.documentId,
          paragraph_id: s.paragraphId,
          kind: s.kind,
          declaration: s.declaration,
          method: s.method,
          member_state: s.memberStateIso3,
          text: s.text,
          at: s.at,
        })),
      ),
    },
    {
      name: 'negotiation_revisions',
      description: 'Revisions issued (zero draft, Rev.1, Rev.2 ...): immutable snapshots with their fingerprint',
      fields: [
        { name: 'id', type: 'integer', description: 'Identifier' },
        { name: 'document_id', type: 'integer', description: 'The negotiating document' },
        { name: 'number', type: 'integer', description: '0 for the zero draft, then 1, 2 ...' },
        { name: 'label', type: 'string', description: 'Zero draft, Rev.1 ...' },
        { name: 'content_hash', type: 'string', description: 'Fingerprint of the snapshot (SHA-256)' },
        { name: 'change_note', type: 'string', description: 'The Chair’s note on the changes' },
        { name: 'issued_at', type: 'datetime', description: 'When it was issued (UTC)' },
        { name: 'paragraphs', type: 'array', description: 'The snapshot: every paragraph as issued (JSON)' },
      ],
      primaryKey: ['id'],
      foreignKeys: documentKey,
      rows: record.flatMap((r) =>
        r.revisions.map((v) => ({
          id: v.id,
          document_id: v.documentId,
          number: v.number,
          label: v.label,
          content_hash: v.contentHash,
          change_note: v.changeNote,
          issued_at: v.issuedAt,
          paragraphs: v.snapshot,
        })),
      ),
    },
  ]
}
