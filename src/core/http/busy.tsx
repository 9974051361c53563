// The answer to a request that lost a race with another (a deadlock, a serialization failure, a lock
// not had in time) and lost again each time its transaction was run again (core/db/helpers.ts
// retryLostRaces), or whose statement was cancelled: 503 with Retry-After, never 500. The API says
// `database_busy` (nothing was stored: send it again, with the same Idempotency-Key if it had one).
// A page that sent a form gets back what was typed, ready to be sent again with one button: the
// fields as they were sent (a file cannot be: the person is told to go back and choose it again;
// a password is never written into a page: it is left out, and the person is told to type it again).
import type { Context } from 'hono'
import { ANONYMOUS } from '../auth/actor.ts'
import { renderPage } from '../ui/layout.tsx'
import type { AppEnv } from './context.ts'
import { CSRF_FIELD } from './csrf.ts'
import { isApiRequest, respondError } from './errors.tsx'

/** Seconds a client is asked to wait: the race is over by then (a deadlock is seen within 1 s). */
export const BUSY_RETRY_AFTER_SECONDS = 2

const FORM_TYPES = /^(multipart\/form-data|application\/x-www-form-urlencoded)/i
// the forms' secret fields (password, currentPassword, newPassword): never echoed into HTML
const SECRET_FIELD = /password|passphrase|secret/i

/** The form's fields as sent (repeated ones in order), and whether a file or a secret was among them. */
async function sentFields(
  c: Context<AppEnv>,
): Promise<{ fields: [string, string][]; files: boolean; secrets: boolean } | null> {
  if (c.req.method !== 'POST' || !FORM_TYPES.test(c.req.header('content-type') ?? '')) return null
  try {
    const body = await c.req.parseBody({ all: true })
    const fields: [string, string][] = []
    let files = false
    let secrets = false
    for (const [name, value] of Object.entries(body)) {
      if (name === CSRF_FIELD) continue
      if (SECRET_FIELD.test(name)) {
        secrets = true
        continue
      }
      for (const v of Array.isArray(value) ? value : [value]) {
        if (typeof v === 'string') fields.push([name, v])
        else files = true
      }
    }
    return { fields, files, secrets }
  } catch {
    return null
  }
}

/** 503 `database_busy` with Retry-After; a form sent from a page comes back to be sent again. */
export async function respondBusy(c: Context<AppEnv>): Promise<Response> {
  c.set('i18n', c.var.i18n ?? c.var.deps.messages.translator('en'))
  c.set('actor', c.var.actor ?? ANONYMOUS)
  const error = { type: 'unavailable', id: 'database_busy', retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS } as const
  const sent = isApiRequest(c) ? null : await sentFields(c)
  if (!sent) return respondError(c, error)
  c.header('Retry-After', String(BUSY_RETRY_AFTER_SECONDS))
  const t = c.var.i18n.t
  const url = new URL(c.req.url)
  const multipart = /^multipart\//i.test(c.req.header('content-type') ?? '')
  return renderPage(
    c,
    { title: t('errors.title503'), status: 503 },
    <>
      <h1>{t('errors.title503')}</h1>
      <div class="error-summary" role="alert">
        <p>{t('errors.database_busy')}</p>
        {sent.files ? <p>{t('errors.busyFilesNotKept')}</p> : null}
        {sent.secrets ? <p>{t('errors.busySecretsNotKept')}</p> : null}
      </div>
      <form
        method="post"
        action={url.pathname + url.search}
        enctype={multipart ? 'multipart/form-data' : undefined}
        novalidate
      >
        <input type="hidden" name={CSRF_FIELD} value={c.var.csrfToken} />
        {sent.fields.map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <p>{t('errors.busyKept')}</p>
        {sent.fields.some(([, v]) => v.trim() !== '') ? (
          <details>
            <summary>{t('errors.busyWhatWasTyped')}</summary>
            <dl>
              {sent.fields
                .filter(([, v]) => v.trim() !== '')
                .map(([name, value]) => (
                  <>
                    <dt>{name.replace(/\[\]$/, '')}</dt>
                    <dd>{value}</dd>
                  </>
                ))}
            </dl>
          </details>
        ) : null}
        <button type="submit">{t('errors.busySendAgain')}</button>
      </form>
    </>,
  )
}
