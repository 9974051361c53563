// Who may do what in the glossary: anyone signed in proposes a term; its proposer or the
// Secretariat withdraws it.
import { type ActionsOf, defineActions } from '../../../src/core/auth/actions.ts'
import { type Actor, accountIdOf, isSignedIn, isStaff } from '../../../src/core/auth/actor.ts'
import { PERSONA, SIGNED_IN, STAFF } from '../../../src/core/auth/personas.ts'

export const glossaryActions = defineActions({
  /** Propose a term and its definition. */
  'glossary.term.propose': {
    scope: 'contribute',
    allow: (actor: Actor) => isSignedIn(actor),
    expect: [{ allowed: SIGNED_IN }],
  },
  /** Withdraw a term: whoever proposed it, or the Secretariat. */
  'glossary.term.withdraw': {
    scope: 'contribute',
    allow: (actor: Actor, subject: { proposedBy: number }) =>
      isStaff(actor) || accountIdOf(actor) === subject.proposedBy,
    expect: [
      // every signed-in persona is account PERSONA.accountId: the term is theirs
      { subject: { proposedBy: PERSONA.accountId }, allowed: SIGNED_IN },
      { subject: { proposedBy: PERSONA.otherAccountId }, allowed: STAFF },
    ],
  },
})

declare module '../../../src/core/auth/actions.ts' {
  interface Actions extends ActionsOf<typeof glossaryActions> {}
}
