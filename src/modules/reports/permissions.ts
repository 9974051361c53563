// Who may issue a report and follow it up: the Secretariat sets its symbol, distribution and date,
// attributes divergent views as the body decided, transmits it up the chain and records what
// became of each recommendation. The Chair negotiates the text; the report's issue is the
// Secretariat's.
import { type ActionsOf, defineActions } from '../../core/auth/actions.ts'
import { type Actor, isStaff } from '../../core/auth/actor.ts'
import { STAFF } from '../../core/auth/personas.ts'

export const reportsActions = defineActions({
  /** Set the report's issue (symbol, distribution, date, document and revision) and attribute its divergent views. */
  'report.issue': { scope: 'secretariat', allow: (actor: Actor) => isStaff(actor), expect: [{ allowed: STAFF }] },
  /** Record the report's transmission to the parent body, whose process receives it as a document. */
  'report.transmit': { scope: 'secretariat', allow: (actor: Actor) => isStaff(actor), expect: [{ allowed: STAFF }] },
  /** Record what became of a recommendation in a year, with its source. */
  'report.follow_up': { scope: 'secretariat', allow: (actor: Actor) => isStaff(actor), expect: [{ allowed: STAFF }] },
})

declare module '../../core/auth/actions.ts' {
  interface Actions extends ActionsOf<typeof reportsActions> {}
}
