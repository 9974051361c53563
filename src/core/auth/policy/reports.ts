// Who may issue a report and follow it up: the Secretariat sets its symbol, distribution and date,
// attributes divergent views as the body decided, transmits it up the chain and records what
// became of each recommendation. The Chair negotiates the text; the issue is the Secretariat's.
import { type Actor, isStaff } from '../actor.ts'

export const reportsPolicy = {
  /** Set the report's issue (symbol, distribution, date ...) and attribute its divergent views. */
  'report.issue': (actor: Actor) => isStaff(actor),
  /** Record the report's transmission to the parent body. */
  'report.transmit': (actor: Actor) => isStaff(actor),
  /** Record the follow-up of a recommendation (status per year, with its source). */
  'report.follow_up': (actor: Actor) => isStaff(actor),
}
