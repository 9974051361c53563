// The scorecard is public: anyone reads it, as a page, a Word file or JSON.
import { type ActionsOf, defineActions } from '../../core/auth/actions.ts'
import { EVERYONE } from '../../core/auth/personas.ts'

export const scorecardActions = defineActions({
  'scorecard.read': { scope: 'read', allow: () => true, expect: [{ allowed: EVERYONE }] },
})

declare module '../../core/auth/actions.ts' {
  interface Actions extends ActionsOf<typeof scorecardActions> {}
}
