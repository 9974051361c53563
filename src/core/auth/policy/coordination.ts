// Who may change the map of issues and mechanisms: anyone signed in proposes an issue; the
// Secretariat triages proposals and records mechanisms.
import { type Actor, isSignedIn, isStaff } from '../actor.ts'

export const coordinationPolicy = {
  'issue.propose': (actor: Actor) => isSignedIn(actor),
  'issue.triage': (actor: Actor) => isStaff(actor),
  'mechanism.manage': (actor: Actor) => isStaff(actor),
}
