// The wordings that bridge, as the Chair sees them beside a paragraph in the negotiation: each
// statement of the proposal's deliberations with its bridging score and each declared group's
// agreement, best first, linked to the full results.
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/http/context.ts'
import type { BridgingWording } from '../bridging-wordings.ts'
import { groupName, percent, StatementText } from './parts.tsx'

export function BridgingWordings({ c, wordings }: { c: Context<AppEnv>; wordings: BridgingWording[] }) {
  const t = c.var.i18n.t
  const deliberations = [...new Set(wordings.map((w) => w.deliberationId))]
  return (
    <section aria-labelledby="bridging-wordings">
      <h2 id="bridging-wordings">{t('deliberation.bridgingWordings.title')}</h2>
      <p>{t('deliberation.bridgingWordings.lead')}</p>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('deliberation.statement')}</th>
              <th scope="col">{t('deliberation.score')}</th>
              <th scope="col">{t('deliberation.bridging.byGroup')}</th>
            </tr>
          </thead>
          <tbody>
            {wordings.map((w) => (
              <tr>
                <td>
                  <StatementText text={w.text} fallback={String(w.statementId)} />
                </td>
                <td class="num">{percent(w.score)}</td>
                <td>
                  {c.var.i18n.list(
                    Object.entries(w.byGroup).map(([group, v]) => `${groupName(t, group)}: ${percent(v)}`),
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul>
        {deliberations.map((id) => (
          <li>
            <a href={`/deliberations/${id}/results`}>{t('deliberation.bridgingWordings.results', { id })}</a>
          </li>
        ))}
      </ul>
    </section>
  )
}
