// Proposals of recommendations: the list for a process, one proposal with every version and its
// lineage both ways (what it was merged into, what was merged into it, the contributions it draws
// on and the paragraphs its text became), and the forms to put one forward, revise or merge.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { textLanguage } from '../../../core/i18n/locales.ts'
import { Tag } from '../../../core/ui/components.tsx'
import { ErrorSummary, Form, type FormState, LanguageField, TextArea, TextField } from '../../../core/ui/form.tsx'
import { renderPage } from '../../../core/ui/layout.tsx'
import type { Process } from '../../processes/index.ts'
import type { NegotiatingDocument, Paragraph, ProposalDetail } from '../queries.ts'
import { Cosponsorships } from './cosponsorship.tsx'
import { BracketedText } from './text.tsx'

type Names = { stateName: (iso3: string) => string; orgName: (id: number) => string }

function proponents(p: ProposalDetail, names: Names, list: (items: string[]) => string): string {
  return list([...p.memberStates.map(names.stateName), ...p.organizations.map(names.orgName)])
}

export function renderProposals(
  c: Context<AppEnv>,
  view: Names & {
    process: Process
    proposals: ProposalDetail[]
    documents: NegotiatingDocument[]
    canSubmit: boolean
    canMerge: boolean
    canOpenDocument: boolean
  },
) {
  const { i18n, csrfToken } = c.var
  const t = i18n.t
  const title = t('negotiation.proposals.title')
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
              {t('negotiation.proposals.new')}
            </a>
          </li>
        ) : null}
        {view.canOpenDocument ? (
          <li>
            <a class="button secondary" href={`/negotiation/new?process=${view.process.id}`}>
              {t('negotiation.documents.new')}
            </a>
          </li>
        ) : null}
      </ul>
      {view.documents.length ? (
        <section aria-labelledby="documents">
          <h2 id="documents">{t('negotiation.documents.title')}</h2>
          <ul>
            {view.documents.map((d) => (
              <li>
                <a href={`/negotiation/${d.id}`}>{d.title}</a> {d.symbol ? <span class="muted">{d.symbol}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p role="status">{t('negotiation.proposals.count', { count: view.proposals.length })}</p>
      <ul class="cards">
        {view.proposals.map((p) => (
          <li class="card">
            <h2 {...textLanguage(p.language)}>
              <a href={`/proposals/${p.id}`}>{p.title}</a>
            </h2>
            <p>
              <Tag tone={p.status === 'adopted' ? 'ok' : undefined}>{t(`negotiation.proposalStatus.${p.status}`)}</Tag>{' '}
              {proponents(p, view, c.var.i18n.list)}
            </p>
            <p class="muted">{t('negotiation.proposals.versions', { count: p.versions.length })}</p>
          </li>
        ))}
      </ul>
      {view.canMerge && open.length >= 2 ? (
        <section aria-labelledby="merge">
          <h2 id="merge">{t('negotiation.merge.title')}</h2>
          <Form action="/proposals/merge" csrfToken={csrfToken} class="stacked">
            <fieldset>
              <legend>{t('negotiation.merge.which')}</legend>
              {open.map((p) => (
                <div class="choice">
                  <input type="checkbox" name="ids[]" id={`merge-${p.id}`} value={String(p.id)} />
                  <label for={`merge-${p.id}`}>{p.title}</label>
                </div>
              ))}
            </fieldset>
            <label for="merge-title">{t('negotiation.proposal.titleField')}</label>
            <input id="merge-title" name="title" required maxlength={300} />
            <label for="merge-text">{t('negotiation.proposal.text')}</label>
            <textarea id="merge-text" name="text" rows={5} required maxlength={20000} />
            <button type="submit" class="button">
              {t('negotiation.merge.submit')}
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
    paragraphs: (Paragraph & { documentTitle: string })[]
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
        <a href={`/processes/${view.process.id}/proposals`}>{t('negotiation.proposals.title')}</a>
      </p>
      <h1 {...textLanguage(proposal.language)}>{proposal.title}</h1>
      <p>
        <Tag tone={proposal.status === 'adopted' ? 'ok' : undefined}>
          {t(`negotiation.proposalStatus.${proposal.status}`)}
        </Tag>{' '}
        {t('negotiation.proposal.by', { proponents: proponents(proposal, view, c.var.i18n.list) })}
      </p>
      {view.mergedInto ? (
        <p class="notice">
          {t('negotiation.proposal.mergedInto')}{' '}
          <a href={`/proposals/${view.mergedInto.id}`}>{view.mergedInto.title}</a>
        </p>
      ) : null}
      {latest ? (
        <section aria-labelledby="text">
          <h2 id="text">{t('negotiation.proposal.textOf', { version: latest.number })}</h2>
          <p class="prose" {...textLanguage(proposal.language)}>
            <BracketedText text={latest.text} />
          </p>
          {latest.rationale ? (
            <>
              <h3>{t('negotiation.proposal.rationale')}</h3>
              <p class="prose" {...textLanguage(proposal.language)}>
                {latest.rationale}
              </p>
            </>
          ) : null}
        </section>
      ) : null}
      {view.mergedFrom.length ? (
        <section aria-labelledby="merged-from">
          <h2 id="merged-from">{t('negotiation.proposal.mergedFrom')}</h2>
          <ul>
            {view.mergedFrom.map((p) => (
              <li>
                <a href={`/proposals/${p.id}`}>{p.title}</a> ({proponents(p, view, c.var.i18n.list)})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {view.paragraphs.length ? (
        <section aria-labelledby="went">
          <h2 id="went">{t('negotiation.proposal.whereItWent')}</h2>
          <ul>
            {view.paragraphs.map((p) => (
              <li>
                <a href={`/negotiation/${p.documentId}#para-${p.id}`}>
                  {p.documentTitle} {p.label}
                </a>{' '}
                <Tag>{t(`negotiation.status.${p.status}`)}</Tag>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {proposal.contributions.length ? (
        <section aria-labelledby="sources">
          <h2 id="sources">{t('negotiation.proposal.drawsOn')}</h2>
          <ul class="inline-list">
            {proposal.contributions.map((id) => (
              <li>
                <a href={`/contributions/${id}`}>{t('negotiation.proposal.contribution', { id })}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {proposal.versions.length > 1 ? (
        <section aria-labelledby="versions">
          <h2 id="versions">{t('negotiation.proposal.earlierVersions')}</h2>
          {proposal.versions
            .slice(0, -1)
            .reverse()
            .map((v) => (
              <details>
                <summary>
                  {t('negotiation.proposal.versionOf', { version: v.number, date: i18n.dateTime(v.createdAt) })}
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
          <h2 id="revise">{t('negotiation.proposal.revise')}</h2>
          <Form action={`/proposals/${proposal.id}/revise`} csrfToken={csrfToken} class="stacked">
            <label for="rev-text">{t('negotiation.proposal.text')}</label>
            <textarea id="rev-text" name="text" rows={6} required maxlength={20000}>
              {latest?.text ?? ''}
            </textarea>
            <label for="rev-rationale">{t('negotiation.proposal.rationale')}</label>
            <textarea id="rev-rationale" name="rationale" rows={3} maxlength={10000}>
              {latest?.rationale ?? ''}
            </textarea>
            <button type="submit" class="button">
              {t('negotiation.proposal.reviseSubmit')}
            </button>
          </Form>
          <Form action={`/proposals/${proposal.id}/withdraw`} csrfToken={csrfToken} class="inline">
            <button type="submit" class="button secondary">
              {t('negotiation.proposal.withdraw')}
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
  const title = t('negotiation.proposals.new')
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
          <legend>{t('negotiation.proposal.onBehalfOf')}</legend>
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
          label={t('negotiation.proposal.cosponsors')}
          hint={t('negotiation.proposal.cosponsorsHint')}
        />
        <TextField
          t={t}
          form={form}
          name="title"
          label={t('negotiation.proposal.titleField')}
          required
          maxlength={300}
        />
        <LanguageField t={t} form={form} name="language" label={t('negotiation.textLanguage')} required />
        <TextArea
          t={t}
          form={form}
          name="text"
          label={t('negotiation.proposal.text')}
          hint={t('negotiation.proposal.textHint')}
          required
          rows={8}
        />
        <TextArea t={t} form={form} name="rationale" label={t('negotiation.proposal.rationale')} rows={4} />
        <TextField
          t={t}
          form={form}
          name="contributions"
          label={t('negotiation.proposal.drawsOn')}
          hint={t('negotiation.proposal.drawsOnHint')}
        />
        <button type="submit" class="button">
          {t('negotiation.proposal.submit')}
        </button>
      </Form>
    </>,
  )
}
