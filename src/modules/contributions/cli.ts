// `ecp counts recount`: the participation counts kept on write (the balance, the scorecard) counted
// again from the contributions; each kept row that was wrong is printed, then corrected.
import { SYSTEM } from '../../core/auth/actor.ts'
import type { CliCommand } from '../../core/module.ts'
import { recountParticipation } from './queries-recount.ts'

export const countsCommand: CliCommand = {
  name: 'counts',
  usage: 'counts recount',
  description: 'count participation again from the contributions, print and correct every kept count that differed',
  async run(args, ctx) {
    if (args[0] !== 'recount' || args.length !== 1) {
      ctx.log.error('usage: ecp counts recount')
      return 2
    }
    const differences = await recountParticipation(ctx.deps.db, { actor: SYSTEM, now: ctx.deps.now() })
    for (const d of differences) ctx.out(`${d.table} ${JSON.stringify(d.key)}: kept ${d.kept}, counted ${d.counted}`)
    ctx.log.info(
      differences.length === 0
        ? 'the kept counts equal the contributions'
        : `${differences.length} kept counts differed from the contributions and were corrected`,
    )
    return 0
  },
}
