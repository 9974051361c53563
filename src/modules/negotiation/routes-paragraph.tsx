// A paragraph's own page (`/paragraphs/:id`): where a delegate, the Chair or a stakeholder works on
// one paragraph, on a slow link, without loading the whole text. `?closed=1` lists the closed
// amendments too.
import type { Hono } from 'hono'
import { delegationsOf, organizationsOf } from '../../core/auth/actor.ts'
import { can } from '../../core/auth/authorize.ts'
import type { AppEnv } from '../../core/http/context.ts'
import { respondError } from '../../core/http/errors.tsx'
import { idParam } from '../../core/http/ids.ts'
import { namesFor } from '../proposals/index.ts'
import { bridgingFor } from './bridging.tsx'
import { documentWithBody } from './context.ts'
import { findParagraph } from './queries.ts'
import { amendmentsOfParagraph, childrenOf, commentsOfParagraph, positionsBySubject } from './queries-page.ts'
import { tally } from './rules/consensus.ts'
import { renderParagraph } from './views/paragraph.tsx'

export function registerParagraphRoutes(app: Hono<AppEnv>): void {
  app.get('/paragraphs/:id', async (c) => {
    const db = c.var.db
    const paragraph = await findParagraph(db, idParam(c))
    const found = paragraph ? await documentWithBody(db, paragraph.documentId) : undefined
    if (!paragraph || !found) return respondError(c, { type: 'not_found', id: 'paragraph_not_found' })
    const { document, bodyId } = found
    const [children, amendments, comments, standing] = await Promise.all([
      childrenOf(db, paragraph.id),
      amendmentsOfParagraph(db, paragraph.id, c.req.query('closed') === '1'),
      commentsOfParagraph(db, paragraph.id),
      positionsBySubject(db, 'paragraph', [paragraph.id]),
    ])
    const amendmentStandings = await positionsBySubject(
      db,
      'amendment',
      amendments.open.map((a) => a.id),
    )
    const actor = c.var.actor
    const organizations = organizationsOf(actor)
    const names = await namesFor(c, [
      ...new Set([
        ...organizations,
        ...[...amendments.open, ...(amendments.closed ?? [])].flatMap((a) =>
          a.organizationId ? [a.organizationId] : [],
        ),
        ...comments.map((k) => k.organizationId),
      ]),
    ])
    const own = standing.get(paragraph.id)
    return renderParagraph(c, {
      document,
      paragraph,
      children,
      tally: own?.tally ?? tally([]),
      positions: own?.positions ?? [],
      open: amendments.open,
      closed: amendments.closed,
      closedCount: amendments.closedCount,
      comments,
      bridging: await bridgingFor(c, paragraph, bodyId),
      documentId: document.id,
      language: document.language,
      amendmentTallies: new Map([...amendmentStandings].map(([id, s]) => [id, s.tally])),
      ...names,
      can: {
        manage: can(actor, 'negotiation.manage', { bodyId }),
        declare: can(actor, 'consensus.declare', { bodyId }),
        answer: can(actor, 'comment.answer'),
        delegations: delegationsOf(actor),
        organizations,
        tableAsOrganization: document.stakeholdersMayTable,
      },
    })
  })
}
