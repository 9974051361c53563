// The one place that reads process.env: validated once at start, every problem listed together.
import { z } from 'zod'

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v))

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  ECP_DATA_DIR: z.string().min(1).default('./data'),
  ECP_PUBLIC_URL: z.url().optional(),
  ECP_DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
  // "true" is one proxy; a number says how many proxies stand in front of ecp
  ECP_TRUST_PROXY: z
    .union([flag, z.coerce.number().int().min(0).max(10)], 'must be true, false or a number of proxies')
    .transform((v) => (typeof v === 'number' ? v : v ? 1 : 0))
    .default(0),
  ECP_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  ECP_ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(5 * 1024 * 1024),
  ECP_LOG: z.enum(['silent', 'error', 'info', 'debug']).default('info'),
  SMTP_URL: z.url().optional(),
  ECP_MAIL_FROM: z.string().min(3).default('ecp <noreply@ecp.localhost>'),
  // visitors' pages kept in memory (0 turns the copies off); off by default under NODE_ENV=test,
  // where tests write through commands behind the HTTP layer's back
  ECP_PAGE_CACHE_MB: z.coerce.number().int().min(0).max(4096).optional(),
})

/** At most this many files go with one contribution (a form's upload limit follows from it). */
export const MAX_ATTACHMENTS = 3

export type Config = Readonly<{
  env: 'development' | 'production' | 'test'
  port: number
  host: string
  databaseUrl: string | undefined
  dataDir: string
  publicUrl: string | undefined
  demo: 'auto' | 'on' | 'off'
  /** how many reverse proxies of ours stand in front (0: trust no X-Forwarded-* header) */
  trustProxy: number
  bodyLimitBytes: number
  /** largest attachment (a contribution's PDF, DOCX or ODT) */
  attachmentMaxBytes: number
  log: 'silent' | 'error' | 'info' | 'debug'
  smtpUrl: string | undefined
  mailFrom: string
  /** memory for visitors' pages (src/core/http/page-cache.ts); 0 keeps no copies */
  pageCacheBytes: number
}>

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] }

/** Parses the environment; on failure lists every problem as "NAME: message". */
export function loadConfig(env: Record<string, string | undefined> = process.env): ConfigResult {
  // an empty variable means "not set", as in most shells' `FOO= cmd`
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = EnvSchema.safeParse(present)
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`),
    }
  }
  const e = parsed.data
  return {
    ok: true,
    config: Object.freeze({
      env: e.NODE_ENV,
      port: e.PORT,
      host: e.HOST,
      databaseUrl: e.DATABASE_URL,
      dataDir: e.ECP_DATA_DIR,
      publicUrl: e.ECP_PUBLIC_URL?.replace(/\/$/, ''),
      demo: e.ECP_DEMO,
      trustProxy: e.ECP_TRUST_PROXY,
      bodyLimitBytes: e.ECP_BODY_LIMIT_BYTES,
      attachmentMaxBytes: e.ECP_ATTACHMENT_MAX_BYTES,
      log: e.ECP_LOG,
      smtpUrl: e.SMTP_URL,
      mailFrom: e.ECP_MAIL_FROM,
      pageCacheBytes: (e.ECP_PAGE_CACHE_MB ?? (e.NODE_ENV === 'test' ? 0 : 64)) * 1024 * 1024,
    }),
  }
}

/** A config for tests and tools, with overrides. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig({ NODE_ENV: 'test', ECP_LOG: 'silent' })
  if (!base.ok) throw new Error(base.problems.join('\n'))
  return Object.freeze({ ...base.config, ...overrides })
}
