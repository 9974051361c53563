// SQL for the documents of meetings and processes as files: their language versions (metadata
// for lists, the content only for a download) and the writes the upload commands make.
import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import type { Db } from '../../core/db/database.ts'
import { pdb } from './queries.ts'
import type { ProcessDocument } from './queries-meetings.ts'

export interface DocumentVersion {
  id: number
  documentId: number
  language: string
  fileName: string
  mediaType: string
  sizeBytes: number
  sha256: string
  createdAt: Date
}

/** A document with its agenda item and its language versions, the original's first. */
export interface FiledDocument extends ProcessDocument {
  agendaItemId: number | null
  agendaItemTitle: string | null
  agendaItemPosition: number | null
  versions: DocumentVersion[]
}

const versionColumns = [
  'id',
  'documentId',
  'language',
  'fileName',
  'mediaType',
  'sizeBytes',
  'sha256',
  'createdAt',
] as const

/** The documents of a process, or of one meeting, with their versions; issued order. */
export async function filedDocuments(
  db: Db,
  filter: { processId: number } | { meetingId: number } | { documentId: number },
): Promise<FiledDocument[]> {
  let query = pdb(db)
    .selectFrom('processesDocument as d')
    .leftJoin('processesAgendaItem as a', 'a.id', 'd.agendaItemId')
    .select([
      'd.id',
      'd.processId',
      'd.meetingId',
      'd.kind',
      'd.symbol',
      'd.title',
      'd.url',
      'd.language',
      'd.issuedOn',
      'd.createdAt',
      'd.agendaItemId',
      'a.title as agendaItemTitle',
      'a.position as agendaItemPosition',
    ])
  if ('processId' in filter) query = query.where('d.processId', '=', filter.processId)
  else if ('meetingId' in filter) query = query.where('d.meetingId', '=', filter.meetingId)
  else query = query.where('d.id', '=', filter.documentId)
  const documents = await query.orderBy('d.issuedOn').orderBy('d.id').execute()
  if (documents.length === 0) return []
  const versions = await pdb(db)
    .selectFrom('processesDocumentVersion')
    .select(versionColumns)
    .where(
      'documentId',
      'in',
      documents.map((d) => d.id),
    )
    .orderBy('id')
    .execute()
  return documents.map((d) => ({
    ...d,
    versions: versions
      .filter((v) => v.documentId === d.id)
      .sort((a, b) => Number(b.language === d.language) - Number(a.language === d.language)),
  }))
}

/** One language version's file, for its download. */
export async function versionContent(db: Db, documentId: number, language: string) {
  return pdb(db)
    .selectFrom('processesDocumentVersion')
    .select([...versionColumns, 'content'])
    .where('documentId', '=', documentId)
    .where('language', '=', language)
    .executeTakeFirst()
}

/** Whether the process has a document with this symbol already (a symbol names one document). */
export async function symbolTaken(db: Db, processId: number, symbol: string): Promise<boolean> {
  const row = await pdb(db)
    .selectFrom('processesDocument')
    .select('id')
    .where('processId', '=', processId)
    .where(sql<string>`upper(symbol)`, '=', symbol.toUpperCase())
    .executeTakeFirst()
  return Boolean(row)
}

/** The meeting's row locked until the transaction ends, so two uploads to it take turns. */
export async function lockMeeting(trx: Db, meetingId: number) {
  return pdb(trx)
    .selectFrom('processesMeeting')
    .select(['id', 'processId'])
    .where('id', '=', meetingId)
    .forUpdate()
    .executeTakeFirst()
}

/** The document's row locked until the transaction ends (its versions are added one at a time). */
export async function lockDocument(trx: Db, documentId: number) {
  return pdb(trx)
    .selectFrom('processesDocument')
    .select(['id', 'processId', 'meetingId', 'kind', 'language'])
    .where('id', '=', documentId)
    .forUpdate()
    .executeTakeFirst()
}

export interface NewMeetingDocument {
  processId: number
  meetingId: number
  agendaItemId: number | null
  kind: ProcessDocument['kind']
  symbol: string
  title: string
  language: string
  issuedOn: string
}

export function insertMeetingDocument(trx: Db, input: NewMeetingDocument, now: Date) {
  return pdb(trx)
    .insertInto('processesDocument')
    .values({ ...input, url: null, createdAt: now })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export interface NewVersion {
  documentId: number
  language: string
  fileName: string
  mediaType: string
  content: Uint8Array
  uploadedBy: number | null
}

export function insertVersion(trx: Db, input: NewVersion, now: Date) {
  const sha256 = createHash('sha256').update(input.content).digest('hex')
  return pdb(trx)
    .insertInto('processesDocumentVersion')
    .values({ ...input, sizeBytes: input.content.byteLength, sha256, createdAt: now })
    .returning(['id', 'sha256', 'sizeBytes'])
    .executeTakeFirstOrThrow()
}

/** Every language version's metadata (the open data lists them, never the files' content). */
export async function allVersions(db: Db): Promise<DocumentVersion[]> {
  return pdb(db).selectFrom('processesDocumentVersion').select(versionColumns).orderBy('id').execute()
}

/** The documents that have files, for the open data's rows. */
export async function filedDocumentsMeta(db: Db) {
  return pdb(db)
    .selectFrom('processesDocument')
    .select(['id', 'processId', 'meetingId', 'agendaItemId', 'symbol', 'title', 'language'])
    .where('id', 'in', (eb) => eb.selectFrom('processesDocumentVersion').select('documentId'))
    .execute()
}
