// Capacity gaps and offers: delegations and the Secretariat record gaps; providers record offers.
import { type ActionsOf, defineActions } from '../../core/auth/actions.ts'
import { type Actor, delegationsOf, isStaff, organizationsOf } from '../../core/auth/actor.ts'
import { PERSONA, STAFF } from '../../core/auth/personas.ts'

export const capacityActions = defineActions({
  'capacity.record': {
    scope: 'contribute',
    allow: (actor: Actor) => isStaff(actor) || delegationsOf(actor).length > 0,
    expect: [{ allowed: [...STAFF, 'government_delegate'] }],
  },
  'capacity.offer': {
    scope: 'contribute',
    allow: (actor: Actor, subject: { organizationId: number }) =>
      isStaff(actor) || organizationsOf(actor).includes(subject.organizationId),
    expect: [
      { subject: { organizationId: PERSONA.organizationId }, allowed: [...STAFF, 'stakeholder_representative'] },
      { subject: { organizationId: PERSONA.otherOrganizationId }, allowed: STAFF },
    ],
  },
  'capacity.manage': { scope: 'secretariat', allow: (actor: Actor) => isStaff(actor), expect: [{ allowed: STAFF }] },
})

declare module '../../core/auth/actions.ts' {
  interface Actions extends ActionsOf<typeof capacityActions> {}
}
