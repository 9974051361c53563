// Accessible form parts: an error summary that links to each field, and fields that keep what
// was typed, show their hint and error, and say so to screen readers (aria-describedby/invalid).
import type { Child } from 'hono/jsx'
import { type FormValues, fieldValue, fieldValues } from '../http/forms.ts'
import { LOCALE_INFO, LOCALES } from '../i18n/locales.ts'
import type { Translator } from '../i18n/messages.ts'
import type { Issue } from '../result.ts'
import { Name } from './name.tsx'

export interface FormState {
  values?: FormValues
  issues?: Issue[]
  /** keeps ids unique when a page repeats a form (one per row) */
  idPrefix?: string
}

export function fieldId(name: string, form?: FormState): string {
  return `${form?.idPrefix ?? ''}field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`
}

function issueFor(form: FormState, name: string): Issue | undefined {
  return form.issues?.find((i) => i.path === name || i.path.startsWith(`${name}.`))
}

export function issueText(t: Translator['t'], issue: Issue): string {
  return t(issue.code, issue.values)
}

export function ErrorSummary({ t, form }: { t: Translator['t']; form: FormState }) {
  const issues = form.issues ?? []
  if (issues.length === 0) return null
  const titleId = `${form.idPrefix ?? ''}error-summary-title`
  return (
    <div class="error-summary" role="alert" aria-labelledby={titleId} tabindex={-1}>
      <h2 id={titleId}>{t('form.errorSummaryTitle')}</h2>
      <ul>
        {issues.map((issue) => (
          <li>
            <a href={`#${fieldId(issue.path || 'form', form)}`}>{issueText(t, issue)}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}

export function Form({
  action,
  csrfToken,
  children,
  method = 'post',
  enctype,
  class: className,
}: {
  action: string
  csrfToken: string
  children: Child
  method?: 'post' | 'get'
  enctype?: 'multipart/form-data'
  class?: string
}) {
  return (
    <form method={method} action={action} enctype={enctype} class={className} novalidate>
      {method === 'post' ? <input type="hidden" name="_csrf" value={csrfToken} /> : null}
      {children}
    </form>
  )
}

interface FieldProps {
  t: Translator['t']
  form: FormState
  name: string
  label: string
  hint?: string
  required?: boolean
}

function FieldFrame({ t, form, name, label, hint, required, children }: FieldProps & { children: Child }) {
  const id = fieldId(name, form)
  const issue = issueFor(form, name)
  return (
    <div class={issue ? 'field field-error' : 'field'}>
      <label for={id}>
        {label}
        {required ? null : <span class="optional"> {t('form.optional')}</span>}
      </label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {issue ? (
        <p class="error" id={`${id}-error`}>
          {issueText(t, issue)}
        </p>
      ) : null}
      {children}
    </div>
  )
}

function describedBy(name: string, form: FormState, hint?: string): string | undefined {
  const id = fieldId(name, form)
  const parts = [hint ? `${id}-hint` : '', issueFor(form, name) ? `${id}-error` : ''].filter(Boolean)
  return parts.length ? parts.join(' ') : undefined
}

export function TextField(
  props: FieldProps & {
    type?: 'text' | 'email' | 'password' | 'url' | 'search' | 'date' | 'datetime-local' | 'number'
    autocomplete?: string
    maxlength?: number
    dir?: 'auto' | 'ltr'
  },
) {
  const { form, name, type = 'text' } = props
  return (
    <FieldFrame {...props}>
      <input
        id={fieldId(name, form)}
        name={name}
        type={type}
        value={type === 'password' ? '' : fieldValue(form.values, name)}
        required={props.required}
        autocomplete={props.autocomplete}
        maxlength={props.maxlength}
        // free text may be typed in any script; addresses and codes say ltr
        dir={props.dir ?? (type === 'text' || type === 'search' ? 'auto' : undefined)}
        aria-describedby={describedBy(name, form, props.hint)}
        aria-invalid={issueFor(form, name) ? 'true' : undefined}
      />
    </FieldFrame>
  )
}

export function TextArea(props: FieldProps & { rows?: number; maxlength?: number }) {
  const { form, name } = props
  return (
    <FieldFrame {...props}>
      <textarea
        id={fieldId(name, form)}
        name={name}
        rows={props.rows ?? 5}
        required={props.required}
        maxlength={props.maxlength}
        dir="auto"
        aria-describedby={describedBy(name, form, props.hint)}
        aria-invalid={issueFor(form, name) ? 'true' : undefined}
      >
        {fieldValue(form.values, name)}
      </textarea>
    </FieldFrame>
  )
}

/** A choice offered in a list; `name: true` marks a label someone typed (isolated, see name.tsx). */
export interface ChoiceOption {
  value: string
  label: string
  hint?: string
  name?: boolean
}

export function SelectField(props: FieldProps & { options: ChoiceOption[]; placeholder?: string }) {
  const { form, name } = props
  const current = fieldValue(form.values, name)
  return (
    <FieldFrame {...props}>
      <select
        id={fieldId(name, form)}
        name={name}
        required={props.required}
        aria-describedby={describedBy(name, form, props.hint)}
        aria-invalid={issueFor(form, name) ? 'true' : undefined}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === current} dir={o.name ? 'auto' : undefined}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  )
}

/** A choice of one of the six languages, each named in itself: the language a text is written in. */
export function LanguageField(props: FieldProps) {
  return <SelectField {...props} options={LOCALES.map((l) => ({ value: l, label: LOCALE_INFO[l].name }))} />
}

/** A group of radio buttons or checkboxes in a fieldset with a legend. */
export function ChoiceGroup(props: FieldProps & { type: 'radio' | 'checkbox'; options: ChoiceOption[] }) {
  const { t, form, name, label, hint, type } = props
  const id = fieldId(name, form)
  const issue = issueFor(form, name)
  const chosen = fieldValues(form.values, name)
  return (
    <fieldset class={issue ? 'field field-error' : 'field'} id={id} aria-describedby={describedBy(name, form, hint)}>
      <legend>
        {label}
        {props.required ? null : <span class="optional"> {t('form.optional')}</span>}
      </legend>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {issue ? (
        <p class="error" id={`${id}-error`}>
          {issueText(t, issue)}
        </p>
      ) : null}
      {props.options.map((o, i) => (
        <div class="choice">
          <input
            type={type}
            id={`${id}-${i}`}
            name={type === 'checkbox' ? `${name}[]` : name}
            value={o.value}
            checked={chosen.includes(o.value)}
          />
          <label for={`${id}-${i}`}>{o.name ? <Name>{o.label}</Name> : o.label}</label>
          {o.hint ? <span class="hint"> {o.hint}</span> : null}
        </div>
      ))}
    </fieldset>
  )
}

export function SubmitButton({ children, name, value }: { children: Child; name?: string; value?: string }) {
  return (
    <button type="submit" class="button" name={name} value={value}>
      {children}
    </button>
  )
}
