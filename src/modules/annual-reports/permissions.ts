// Annual performance reports: the Secretariat runs the cycle; representatives write their
// organization's report.
import { type ActionsOf, defineActions } from '../../core/auth/actions.ts'
import { type Actor, isStaff, organizationsOf } from '../../core/auth/actor.ts'
import { PERSONA, STAFF } from '../../core/auth/personas.ts'

export const annualReportsActions = defineActions({
  'annualReport.manage': {
    scope: 'secretariat',
    allow: (actor: Actor) => isStaff(actor),
    expect: [{ allowed: STAFF }],
  },
  /**
   * Write an organization's report: its representatives, or the Secretariat keying it in on the
   * organization's behalf (recorded as such on the version it submits).
   */
  'annualReport.write': {
    scope: 'contribute',
    allow: (actor: Actor, subject: { organizationId: number }) =>
      isStaff(actor) || organizationsOf(actor).includes(subject.organizationId),
    expect: [
      { subject: { organizationId: PERSONA.organizationId }, allowed: ['stakeholder_representative', ...STAFF] },
      { subject: { organizationId: PERSONA.otherOrganizationId }, allowed: STAFF },
    ],
  },
})

declare module '../../core/auth/actions.ts' {
  interface Actions extends ActionsOf<typeof annualReportsActions> {}
}
