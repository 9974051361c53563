// The follow button on body and process pages, and the page where people choose how often they
// get their digest and what they follow.
import type { Context, Hono } from 'hono'
import { can } from '../../core/auth/authorize.ts'
import { type AppEnv, commandContext } from '../../core/http/context.ts'
import { flash } from '../../core/http/cookies.ts'
import { respondError } from '../../core/http/errors.tsx'
import { forSchema, readForm } from '../../core/http/forms.ts'
import { requireAccount } from '../../core/http/guards.ts'
import { parseWith } from '../../core/http/validation.ts'
import { ChoiceGroup, Form, SubmitButton } from '../../core/ui/form.tsx'
import { renderPage } from '../../core/ui/layout.tsx'
import { bodyLabel } from '../bodies/index.ts'
import { findBody, findProcess } from '../processes/index.ts'
import { follow, setFrequency, unfollow } from './commands.ts'
import { followerCount, followsOf, frequencyOf, isFollowing } from './queries.ts'
import { FollowInput, FrequencyInput } from './schemas.ts'
import { type FollowSubject, FREQUENCIES } from './tables.ts'

/** The follow (or unfollow) button for a body or process page. */
export async function FollowSection({
  c,
  subject,
}: {
  c: Context<AppEnv>
  subject: { type: FollowSubject; id: number }
}) {
  const { i18n, actor, db, csrfToken } = c.var
  const t = i18n.t
  const here = new URL(c.req.url).pathname
  const count = await followerCount(db, subject)
  if (actor.kind !== 'account' || !can(actor, 'follow.manage')) {
    return (
      <section class="follow" aria-labelledby="follow-heading">
        <h2 id="follow-heading" class="visually-hidden">
          {t('notifications.follow.heading')}
        </h2>
        <p>
          <a href={`/sign-in?next=${encodeURIComponent(here)}`}>{t('notifications.follow.signIn')}</a>{' '}
          <span class="muted">{t('notifications.followers', { count })}</span>
        </p>
      </section>
    )
  }
  const following = await isFollowing(db, actor.accountId, subject)
  return (
    <section class="follow" aria-labelledby="follow-heading">
      <h2 id="follow-heading" class="visually-hidden">
        {t('notifications.follow.heading')}
      </h2>
      <Form action="/follows" csrfToken={csrfToken} class="inline">
        <input type="hidden" name="subject" value={subject.type} />
        <input type="hidden" name="id" value={String(subject.id)} />
        <input type="hidden" name="back" value={here} />
        <input type="hidden" name="action" value={following ? 'unfollow' : 'follow'} />
        <button
          type="submit"
          class={following ? 'button secondary' : 'button'}
          aria-pressed={following ? 'true' : 'false'}
        >
          {following ? t('notifications.follow.unfollow') : t(`notifications.follow.${subject.type}`)}
        </button>
      </Form>{' '}
      <span class="muted">{t('notifications.followers', { count })}</span>
      {following ? (
        <>
          {' · '}
          <a href="/account/notifications">{t('notifications.manage')}</a>
        </>
      ) : null}
    </section>
  )
}

async function subjectTitle(c: Context<AppEnv>, type: FollowSubject, id: number): Promise<[string, string]> {
  if (type === 'body') {
    const body = await findBody(c.var.db, id)
    return [body ? bodyLabel(body, c.var.i18n.locale) : `#${id}`, `/bodies/${body?.slug ?? id}`]
  }
  const process = await findProcess(c.var.db, id)
  return [process?.title ?? `#${id}`, `/processes/${id}`]
}

export function registerNotificationRoutes(app: Hono<AppEnv>): void {
  app.post('/follows', async (c) => {
    const parsed = parseWith(FollowInput, forSchema(await readForm(c)))
    if (!parsed.ok) return respondError(c, { type: 'invalid', id: 'invalid_input', issues: parsed.issues })
    const { subject, id, action, back } = parsed.value
    const change = action === 'follow' ? follow : unfollow
    const result = await change(c.var.db, commandContext(c), { type: subject, id })
    if (!result.ok) return respondError(c, result.error)
    flash(c, action === 'follow' ? 'flash.followed' : 'flash.unfollowed')
    return c.redirect(back ?? '/account/notifications', 303)
  })

  app.get('/account/notifications', async (c) => {
    const actor = await requireAccount(c, 'follow.manage')
    if (actor instanceof Response) return actor
    const { i18n, db, csrfToken } = c.var
    const t = i18n.t
    const [frequency, follows] = await Promise.all([frequencyOf(db, actor.accountId), followsOf(db, actor.accountId)])
    const titled = await Promise.all(
      follows.map(async (f) => ({ ...f, title: await subjectTitle(c, f.subjectType, f.subjectId) })),
    )
    const title = t('notifications.title')
    return renderPage(
      c,
      { title },
      <>
        <p>
          <a href="/account">{t('notifications.backToAccount')}</a>
          {' · '}
          <a href="/me/notifications">{t('notifications.inbox.title')}</a>
          {' · '}
          <a href="/me/notifications/preferences">{t('notifications.preferences.title')}</a>
        </p>
        <h1>{title}</h1>
        <p class="lead">{t('notifications.lead')}</p>
        <Form action="/account/notifications" csrfToken={csrfToken}>
          <ChoiceGroup
            t={t}
            form={{ values: { frequency } }}
            name="frequency"
            label={t('notifications.frequency.label')}
            type="radio"
            required
            options={FREQUENCIES.map((f) => ({ value: f, label: t(`notifications.frequency.${f}`) }))}
          />
          <SubmitButton>{t('notifications.frequency.save')}</SubmitButton>
        </Form>
        <h2>{t('notifications.following')}</h2>
        {titled.length === 0 ? <p>{t('notifications.nothingFollowed')}</p> : null}
        <ul class="follows">
          {titled.map((f) => (
            <li>
              <a href={f.title[1]}>{f.title[0]}</a>{' '}
              <span class="muted">{t(`notifications.subject.${f.subjectType}`)}</span>{' '}
              <Form action="/follows" csrfToken={csrfToken} class="inline">
                <input type="hidden" name="subject" value={f.subjectType} />
                <input type="hidden" name="id" value={String(f.subjectId)} />
                <input type="hidden" name="action" value="unfollow" />
                <button type="submit" class="button secondary">
                  {t('notifications.follow.unfollow')}
                  <span class="visually-hidden">: {f.title[0]}</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </>,
    )
  })

  app.post('/account/notifications', async (c) => {
    const parsed = parseWith(FrequencyInput, forSchema(await readForm(c)))
    if (!parsed.ok) return respondError(c, { type: 'invalid', id: 'invalid_input', issues: parsed.issues })
    const result = await setFrequency(c.var.db, commandContext(c), parsed.value.frequency)
    if (!result.ok) return respondError(c, result.error)
    flash(c, 'flash.saved')
    return c.redirect('/account/notifications', 303)
  })
}
