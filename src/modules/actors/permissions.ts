// Who may read and edit the directory of Member States, organizations and people.
import { type ActionsOf, defineActions } from '../../core/auth/actions.ts'
import { type Actor, isStaff, organizationsOf } from '../../core/auth/actor.ts'
import { EVERYONE, PERSONA, STAFF } from '../../core/auth/personas.ts'

export const actorsActions = defineActions({
  'member_state.read': { scope: 'read', allow: () => true, expect: [{ allowed: EVERYONE }] },
  'organization.read': { scope: 'read', allow: () => true, expect: [{ allowed: EVERYONE }] },
  'person.read': { scope: 'read', allow: () => true, expect: [{ allowed: EVERYONE }] },
  /** Add an organization to the directory. */
  'organization.create': {
    scope: 'secretariat',
    allow: (actor: Actor) => isStaff(actor),
    expect: [{ allowed: STAFF }],
  },
  /** Edit an organization: the Secretariat, or one of its accredited representatives. */
  'organization.update': {
    scope: 'contribute',
    allow: (actor: Actor, subject: { organizationId: number }) =>
      isStaff(actor) || organizationsOf(actor).includes(subject.organizationId),
    expect: [
      { subject: { organizationId: PERSONA.organizationId }, allowed: [...STAFF, 'stakeholder_representative'] },
      // a representative edits only the organization they speak for
      { subject: { organizationId: PERSONA.otherOrganizationId }, allowed: STAFF },
    ],
  },
})

declare module '../../core/auth/actions.ts' {
  interface Actions extends ActionsOf<typeof actorsActions> {}
}
