// Loads a folder's six catalog files (ar.json ... es.json) into Catalogs.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { LOCALES } from './locales.ts'
import type { Catalogs } from './messages.ts'

export function loadCatalogs(dir: string): Catalogs {
  return Object.fromEntries(
    LOCALES.map((locale) => [locale, JSON.parse(readFileSync(join(dir, `${locale}.json`), 'utf8'))]),
  ) as Catalogs
}

export const CORE_MESSAGES_DIR = join(import.meta.dirname, 'messages')
