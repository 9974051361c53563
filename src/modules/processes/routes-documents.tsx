// Meeting documents as files: the Secretariat's upload and language-version forms, a document's
// page, the list of a process's documents, and each file's download (always an attachment, with
// the type its content has, never run or sniffed by the browser).
import type { Context, Hono } from 'hono'
import { can } from '../../core/auth/authorize.ts'
import { contentDisposition } from '../../core/formats/content-disposition.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { flash } from '../../core/http/cookies.ts'
import { respondError } from '../../core/http/errors.tsx'
import { type FormValues, forSchema, readForm } from '../../core/http/forms.ts'
import { denied } from '../../core/http/guards.ts'
import { idParam } from '../../core/http/ids.ts'
import { parseWith } from '../../core/http/validation.ts'
import type { FormState } from '../../core/ui/form.tsx'
import { addDocumentVersion, issueMeetingDocument, type UploadedFile } from './commands-documents.ts'
import { agendaOf, findMeeting, findProcess } from './queries.ts'
import { filedDocuments, versionContent } from './queries-documents.ts'
import { refused } from './route-kit.ts'
import { DocumentVersionInput, MeetingDocumentInput } from './schemas-documents.ts'
import { renderDocumentPage, renderDocumentUpload, renderProcessDocuments } from './views/documents.tsx'

/** The one file of the form (field `file`), when one was chosen. */
async function uploaded(c: Context<AppEnv>): Promise<UploadedFile | undefined> {
  const body = await c.req.parseBody({ all: true })
  const file = (Array.isArray(body.file) ? body.file : [body.file]).find(
    (v): v is File => v instanceof File && v.size > 0,
  )
  return file ? { fileName: file.name, content: new Uint8Array(await file.arrayBuffer()) } : undefined
}

const uploadContext = (c: Context<AppEnv>) => ({ ...commandContext(c), maxBytes: c.var.deps.config.attachmentMaxBytes })

export function registerDocumentRoutes(app: Hono<AppEnv>): void {
  const uploadPage = async (c: Context<AppEnv>, form: FormState, status?: 409 | 422) => {
    const meeting = await findMeeting(c.var.db, idParam(c))
    if (!meeting) return respondError(c, { type: 'not_found', id: 'meeting_not_found' })
    if (!can(c.var.actor, 'meeting.document.upload')) return denied(c, 'meeting.document.upload')
    const agenda = await agendaOf(c.var.db, meeting.id)
    return renderDocumentUpload(c, { meeting, agenda, form, ...(status ? { status } : {}) })
  }

  app.get('/meetings/:id/documents/new', (c) =>
    uploadPage(c, { values: { language: c.var.i18n.locale, kind: 'background' } }),
  )

  app.post('/meetings/:id/documents', async (c) => {
    const values = await readForm(c)
    const parsed = parseWith(MeetingDocumentInput, forSchema(values))
    const file = await uploaded(c)
    const result = parsed.ok
      ? await issueMeetingDocument(c.var.db, uploadContext(c), idParam(c), parsed.value, file)
      : refused(file ? parsed.issues : [...parsed.issues, { path: 'file', code: 'processes.documents.fileRequired' }])
    if (result.ok) {
      flash(c, 'flash.documentIssued')
      return c.redirect(`/documents/${result.value.id}`, 303)
    }
    // refused: the form again with what was typed (a file is chosen again) and the reasons
    if (result.error.type === 'invalid') return uploadPage(c, { values, issues: result.error.issues }, 422)
    return respondError(c, result.error)
  })

  const documentPage = async (c: Context<AppEnv>, form: FormState, status?: 409 | 422) => {
    const [document] = await filedDocuments(c.var.db, { documentId: idParam(c) })
    if (!document) return respondError(c, { type: 'not_found', id: 'document_not_found' })
    const [process, meeting] = await Promise.all([
      findProcess(c.var.db, document.processId),
      document.meetingId ? findMeeting(c.var.db, document.meetingId) : undefined,
    ])
    if (!process) return respondError(c, { type: 'not_found', id: 'document_not_found' })
    const canUpload = can(c.var.actor, 'meeting.document.upload')
    return renderDocumentPage(c, { document, process, meeting, canUpload, form, ...(status ? { status } : {}) })
  }

  app.get('/documents/:id', (c) => documentPage(c, {}))

  app.post('/documents/:id/versions', async (c) => {
    const values: FormValues = await readForm(c)
    const parsed = parseWith(DocumentVersionInput, forSchema(values))
    const file = await uploaded(c)
    const result = parsed.ok
      ? await addDocumentVersion(c.var.db, uploadContext(c), idParam(c), parsed.value.language, file)
      : refused(parsed.issues)
    if (result.ok) {
      flash(c, 'flash.documentVersionAdded')
      return c.redirect(`/documents/${idParam(c)}`, 303)
    }
    if (result.error.type === 'invalid') return documentPage(c, { values, issues: result.error.issues }, 422)
    return respondError(c, result.error)
  })

  app.get('/documents/:id/files/:language{ar|zh|en|fr|ru|es}', async (c) => {
    const version = await versionContent(c.var.db, idParam(c), c.req.param('language'))
    if (!version) return respondError(c, { type: 'not_found', id: 'document_not_found' })
    return c.body(new Uint8Array(version.content), 200, {
      'content-type': version.mediaType,
      'content-disposition': contentDisposition(version.fileName),
      'x-content-type-options': 'nosniff',
      // a file opened in the browser's own viewer runs nothing of ours, nor its own scripts
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'public, max-age=300',
    })
  })

  app.get('/processes/:id/documents', async (c) => {
    const process = await findProcess(c.var.db, idParam(c))
    if (!process) return respondError(c, { type: 'not_found', id: 'process_not_found' })
    const documents = await filedDocuments(c.var.db, { processId: process.id })
    return renderProcessDocuments(c, { process, documents })
  })
}
