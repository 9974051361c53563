// The taxonomy's pages: the issues by basket, and one issue with the mechanisms that address it,
// its gaps, and (for the Secretariat) the form to revise its scope, basket or flag.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { Tag } from '../../../core/ui/components.tsx'
import { ErrorSummary, Form, type FormState } from '../../../core/ui/form.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import { localized, type Organization } from '../../actors/index.ts'
import type { Issue, Mechanism } from '../queries.ts'
import type { Gap, MapFilter } from '../rules/map.ts'
import { BASKETS } from '../vocabulary.ts'
import { ClassificationFields, Filters, issueName, MechanismTable, Nav } from './parts.tsx'

export function renderIssues(
  c: Context<AppEnv>,
  view: { issues: Issue[]; counts: Map<number, number>; filter: MapFilter; canPropose: boolean },
) {
  const t = c.var.i18n.t
  const title = t('coordination.issues.title')
  const baskets = BASKETS.filter((b) => view.issues.some((i) => i.basket === b))
  return renderPage(
    c,
    { title },
    <>
      <Nav t={t} />
      <h1>{title}</h1>
      <p class="lead">{t('coordination.issues.lead')}</p>
      {view.canPropose ? (
        <p>
          <a class="button secondary" href="/issues/propose">
            {t('coordination.propose.title')}
          </a>
        </p>
      ) : null}
      <Filters c={c} action="/issues" filter={view.filter} />
      {baskets.map((b) => (
        <section aria-labelledby={`basket-${b}`}>
          <h2 id={`basket-${b}`}>{t(`coordination.baskets.${b}`)}</h2>
          <ul>
            {view.issues
              .filter((i) => i.basket === b)
              .map((i) => (
                <li>
                  <a href={`/issues/${i.slug}`}>{issueName(c, i)}</a> <Tag>{t(`coordination.scopes.${i.scope}`)}</Tag>
                  {i.emerging ? <Tag tone="warn">{t('coordination.emerging')}</Tag> : null}{' '}
                  <span class="muted">{t('coordination.mechanismCount', { count: view.counts.get(i.id) ?? 0 })}</span>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>,
  )
}

export function renderIssue(
  c: Context<AppEnv>,
  view: {
    issue: Issue
    mechanisms: Mechanism[]
    organizations: Map<number, Organization>
    gaps: Gap[]
    canEdit: boolean
    /** a refused revision, as it was typed */
    reviseForm?: FormState | undefined
  },
) {
  const { i18n } = c.var
  const t = i18n.t
  const { issue } = view
  return renderPage(
    c,
    { title: issueName(c, issue), status: view.reviseForm ? 422 : 200 },
    <>
      <Nav t={t} />
      <p class="eyebrow">{t(`coordination.baskets.${issue.basket}`)}</p>
      <h1>{issueName(c, issue)}</h1>
      <p class="lead">{localized(issue.description, i18n.locale)}</p>
      <p>
        <Tag>{t(`coordination.scopes.${issue.scope}`)}</Tag> {issue.scopeRationale}
        {issue.emerging ? (
          <>
            {' '}
            <Tag tone="warn">
              {t('coordination.emergingSince', { date: i18n.date(issue.firstRaisedOn ?? issue.createdAt) })}
            </Tag>
          </>
        ) : null}
      </p>
      {issue.triageReason ? (
        <p class="muted">{t('coordination.triageReason', { reason: issue.triageReason })}</p>
      ) : null}
      {view.gaps.length ? (
        <div class="notice" role="note">
          <ul>
            {view.gaps.map((g) => (
              <li>{t(`coordination.gaps.kind.${g.kind}`)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <h2>{t('coordination.mechanisms.addressing', { count: view.mechanisms.length })}</h2>
      <MechanismTable c={c} mechanisms={view.mechanisms} organizations={view.organizations} />
      {view.canEdit ? <ReviseForm c={c} issue={issue} form={view.reviseForm} /> : null}
    </>,
  )
}

/** The Secretariat's revision of an issue, open when a revision was refused. */
function ReviseForm({ c, issue, form: refused }: { c: Context<AppEnv>; issue: Issue; form?: FormState | undefined }) {
  const t = c.var.i18n.t
  const form: FormState = {
    values: refused?.values ?? {
      scope: issue.scope,
      basket: issue.basket,
      scopeRationale: issue.scopeRationale,
      emerging: issue.emerging ? ['true'] : [],
    },
    issues: refused?.issues ?? [],
    idPrefix: 'rev-',
  }
  return (
    <details open={refused !== undefined}>
      <summary>{t('coordination.revise.title')}</summary>
      <ErrorSummary t={t} form={form} />
      <Form action={`/issues/${issue.id}/revise`} csrfToken={c.var.csrfToken} class="stacked">
        <ClassificationFields t={t} form={form} />
        <button type="submit" class="button secondary">
          {t('coordination.revise.submit')}
        </button>
      </Form>
    </details>
  )
}
