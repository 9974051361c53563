// Proposals of recommendations: the list for a process, one proposal with every version and its
// lineage both ways (what it was merged into, what was merged into it, the contributions it draws
// on and the paragraphs its text became), and the forms to put one forward, revise or merge.
import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { AppEnv } from '../../../core/http/context.ts'
import { textLanguage } from '../../../core/i18n/locales.ts'
import { BracketedText } from '../../../core/ui/bracketed-text.tsx'
import { Tag } from '../../../core/ui/components.tsx'
import { ErrorSummary, Form, type FormState, LanguageField, TextArea, TextField } from '../../../core/ui/form.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import type { Process } from '../../processes/index.ts'
import type { ProposalDetail } from '../queries.ts'
import { Cosponsorships } from './cosponsorship.tsx'

type Names = { stateName: (iso3: string) => string; orgName: (id: number) => string }

function proponents(p: ProposalDetail, names: Names, list: (items: string[]) => string): string {
  return list([...p.memberStates.map(names.stateName), ...p.organizations.map(names.orgName)])
}

export function renderProposals(
  c: Context<AppEnv>,
  view: Names & {
    process: Process
    proposals: ProposalDetail[]
    canSubmit: boolean
    canMerge: boolean
    /** other modules' buttons beside "new proposal" (each an <li>) and their sections */
    actions: Child[]
    sections: Child[]
  },
) {
  const { i18n, csrfToken } = c.var
  const t = i18n.t
  const title = t('proposals.title')
  const open = view.proposals.filter((p) => p.status === 'submitted' || p.status === 'under_discussion')
  return renderPage(
    c,
    { title: `${title}: ${view.process.title}` },
    <>
      <p class="eyebrow">
        <a href={`/processes/${view.process.id}`}>{view.process.title}</a>
      </p>
      <h1>{title}</h1>
      <ul class="inline-list">
        {view.canSubmit ? (
          <li>
            <a class="button" href={`/proposals/new?process=${view.process.id}`}>
              {t('proposals.new')}
            </a>
          </li>
        ) : null}
        {view.actions}
      </ul>
      {view.sections}
      <p role="status">{t('proposals.count', { count: view.proposals.length })}</p>
      <ul class="cards">
        {view.proposals.map((p) => (
          <li class="card">
            <h2 {...textLanguage(p.language)}>
              <a href={`/proposals/${p.id}`}>{p.title}</a>
            </h2>
            <p>
              <Tag tone={p.status === 'adopted' ? 'ok' : undefined}>{t(`proposals.status.${p.status}`)}</Tag>{' '}
              {proponents(p, view, c.var.i18n.list)}
            </p>
            <p class="muted">{t('proposals.versions', { count: p.versions.length })}</p>
          </li>
        ))}
      </ul>
      {view.canMerge && open.length >= 2 ? (
        <section aria-labelledby="merge">
          <h2 id="merge">{t('proposals.merge.title')}</h2>
          <Form action="/proposals/merge" csrfToken={csrfToken} class="stacked">
            <fieldset>
              <legend>{t('proposals.merge.which')}</legend>
              {open.map((p) => (
                <div class="choice">
                  <input type="checkbox" name="ids[]" id={`merge-${p.id}`} value={String(p.id)} />
                  <label for={`merge-${p.id}`}>{p.title}</label>
                </div>
              ))}
            </fieldset>
            <label for="merge-title">{t('proposals.proposal.titleField')}</label>
            <input id="merge-title" name="title" required maxlength={300} />
            <label for="merge-text">{t('proposals.proposal.text')}</label>
            <textarea id="merge-text" name="text" rows={5} required maxlength={20000} />
            <button type="submit" class="button">
              {t('proposals.merge.submit')}
            </button>
          </Form>
        </section>
      ) : null}
    </>,
  )
}

export function renderProposal(
  c: Context<AppEnv>,
  view: Names & {
    proposal: ProposalDetail
    process: Process
    mergedInto: ProposalDetail | undefined
    mergedFrom: ProposalDetail[]
    /** other modules' sections (what the negotiation made of it) */
    sections: Child[]
    canRevise: boolean
    /** the States and organizations the reader speaks for (to answer a request to co-sponsor) */
    delegations: string[]
    organizations: number[]
  },
) {
  const { i18n, csrfToken } = c.var
  const t = i18n.t
  const { proposal } = view
  const latest = proposal.versions.at(-1)
  const open = proposal.status === 'submitted' || proposal.status === 'under_discussion'
  return renderPage(
    c,
    { title: proposal.title },
    <>
      <p class="eyebrow">
        <a href={`/processes/${view.process.id}/proposals`}>{t('proposals.title')}</a>
      </p>
      <h1 {...textLanguage(proposal.language)}>{proposal.title}</h1>
      <p>
        <Tag tone={proposal.status === 'adopted' ? 'ok' : undefined}>{t(`proposals.status.${proposal.status}`)}</Tag>{' '}
        {t('proposals.proposal.by', { proponents: proponents(proposal, view, c.var.i18n.list) })}
      </p>
      {view.mergedInto ? (
        <p class="notice">
          {t('proposals.proposal.mergedInto')} <a href={`/proposals/${view.mergedInto.id}`}>{view.mergedInto.title}</a>
        </p>
      ) : null}
      {latest ? (
        <section aria-labelledby="text">
          <h2 id="text">{t('proposals.proposal.textOf', { version: latest.number })}</h2>
          <p class="prose" {...textLanguage(proposal.language)}>
            <BracketedText text={latest.text} />
          </p>
          {latest.rationale ? (
            <>
              <h3>{t('proposals.proposal.rationale')}</h3>
              <p class="prose" {...textLanguage(proposal.language)}>
                {latest.rationale}
              </p>
            </>
          ) : null}
        </section>
      ) : null}
      {view.mergedFrom.length ? (
        <section aria-labelledby="merged-from">
          <h2 id="merged-from">{t('proposals.proposal.mergedFrom')}</h2>
          <ul>
            {view.mergedFrom.map((p) => (
              <li>
                <a href={`/proposals/${p.id}`}>{p.title}</a> ({proponents(p, view, c.var.i18n.list)})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {view.sections}
      {proposal.contributions.length ? (
        <section aria-labelledby="sources">
          <h2 id="sources">{t('proposals.proposal.drawsOn')}</h2>
          <ul class="inline-list">
            {proposal.contributions.map((id) => (
              <li>
                <a href={`/contributions/${id}`}>{t('proposals.proposal.contribution', { id })}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {proposal.versions.length > 1 ? (
        <section aria-labelledby="versions">
          <h2 id="versions">{t('proposals.proposal.earlierVersions')}</h2>
          {proposal.versions
            .slice(0, -1)
            .reverse()
            .map((v) => (
              <details>
                <summary>
                  {t('proposals.proposal.versionOf', { version: v.number, date: i18n.dateTime(v.createdAt) })}
                </summary>
                <p class="prose" {...textLanguage(proposal.language)}>
                  {v.text}
                </p>
              </details>
            ))}
        </section>
      ) : null}
      <Cosponsorships
        c={c}
        proposal={proposal}
        stateName={view.stateName}
        orgName={view.orgName}
        delegations={view.delegations}
        organizations={view.organizations}
      />
      {view.canRevise && open ? (
        <section aria-labelledby="revise">
          <h2 id="revise">{t('proposals.proposal.revise')}</h2>
          <Form action={`/proposals/${proposal.id}/revise`} csrfToken={csrfToken} class="stacked">
            <label for="rev-text">{t('proposals.proposal.text')}</label>
            <textarea id="rev-text" name="text" rows={6} required maxlength={20000}>
              {latest?.text ?? ''}
            </textarea>
            <label for="rev-rationale">{t('proposals.proposal.rationale')}</label>
            <textarea id="rev-rationale" name="rationale" rows={3} maxlength={10000}>
              {latest?.rationale ?? ''}
            </textarea>
            <button type="submit" class="button">
              {t('proposals.proposal.reviseSubmit')}
            </button>
          </Form>
          <Form action={`/proposals/${proposal.id}/withdraw`} csrfToken={csrfToken} class="inline">
            <button type="submit" class="button secondary">
              {t('proposals.proposal.withdraw')}
            </button>
          </Form>
        </section>
      ) : null}
    </>,
  )
}

export function renderProposalForm(
  c: Context<AppEnv>,
  view: Names & {
    process: Process
    form: FormState
    speakers: { value: string; label: string }[]
    status?: 200 | 403 | 422
  },
) {
  const t = c.var.i18n.t
  const { form } = view
  const title = t('proposals.new')
  return renderPage(
    c,
    { title, status: view.status ?? 200 },
    <>
      <p class="eyebrow">
        <a href={`/processes/${view.process.id}/proposals`}>{view.process.title}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary t={t} form={form} />
      <Form action="/proposals" csrfToken={c.var.csrfToken}>
        <input type="hidden" name="processId" value={String(view.process.id)} />
        <fieldset class="field">
          <legend>{t('proposals.proposal.onBehalfOf')}</legend>
          {view.speakers.map((s, i) => (
            <div class="choice">
              <input type="checkbox" name="speakers[]" id={`speaker-${i}`} value={s.value} checked={i === 0} />
              <label for={`speaker-${i}`}>{s.label}</label>
            </div>
          ))}
        </fieldset>
        <TextField
          t={t}
          form={form}
          name="cosponsors"
          label={t('proposals.proposal.cosponsors')}
          hint={t('proposals.proposal.cosponsorsHint')}
        />
        <TextField t={t} form={form} name="title" label={t('proposals.proposal.titleField')} required maxlength={300} />
        <LanguageField t={t} form={form} name="language" label={t('proposals.textLanguage')} required />
        <TextArea
          t={t}
          form={form}
          name="text"
          label={t('proposals.proposal.text')}
          hint={t('proposals.proposal.textHint')}
          required
          rows={8}
        />
        <TextArea t={t} form={form} name="rationale" label={t('proposals.proposal.rationale')} rows={4} />
        <TextField
          t={t}
          form={form}
          name="contributions"
          label={t('proposals.proposal.drawsOn')}
          hint={t('proposals.proposal.drawsOnHint')}
        />
        <button type="submit" class="button">
          {t('proposals.proposal.submit')}
        </button>
      </Form>
    </>,
  )
}
