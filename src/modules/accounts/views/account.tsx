// The account page: profile, roles, password, API tokens.
import type { Context } from 'hono'
import type { Actor, Grant } from '../../../core/auth/actor.ts'
import { PASSWORD_MIN_LENGTH } from '../../../core/auth/password-policy.ts'
import type { TokenScope } from '../../../core/auth/scopes.ts'
import { TOKEN_DEFAULT_DAYS } from '../../../core/auth/tokens.ts'
import type { AppEnv } from '../../../core/http/context.ts'
import { LOCALE_INFO, LOCALES } from '../../../core/i18n/locales.ts'
import {
  ChoiceGroup,
  ErrorSummary,
  Form,
  type FormState,
  SelectField,
  SubmitButton,
  TextField,
} from '../../../core/ui/form.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import { isolated, Name } from '../../../core/ui/name.tsx'
import { TOKEN_LIFETIMES } from '../schemas.ts'

export interface AccountView {
  actor: Extract<Actor, { kind: 'account' }>
  personId: number
  /** how each grant reads: "Government delegate of Brazil" */
  roles: { grant: Grant; label: string }[]
  tokens: { id: number; name: string; scopes: string[]; createdAt: Date; expiresAt: Date; lastUsedAt: Date | null }[]
  /** the scopes this account's roles give a use */
  scopes: TokenScope[]
  newToken?: string
  profile: FormState
  password: FormState
  token: FormState
  status?: 200 | 422
}

export function renderAccount(c: Context<AppEnv>, view: AccountView) {
  const { i18n, csrfToken } = c.var
  const t = i18n.t
  const title = t('accounts.account.title')
  return renderPage(
    c,
    { title, status: view.status ?? 200 },
    <>
      <h1>{title}</h1>
      <p class="lead">
        {t('accounts.account.signedInAs', { name: isolated(view.actor.displayName), email: view.actor.email })}
      </p>

      <section aria-labelledby="roles-title">
        <h2 id="roles-title">{t('accounts.account.roles')}</h2>
        <ul>
          <li>{t('roles.participant')}</li>
          {view.roles.map((r) => (
            <li>{r.label}</li>
          ))}
        </ul>
        <p>
          <a href="/accreditation">{t('accounts.account.askAccreditation')}</a> ·{' '}
          <a href={`/people/${view.personId}`}>{t('accounts.account.publicPage')}</a>
        </p>
      </section>

      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{t('accounts.account.profile')}</h2>
        <ErrorSummary t={t} form={view.profile} />
        <Form action="/account/profile" csrfToken={csrfToken}>
          <TextField
            t={t}
            form={view.profile}
            name="displayName"
            label={t('accounts.displayName')}
            maxlength={120}
            required
          />
          <SelectField
            t={t}
            form={view.profile}
            name="preferredLocale"
            label={t('accounts.preferredLanguage')}
            placeholder={t('form.none')}
            options={LOCALES.map((l) => ({ value: l, label: LOCALE_INFO[l].name }))}
          />
          <ChoiceGroup
            t={t}
            form={view.profile}
            type="checkbox"
            name="profilePublic"
            label={t('accounts.publicProfile')}
            hint={t('accounts.publicProfileHint')}
            options={[{ value: 'yes', label: t('accounts.publicProfileYes') }]}
          />
          <SubmitButton>{t('form.save')}</SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="password-title">
        <h2 id="password-title">{t('accounts.account.changePassword')}</h2>
        <ErrorSummary t={t} form={view.password} />
        <Form action="/account/password" csrfToken={csrfToken}>
          <input type="text" name="username" value={view.actor.email} autocomplete="username" hidden />
          <TextField
            t={t}
            form={view.password}
            name="currentPassword"
            type="password"
            label={t('accounts.currentPassword')}
            autocomplete="current-password"
            required
          />
          <TextField
            t={t}
            form={view.password}
            name="newPassword"
            type="password"
            label={t('accounts.newPassword')}
            hint={t('accounts.passwordHint', { min: PASSWORD_MIN_LENGTH })}
            autocomplete="new-password"
            required
          />
          <SubmitButton>{t('accounts.account.changePassword')}</SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="tokens-title">
        <h2 id="tokens-title">{t('accounts.tokens.title')}</h2>
        <p>{t('accounts.tokens.lead')}</p>
        {view.newToken ? (
          <div class="notice" role="status">
            <p>{t('accounts.tokens.copyNow')}</p>
            <p>
              <code>{view.newToken}</code>
            </p>
          </div>
        ) : null}
        {view.tokens.length > 0 ? (
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('accounts.tokens.name')}</th>
                  <th scope="col">{t('accounts.tokens.scopes')}</th>
                  <th scope="col">{t('accounts.tokens.created')}</th>
                  <th scope="col">{t('accounts.tokens.expires')}</th>
                  <th scope="col">{t('accounts.tokens.lastUsed')}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t('accounts.tokens.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {view.tokens.map((token) => (
                  <tr>
                    <td>
                      <Name>{token.name}</Name>
                    </td>
                    <td>{i18n.list(token.scopes.map((s) => t(`accounts.scope.${s}`)))}</td>
                    <td>{i18n.dateTime(token.createdAt)}</td>
                    <td>{i18n.dateTime(token.expiresAt)}</td>
                    <td>{token.lastUsedAt ? i18n.dateTime(token.lastUsedAt) : '—'}</td>
                    <td>
                      <Form action={`/account/tokens/${token.id}/revoke`} csrfToken={csrfToken} class="inline">
                        <button type="submit" class="link" data-confirm={t('accounts.tokens.confirmRevoke')}>
                          {t('accounts.tokens.revoke', { name: isolated(token.name) })}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <ErrorSummary t={t} form={view.token} />
        <Form action="/account/tokens" csrfToken={csrfToken}>
          <TextField
            t={t}
            form={view.token}
            name="name"
            label={t('accounts.tokens.name')}
            hint={t('accounts.tokens.nameHint')}
            maxlength={80}
            required
          />
          <ChoiceGroup
            t={t}
            form={view.token}
            type="checkbox"
            name="scopes"
            label={t('accounts.tokens.scopes')}
            hint={t('accounts.tokens.scopesHint')}
            options={view.scopes
              .filter((s) => s !== 'read')
              .map((s) => ({ value: s, label: t(`accounts.scope.${s}`), hint: t(`accounts.scopeHint.${s}`) }))}
          />
          <SelectField
            t={t}
            form={{ values: { days: String(TOKEN_DEFAULT_DAYS) }, ...view.token }}
            name="days"
            label={t('accounts.tokens.lifetime')}
            options={TOKEN_LIFETIMES.map((d) => ({ value: String(d), label: t('accounts.tokens.days', { days: d }) }))}
          />
          <SubmitButton>{t('accounts.tokens.create')}</SubmitButton>
        </Form>
      </section>
    </>,
  )
}
