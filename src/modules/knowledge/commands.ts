// Adding to the library: the knowledge focal point (the Secretariat) publishes items; anyone
// signed in suggests one, which the focal point publishes or declines with a note. Each change
// is in the audit log.
import { auditedBy, type CommandContext, recordAudit } from '../../core/audit/audit.ts'
import { accountIdOf } from '../../core/auth/actor.ts'
import { authorize } from '../../core/auth/authorize.ts'
import { sha256 } from '../../core/auth/crypto.ts'
import type { Db } from '../../core/db/database.ts'
import { inTransaction } from '../../core/db/helpers.ts'
import { isLocale } from '../../core/i18n/locales.ts'
import { conflict, invalid, notFound, ok, type Result } from '../../core/result.ts'
import { findItem } from './queries.ts'
import { insertItemRow, lockItemStatus, updateItemRow } from './queries-write.ts'
import { checkLibraryFile } from './rules/files.ts'
import { prepareText } from './rules/text.ts'
import type { ItemType } from './tables.ts'

export interface ItemInput {
  type: ItemType
  title: string
  abstract?: string | undefined
  language: string
  authors?: string[] | undefined
  organizationIds?: number[] | undefined
  issueSlugs?: string[] | undefined
  publishedOn?: string | undefined
  url?: string | undefined
  /** an item this one is a language version of */
  versionOf?: number | undefined
  file?: { name: string; content: Uint8Array; maxBytes: number } | undefined
}

async function insertItem(
  db: Db,
  ctx: CommandContext,
  input: ItemInput,
  status: 'published' | 'suggested',
): Promise<Result<{ id: number }>> {
  const language = input.language
  if (!isLocale(language)) return invalid([{ path: 'language', code: 'validation.required' }])
  let file: {
    fileName: string
    fileMediaType: string
    fileSize: number
    fileSha256: string
    fileContent: Buffer
  } | null = null
  if (input.file) {
    const check = await checkLibraryFile(input.file.name, input.file.content, input.file.maxBytes)
    if (!check.ok)
      return invalid([
        {
          path: 'file',
          code: check.code,
          values: { name: input.file.name, max: Math.floor(input.file.maxBytes / 1024 / 1024) || 1 },
        },
      ])
    const base =
      input.file.name
        .replace(/[^\p{L}\p{N}._ -]+/gu, '_')
        .replace(/\.[^.]*$/, '')
        .slice(0, 100) || 'file'
    file = {
      fileName: `${base}.${check.extension}`,
      fileMediaType: check.mediaType,
      fileSize: input.file.content.byteLength,
      fileSha256: sha256(input.file.content),
      fileContent: Buffer.from(input.file.content),
    }
  }
  let workId: number | null = null
  if (input.versionOf) {
    const original = await findItem(db, input.versionOf)
    if (!original) return invalid([{ path: 'versionOf', code: 'knowledge.unknownItem' }])
    workId = original.workId ?? original.id
  }
  return inTransaction(db, async (trx) => {
    const id = await insertItemRow(trx, {
      workId,
      type: input.type,
      title: input.title,
      abstract: input.abstract ?? '',
      language: input.language,
      authors: input.authors ?? [],
      organizationIds: input.organizationIds ?? [],
      issueSlugs: input.issueSlugs ?? [],
      publishedOn: input.publishedOn ?? null,
      url: input.url ?? null,
      status,
      suggestedBy: status === 'suggested' ? accountIdOf(ctx.actor) : null,
      decidedBy: status === 'published' ? accountIdOf(ctx.actor) : null,
      decisionNote: null,
      ...(file ?? {}),
      searchText: prepareText(`${input.title}\n${input.abstract ?? ''}\n${(input.authors ?? []).join(', ')}`, language),
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: status === 'published' ? 'library.item_published' : 'library.item_suggested',
      subjectType: 'library_item',
      subjectId: id,
      payload: { ...input, file: file ? { name: file.fileName, sha256: file.fileSha256, size: file.fileSize } : null },
    })
    return ok({ id })
  })
}

export async function publishItem(db: Db, ctx: CommandContext, input: ItemInput) {
  const allowed = authorize(ctx.actor, 'library.curate')
  if (!allowed.ok) return allowed
  return insertItem(db, ctx, input, 'published')
}

/** The focal point corrects an item: its description, issues, dates; the record keeps what it was. */
export async function updateItem(
  db: Db,
  ctx: CommandContext,
  id: number,
  input: Omit<ItemInput, 'versionOf' | 'file'>,
): Promise<Result<void>> {
  const allowed = authorize(ctx.actor, 'library.curate')
  if (!allowed.ok) return allowed
  const language = input.language
  if (!isLocale(language)) return invalid([{ path: 'language', code: 'validation.required' }])
  return inTransaction(db, async (trx) => {
    const before = await findItem(trx, id)
    if (!before) return notFound('library_item_not_found')
    await updateItemRow(trx, id, {
      type: input.type,
      title: input.title,
      abstract: input.abstract ?? '',
      language,
      authors: input.authors ?? [],
      issueSlugs: input.issueSlugs ?? [],
      publishedOn: input.publishedOn ?? null,
      url: input.url ?? null,
      searchText: prepareText(`${input.title}\n${input.abstract ?? ''}\n${(input.authors ?? []).join(', ')}`, language),
      updatedAt: ctx.now,
    })
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: 'library.item_updated',
      subjectType: 'library_item',
      subjectId: id,
      payload: {
        before: {
          title: before.title,
          abstract: before.abstract,
          language: before.language,
          issueSlugs: before.issueSlugs,
        },
        after: input,
      },
    })
    return ok(undefined)
  })
}

export async function suggestItem(db: Db, ctx: CommandContext, input: ItemInput) {
  const allowed = authorize(ctx.actor, 'library.suggest')
  if (!allowed.ok) return allowed
  return insertItem(db, ctx, input, 'suggested')
}

export async function decideSuggestion(
  db: Db,
  ctx: CommandContext,
  id: number,
  decision: 'published' | 'declined',
  note: string,
): Promise<Result<void>> {
  const allowed = authorize(ctx.actor, 'library.curate')
  if (!allowed.ok) return allowed
  return inTransaction(db, async (trx) => {
    const item = await lockItemStatus(trx, id)
    if (!item) return notFound('library_item_not_found')
    if (item.status !== 'suggested') return conflict('library_item_decided')
    await updateItemRow(trx, id, {
      status: decision,
      decidedBy: accountIdOf(ctx.actor),
      decisionNote: note || null,
      updatedAt: ctx.now,
    })
    await recordAudit(trx, {
      ...auditedBy(ctx),
      action: `library.suggestion_${decision}`,
      subjectType: 'library_item',
      subjectId: id,
      payload: { note },
    })
    return ok(undefined)
  })
}
