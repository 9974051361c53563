// The typed manifest through which a capability registers itself with the app (our Decidim
// component.rb): its SQL, its messages, its routes and API, its navigation, reference and demo
// data, CLI commands and jobs, and its permissions. modules/index.ts lists the manifests in order
// and registers them.
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context, Hono } from 'hono'
import type { Child } from 'hono/jsx'
import type { ActivitySource } from './activity.ts'
import { type Permissions, registerActions, undeclaredActions } from './auth/actions.ts'
import type { Actor } from './auth/actor.ts'
import type { Db } from './db/database.ts'
import type { AppDeps, AppEnv } from './http/context.ts'
import type { Catalogs } from './i18n/messages.ts'
import type { Logger } from './log.ts'

export type { ActivityItem, ActivityQuery, ActivitySource } from './activity.ts'

export interface NavigationItem {
  href: string
  /** message key */
  label: string
  order: number
  /** shown only to actors for whom this is true (default: everyone) */
  visible?: (actor: Actor) => boolean
}

export interface CliContext {
  deps: AppDeps
  log: Logger
  /** stdout, for results a script may read */
  out: (line: string) => void
}

export interface CliCommand {
  name: string
  usage: string
  description: string
  run(args: string[], ctx: CliContext): Promise<number>
}

export interface DemoContext {
  db: Db
  deps: AppDeps
  log: Logger
  /** the demo's accounts by handle ("chair", "delegate-bra"), filled in by earlier modules */
  accounts: Map<string, { id: number; email: string }>
  /**
   * steps run once every module's demo has loaded, in the order added: e.g. concluding a process
   * that later modules' demos still write into (a concluded process is read-only)
   */
  afterAll: (() => Promise<void>)[]
}

export interface JobContext {
  db: Db
  deps: AppDeps
  log: Logger
}

export type JobHandler = (payload: Record<string, unknown>, ctx: JobContext) => Promise<void>

/** A figure for the home page ("195 Member States"). */
export interface Statistic {
  /** message key with a {count} plural */
  label: string
  value: number
  href: string
  order: number
}

/** Table Schema field types (Frictionless Data) that ecp's open data uses. */
export type OpenDataFieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime' | 'object' | 'array'

/** A column of an open dataset: its name in the CSV header, its type and what it means. */
export interface OpenDataField {
  name: string
  type: OpenDataFieldType
  description: string
}

/**
 * One table of the open-data bulk download (a CSV and a JSON file in the ZIP, described in
 * datapackage.json). Only public data: nothing hidden, held for review or withdrawn beyond its
 * public note, and no personal data such as emails.
 */
export interface OpenDataset {
  /** file name without extension, e.g. "mechanisms" (lowercase, digits, "_") */
  name: string
  /** one line for the data dictionary */
  description: string
  fields: OpenDataField[]
  /** the fields that identify a row */
  primaryKey?: string[]
  /** fields that name a row of another dataset */
  foreignKeys?: Array<{ fields: string[]; reference: { resource: string; fields: string[] } }>
  /** values: numbers, booleans, strings, ISO dates, Date (datetime), plain objects and arrays (JSON in the CSV) */
  rows: Array<Record<string, unknown>>
}

/** What a page with sections is about; `processId` for a meeting's page. */
export interface SectionSubject {
  id: number
  bodyId: number
  processId?: number
  /**
   * a process's page: its calls for contributions, newest first, as the page read them, so that
   * the sections that list them (search, campaigns) need not read them again
   */
  calls?: readonly SectionCall[]
}

/** A call for contributions as the sections of a process's page use it. */
export interface SectionCall {
  id: number
  title: string
}

/** A section a module adds to another module's page (a process's contributions, a follow button ...). */
export interface PageSection {
  order: number
  /** under the page's title (a follow button) or, by default, among its sections */
  placement?: 'header' | 'main'
  /**
   * `subject` is what the page is about (a process, a body, a proposal, a meeting) with the body it
   * belongs to, and for a meeting its process
   */
  render(c: Context<AppEnv>, subject: SectionSubject): Promise<Child | null>
}

export interface ModuleManifest {
  id: string
  /** folder of forward-only .sql migrations */
  migrations?: string
  messages: Catalogs
  /**
   * the actions this module declares (its permissions.ts, made with `defineActions`): each one's
   * rule, API-token scope and expected outcomes, evaluated by core's `authorize`
   */
  permissions?: Permissions
  routes?: (app: Hono<AppEnv>) => void
  /** JSON API, mounted under /api/v1 and described in the OpenAPI document */
  api?: (api: OpenAPIHono<AppEnv>) => void
  navigation?: NavigationItem[]
  /** links on the Secretariat's administration page */
  administration?: NavigationItem[]
  /** figures for the home page */
  statistics?: (db: Db) => Promise<Statistic[]>
  /** reference data kept in step with the repository on every start (idempotent) */
  referenceData?: (db: Db, log: Logger) => Promise<void>
  /** demo data, loaded into an empty database in module order */
  demo?: (ctx: DemoContext) => Promise<void>
  commands?: CliCommand[]
  jobs?: Record<string, JobHandler>
  /** jobs that reschedule themselves: kind -> interval in seconds */
  recurringJobs?: Record<string, number>
  /**
   * sections of other modules' pages, by page kind: 'process', 'body' and 'meeting' (the
   * processes module's pages; a meeting's sections say what is in force at it), 'proposals' (a process's proposals), 'proposal-actions' (buttons beside them) and
   * 'proposal' (one proposal) of the proposals module; the module that owns a page renders the
   * sections of its kind with `sectionsFor` (core/ui/sections.ts)
   */
  sections?: Partial<Record<string, PageSection>>
  /** the kinds of event this module records in processes: core/activity.ts reads them all in one query */
  activity?: ActivitySource[]
  /**
   * fields this module adds to `GET /api/v1/processes/{id}` (each declared in the processes module's
   * ProcessDetailSchema, so the OpenAPI document describes them)
   */
  processDetail?: (db: Db, processId: number) => Promise<Record<string, unknown>>
  /** public data for the open-data bulk download */
  openData?: (db: Db) => Promise<OpenDataset[]>
  /** tables left out of `ecp export`: transient ones, and ones derived from others by triggers */
  transientTables?: string[]
  /**
   * what `ecp import` must make right once every row is loaded, in its transaction: derived state
   * this module keeps in another's transient tables, which their triggers rebuild without it (the
   * consultation's campaign terms in the search documents)
   */
  restored?: (db: Db) => Promise<void>
  /** tables of personal data `ecp export --public` leaves out (besides core's: credentials, mail ...) */
  privateTables?: string[]
  /**
   * columns of personal data `ecp export --public` replaces, by table of this module: column -> an
   * SQL expression over the row (`case when profile_public then name end`)
   */
  privateColumns?: Record<string, Record<string, string>>
  /**
   * tables whose rows make other rows read-only (a concluded process, its whole record): `ecp
   * export` writes them after every other table, so `ecp import` loads the rows they guard first,
   * through the same triggers, instead of relying on names sorting before them
   */
  importedLast?: string[]
}

/**
 * Registers the manifests' permissions with `authorize`; src/modules/index.ts calls it once over
 * the module list. Throws (a bug, found by any test) when two modules declare one action, or when
 * an API route named an action no module declares.
 */
export function registerModules<M extends readonly ModuleManifest[]>(manifests: M): M {
  const ids = new Set<string>()
  for (const manifest of manifests) {
    if (ids.has(manifest.id)) throw new Error(`two modules have the id "${manifest.id}"`)
    ids.add(manifest.id)
    if (manifest.permissions) registerActions(manifest.id, manifest.permissions)
  }
  const missing = undeclaredActions()
  if (missing.length > 0) throw new Error(`no module declares the actions ${missing.join(', ')}`)
  return manifests
}
