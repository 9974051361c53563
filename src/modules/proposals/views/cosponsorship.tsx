// A proposal's requests to co-sponsor, each with its answer, and the forms a delegate or
// representative of the State or organization asked uses to accept, decline or withdraw.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import { Form } from '../../../core/ui/form.tsx'
import type { ProposalDetail } from '../queries.ts'

export function Cosponsorships({
  c,
  proposal,
  stateName,
  orgName,
  delegations,
  organizations,
}: {
  c: Context<AppEnv>
  proposal: ProposalDetail
  stateName: (iso3: string) => string
  orgName: (id: number) => string
  /** the States and organizations the reader speaks for */
  delegations: string[]
  organizations: number[]
}) {
  const t = c.var.i18n.t
  if (proposal.cosponsorships.length === 0) return null
  return (
    <section aria-labelledby="cosponsorships">
      <h2 id="cosponsorships">{t('proposals.cosponsorship.title')}</h2>
      <ul>
        {proposal.cosponsorships.map((k) => {
          const party = k.memberStateIso3 ? `member_state:${k.memberStateIso3}` : `organization:${k.organizationId}`
          const mine = k.memberStateIso3
            ? delegations.includes(k.memberStateIso3)
            : organizations.includes(k.organizationId as number)
          const answers =
            k.status === 'requested'
              ? (['accept', 'decline'] as const)
              : k.status === 'accepted'
                ? (['withdraw'] as const)
                : []
          return (
            <li>
              {t(`proposals.cosponsorship.${k.status}`, {
                party: k.memberStateIso3 ? stateName(k.memberStateIso3) : orgName(k.organizationId as number),
              })}
              {mine
                ? answers.map((answer) => (
                    <Form action={`/proposals/${proposal.id}/cosponsorship`} csrfToken={c.var.csrfToken} class="inline">
                      <input type="hidden" name="party" value={party} />
                      <input type="hidden" name="answer" value={answer} />{' '}
                      <button type="submit" class={answer === 'accept' ? 'button' : 'button secondary'}>
                        {t(`proposals.cosponsorship.${answer}`)}
                      </button>
                    </Form>
                  ))
                : null}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
