// The processes module's open data: bodies, processes, calls for contributions and meetings.
import type { Db } from '../../core/db/database.ts'
import type { OpenDataset } from '../../core/module.ts'
import { listBodies } from '../bodies/index.ts'
import { allCalls, listProcesses, meetingsOf } from './queries.ts'

export async function processesOpenData(db: Db): Promise<OpenDataset[]> {
  const [bodies, processes, meetings, calls] = await Promise.all([
    listBodies(db),
    listProcesses(db),
    meetingsOf(db, {}),
    allCalls(db),
  ])
  return [
    {
      name: 'bodies',
      description: 'Bodies (working groups, commissions, councils) and the body each reports to',
      fields: [
        { name: 'id', type: 'integer', description: 'Identifier' },
        { name: 'slug', type: 'string', description: 'Short name used in addresses' },
        { name: 'name', type: 'string', description: 'Name' },
        { name: 'acronym', type: 'string', description: 'Acronym' },
        { name: 'parent_body_id', type: 'integer', description: 'The body it reports to' },
        { name: 'member_state_seats', type: 'integer', description: 'Seats for Member States' },
      ],
      primaryKey: ['id'],
      foreignKeys: [{ fields: ['parent_body_id'], reference: { resource: 'bodies', fields: ['id'] } }],
      rows: bodies.map((b) => ({
        id: b.id,
        slug: b.slug,
        name: b.name,
        acronym: b.acronym,
        parent_body_id: b.parentBodyId,
        member_state_seats: b.memberStateSeats,
      })),
    },
    {
      name: 'processes',
      description: 'Processes of the bodies, with their mandate',
      fields: [
        { name: 'id', type: 'integer', description: 'Identifier' },
        { name: 'body_id', type: 'integer', description: 'The body that runs it' },
        { name: 'title', type: 'string', description: 'Title' },
        { name: 'state', type: 'string', description: 'planned, active or concluded' },
        { name: 'mandate_symbol', type: 'string', description: 'Symbol of the mandating document' },
        { name: 'mandate_paragraph', type: 'string', description: 'Paragraph of the mandate' },
        { name: 'recurrence', type: 'string', description: 'none or annual' },
      ],
      primaryKey: ['id'],
      foreignKeys: [{ fields: ['body_id'], reference: { resource: 'bodies', fields: ['id'] } }],
      rows: processes.map((p) => ({
        id: p.id,
        body_id: p.bodyId,
        title: p.title,
        state: p.state,
        mandate_symbol: p.mandateSymbol,
        mandate_paragraph: p.mandateParagraph,
        recurrence: p.recurrence,
      })),
    },
    {
      name: 'calls',
      description: 'Calls for contributions: when they open and close, who may answer, in which languages',
      fields: [
        { name: 'id', type: 'integer', description: 'Identifier' },
        { name: 'process_id', type: 'integer', description: 'The process' },
        { name: 'title', type: 'string', description: 'Title' },
        { name: 'opens_at', type: 'datetime', description: 'When it opens (UTC)' },
        { name: 'closes_at', type: 'datetime', description: 'When it closes (UTC)' },
        {
          name: 'extended_until',
          type: 'datetime',
          description: 'The new closing time when the Chair extended it (UTC)',
        },
        { name: 'eligibility', type: 'string', description: 'members, accredited_stakeholders or everyone' },
        { name: 'languages', type: 'string', description: 'Languages answers may be in, separated by spaces' },
        {
          name: 'moderation',
          type: 'string',
          description: 'immediate or after_review: answers published at once or after review',
        },
      ],
      primaryKey: ['id'],
      foreignKeys: [{ fields: ['process_id'], reference: { resource: 'processes', fields: ['id'] } }],
      rows: calls.map((c) => ({
        id: c.id,
        process_id: c.processId,
        title: c.title,
        opens_at: c.opensAt,
        closes_at: c.closesAt,
        extended_until: c.extendedUntil,
        eligibility: c.eligibility,
        languages: c.languages.join(' '),
        moderation: c.moderation,
      })),
    },
    {
      name: 'meetings',
      description: 'Meetings of the processes: dates, place, remote participation and interpretation',
      fields: [
        { name: 'id', type: 'integer', description: 'Identifier' },
        { name: 'process_id', type: 'integer', description: 'The process' },
        { name: 'number', type: 'integer', description: 'Its number in the process (first, second meeting ...)' },
        { name: 'title', type: 'string', description: 'Title' },
        { name: 'starts_at', type: 'datetime', description: 'When it starts (UTC)' },
        { name: 'ends_at', type: 'datetime', description: 'When it ends (UTC)' },
        { name: 'time_zone', type: 'string', description: 'The time zone of the place (IANA name)' },
        { name: 'venue', type: 'string', description: 'Where it is held' },
        { name: 'remote_url', type: 'string', description: 'Where to take part remotely' },
        { name: 'interpretation', type: 'string', description: 'Languages interpreted, separated by spaces' },
        { name: 'live_captioning', type: 'boolean', description: 'Live captioning is provided' },
        { name: 'sequence', type: 'integer', description: 'How many times what a calendar shows of it has changed' },
        { name: 'outcome', type: 'string', description: 'Summary of the outcome, once recorded' },
      ],
      primaryKey: ['id'],
      foreignKeys: [{ fields: ['process_id'], reference: { resource: 'processes', fields: ['id'] } }],
      rows: meetings
        .sort((a, b) => a.id - b.id)
        .map((m) => ({
          id: m.id,
          process_id: m.processId,
          number: m.number,
          title: m.title,
          starts_at: m.startsAt,
          ends_at: m.endsAt,
          time_zone: m.timeZone,
          venue: m.venue,
          remote_url: m.remoteUrl,
          interpretation: m.interpretationLanguages.join(' '),
          live_captioning: m.liveCaptioning,
          sequence: m.sequence,
          outcome: m.outcomeSummary,
        })),
    },
  ]
}
