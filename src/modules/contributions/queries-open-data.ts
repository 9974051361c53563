// The contributions the open data publishes: those made public (published, withdrawn with their
// public note, hidden with their public reason), without account or email.
import type { Db } from '../../core/db/database.ts'
import { cdb } from './queries.ts'

export async function publicContributions(db: Db) {
  return cdb(db)
    .selectFrom('contributionsContribution')
    .select([
      'id',
      'callId',
      'processId',
      'speakingFor',
      'memberStateIso3',
      'organizationId',
      'contributorName',
      'stakeholderGroup',
      'regionalGroup',
      'language',
      'status',
      'revisionCount',
      'createdAt',
      'publishedAt',
      'withdrawnAt',
      'withdrawalNote',
      'hiddenAt',
      'hiddenReason',
    ])
    .where('status', 'in', ['published', 'withdrawn', 'hidden'])
    .orderBy('id')
    .execute()
}
