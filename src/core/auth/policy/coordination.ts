// Who may change the map of issues and mechanisms (anyone signed in proposes an issue; the
// Secretariat triages proposals and records mechanisms), and who writes annual reports.
import { type Actor, delegationsOf, isSignedIn, isStaff, organizationsOf } from '../actor.ts'

export const coordinationPolicy = {
  'issue.propose': (actor: Actor) => isSignedIn(actor),
  'issue.triage': (actor: Actor) => isStaff(actor),
  'mechanism.manage': (actor: Actor) => isStaff(actor),
}

/** Annual performance reports: the Secretariat runs the cycle; representatives write their organization's. */
export const annualReportsPolicy = {
  'annualReport.manage': (actor: Actor) => isStaff(actor),
  'annualReport.write': (actor: Actor, subject: { organizationId: number }) =>
    organizationsOf(actor).includes(subject.organizationId),
}

/** The knowledge library: anyone signed in suggests; the Secretariat, as knowledge focal point, curates. */
export const knowledgePolicy = {
  'library.suggest': (actor: Actor) => isSignedIn(actor),
  'library.curate': (actor: Actor) => isStaff(actor),
}

/** Capacity gaps and offers: delegations and the Secretariat record gaps; providers record offers. */
export const capacityPolicy = {
  'capacity.record': (actor: Actor) => isStaff(actor) || delegationsOf(actor).length > 0,
  'capacity.offer': (actor: Actor, subject: { organizationId: number }) =>
    isStaff(actor) || organizationsOf(actor).includes(subject.organizationId),
  'capacity.manage': (actor: Actor) => isStaff(actor),
}

/** Deliberations: the Secretariat opens and moderates; anyone signed in writes statements and votes. */
export const deliberationPolicy = {
  'deliberation.open': (actor: Actor) => isStaff(actor),
  'deliberation.moderate': (actor: Actor) => isStaff(actor),
  'deliberation.participate': (actor: Actor) => isSignedIn(actor),
}
