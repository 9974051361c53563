// The demo's meeting documents as files: the first WGEC meeting's note by the Secretariat, in
// English (the original) and French, so the pages and the API show language versions.
import type { CommandContext } from '../../core/audit/audit.ts'
import type { Db } from '../../core/db/database.ts'
import { addDocumentVersion, issueMeetingDocument } from './commands-documents.ts'
import { agendaOf } from './queries.ts'

const pdf = (text: string) =>
  new TextEncoder().encode(`%PDF-1.4\n% ${text}\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n`)

export async function loadMeetingDocumentsDemo(db: Db, ctx: CommandContext, meetingId: number, issuedOn: string) {
  const upload = { ...ctx, maxBytes: 1024 * 1024 }
  const agenda = await agendaOf(db, meetingId)
  const issued = await issueMeetingDocument(
    db,
    upload,
    meetingId,
    {
      symbol: 'E/CN.16/2016/WGEC/CRP.1',
      title: 'Note by the Secretariat: the mandate of the Working Group',
      kind: 'background',
      ...(agenda[1] ? { agendaItemId: agenda[1].id } : agenda[0] ? { agendaItemId: agenda[0].id } : {}),
      language: 'en',
      issuedOn,
    },
    { fileName: 'wgec-note.pdf', content: pdf('Note by the Secretariat') },
  )
  if (!issued.ok) throw new Error(`demo meeting document: ${JSON.stringify(issued.error)}`)
  const french = await addDocumentVersion(db, upload, issued.value.id, 'fr', {
    fileName: 'wgec-note-fr.pdf',
    content: pdf('Note du Secretariat'),
  })
  if (!french.ok) throw new Error(`demo meeting document (fr): ${JSON.stringify(french.error)}`)
}
