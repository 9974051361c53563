// The benchmark scenarios, in the order `npm run bench` runs them. Add a module's scenario here.
import type { Scenario } from '../scenario.ts'
import { balance } from './balance.ts'
import { consultation } from './consultation.ts'
import { coordination } from './coordination.ts'
import { deliberation } from './deliberation.ts'
import { foundation } from './foundation.ts'
import { negotiation } from './negotiation.ts'
import { processes } from './processes.ts'
import { upkeep } from './upkeep.ts'

export const scenarios: Scenario[] = [
  foundation,
  processes,
  coordination,
  negotiation,
  consultation,
  balance,
  deliberation,
  upkeep,
]
