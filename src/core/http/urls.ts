// The site's address, two ways: for what answers a request (feeds, calendars, redirects), the
// configured public address or else the one the request came to; for mail and jobs, the
// configured address or else localhost, never the request's Host header, which a sender chooses.
import type { Context } from 'hono'
import type { AppEnv } from './context.ts'

/** The site's origin for links in an answer: the configured public address, else the request's. */
export function siteOrigin(c: Context<AppEnv>): string {
  return c.var.deps.config.publicUrl ?? new URL(c.req.url).origin
}

/** The address links in mail start with: the configured public address, else localhost. */
export function mailBaseUrl(config: { publicUrl?: string | undefined; port: number }): string {
  return config.publicUrl ?? `http://localhost:${config.port}`
}
