// Annual performance reports: the Secretariat runs the cycle; representatives write their
// organization's report.
import { type ActionsOf, defineActions } from '../../core/auth/actions.ts'
import { type Actor, isStaff, organizationsOf } from '../../core/auth/actor.ts'
import { NOBODY, PERSONA, STAFF } from '../../core/auth/personas.ts'

export const annualReportsActions = defineActions({
  'annualReport.manage': {
    scope: 'secretariat',
    allow: (actor: Actor) => isStaff(actor),
    expect: [{ allowed: STAFF }],
  },
  'annualReport.write': {
    scope: 'contribute',
    allow: (actor: Actor, subject: { organizationId: number }) =>
      organizationsOf(actor).includes(subject.organizationId),
    expect: [
      { subject: { organizationId: PERSONA.organizationId }, allowed: ['stakeholder_representative'] },
      { subject: { organizationId: PERSONA.otherOrganizationId }, allowed: NOBODY },
    ],
  },
})

declare module '../../core/auth/actions.ts' {
  interface Actions extends ActionsOf<typeof annualReportsActions> {}
}
