// The balance of participation is public: anyone may read it, as they may read the record it is
// computed from.
import { type ActionsOf, defineActions } from '../../core/auth/actions.ts'
import { EVERYONE } from '../../core/auth/personas.ts'

export const balanceActions = defineActions({
  'balance.read': { scope: 'read', allow: () => true, expect: [{ allowed: EVERYONE }] },
})

declare module '../../core/auth/actions.ts' {
  interface Actions extends ActionsOf<typeof balanceActions> {}
}
