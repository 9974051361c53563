// The section "In force" that negotiation adds to a meeting's page (the processes module's
// 'meeting' section hook): read here, drawn by views/in-force.tsx, which reads no database.
import type { PageSection } from '../../core/module.ts'
import { inForceOf } from './queries-in-force.ts'
import { InForceSection } from './views/in-force.tsx'

/** The processes module's 'meeting' section: nothing when the process has no negotiating document. */
export const inForceSection: PageSection = {
  order: 10,
  render: async (c, meeting) => {
    if (!meeting.processId) return null
    const inForce = await inForceOf(c.var.db, meeting.processId, c.var.deps.now())
    return inForce.documents.length ? <InForceSection c={c} inForce={inForce} /> : null
  },
}
