// Who may read and edit the directory of Member States, organizations and people.
import { type Actor, isStaff, organizationsOf } from '../actor.ts'

export const actorsPolicy = {
  'member_state.read': () => true,
  'organization.read': () => true,
  'person.read': () => true,
  /** Add an organization to the directory. */
  'organization.create': (actor: Actor) => isStaff(actor),
  /** Edit an organization: the Secretariat, or one of its accredited representatives. */
  'organization.update': (actor: Actor, subject: { organizationId: number }) =>
    isStaff(actor) || organizationsOf(actor).includes(subject.organizationId),
}
