// The one way a form asks "which organization": a select of organizations by their name in the
// page's language (names isolated), used by every module whose form speaks for an organization.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { type FormState, SelectField } from '../../../core/ui/form.tsx'
import type { Organization } from '../queries/organizations.ts'
import { localized } from '../rules/vocabulary.ts'

export function OrganizationField({
  c,
  form,
  name = 'organizationId',
  label,
  organizations,
}: {
  c: Context<AppEnv>
  form: FormState
  name?: string
  label: string
  organizations: readonly Organization[]
}) {
  return (
    <SelectField
      t={c.var.i18n.t}
      form={form}
      name={name}
      label={label}
      required
      options={organizations.map((o) => ({
        value: String(o.id),
        label: localized(o.name, c.var.i18n.locale),
        name: true,
      }))}
    />
  )
}
