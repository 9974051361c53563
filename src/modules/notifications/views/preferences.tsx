// The preferences page: for each kind of notice, at once by mail, in the daily digest, only in
// the inbox, or not at all; and the time zone deadlines are told in.
import type { Translator } from '../../../core/i18n/messages.ts'
import { ChoiceGroup, ErrorSummary, Form, type FormState, SelectField, SubmitButton } from '../../../core/ui/form.tsx'
import { NOTICE_KINDS } from '../rules/kinds.ts'
import { DELIVERIES } from '../tables.ts'

const TIME_ZONES = Intl.supportedValuesOf('timeZone')

export function PreferencesView({ i18n, csrfToken, form }: { i18n: Translator; csrfToken: string; form: FormState }) {
  const { t } = i18n
  const zones = TIME_ZONES.includes('UTC') ? TIME_ZONES : ['UTC', ...TIME_ZONES]
  return (
    <>
      <p>
        <a href="/me/notifications">{t('notifications.inbox.title')}</a>
      </p>
      <h1>{t('notifications.preferences.title')}</h1>
      <p class="lead">{t('notifications.preferences.lead')}</p>
      <ErrorSummary t={t} form={form} />
      <Form action="/me/notifications/preferences" csrfToken={csrfToken}>
        <SelectField
          t={t}
          form={form}
          name="timeZone"
          label={t('notifications.timeZone.label')}
          hint={t('notifications.timeZone.hint')}
          required
          options={zones.map((z) => ({ value: z, label: z }))}
        />
        {NOTICE_KINDS.map((kind) => (
          <ChoiceGroup
            t={t}
            form={form}
            name={`deliveries.${kind}`}
            label={t(`notifications.kind.${kind}`)}
            type="radio"
            required
            options={DELIVERIES.map((d) => ({ value: d, label: t(`notifications.delivery.${d}`) }))}
          />
        ))}
        <SubmitButton>{t('notifications.preferences.save')}</SubmitButton>
      </Form>
    </>
  )
}
