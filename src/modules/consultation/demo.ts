// Demo data: a small bulk import into the demo's first call that takes contributions (a campaign
// of copies, edited and extended ones, unique texts, one refused record), then its campaigns.
import { Readable } from 'node:stream'
import { SYSTEM } from '../../core/auth/actor.ts'
import type { DemoContext } from '../../core/module.ts'
import { callsOf, listProcesses } from '../processes/index.ts'
import { runImport, sha256Of, startImport } from './queries-intake.ts'
import { rebuildCampaigns } from './queries-rebuild.ts'

const TEMPLATE =
  'We ask the Working Group to keep the Internet open, affordable and available in every language. Decisions about the network should be taken in the open, with the people who use it, and with time for everyone to answer.'

export async function loadConsultationDemo(ctx: DemoContext): Promise<void> {
  const account = ctx.accounts.get('admin') ?? ctx.accounts.get('secretariat')
  if (!account) return
  let target: { id: number; languages: string[] } | undefined
  for (const p of await listProcesses(ctx.db)) {
    if (p.state === 'concluded') continue
    target = (await callsOf(ctx.db, p.id)).find((call) => call.languages.includes('en'))
    if (target) break
  }
  if (!target) return
  const rows = [
    ['ext-1', TEMPLATE],
    ['ext-2', TEMPLATE],
    ['ext-3', TEMPLATE.toUpperCase()],
    ['ext-4', `${TEMPLATE} In my village the school is the only place with a connection.`],
    ['ext-5', TEMPLATE.replace('affordable', 'afordable')],
    ['ext-6', `Dear Chair, please read this. ${TEMPLATE}`],
    ['ext-7', 'Standards bodies should publish their drafts openly and answer the comments they receive.'],
    ['ext-8', 'Capacity building for small island States should come before new obligations.'],
  ]
  const csv = [
    'external_id,submitted_at,speaker_kind,speaker_name,organization,country,language,question,text',
    ...rows.map(
      ([id, text], i) =>
        `${id},2026-11-0${2 + (i % 3)}T10:${10 + i}:00Z,individual,Demo Writer ${i + 1},,BRA,en,1,"${text}"`,
    ),
    'ext-9,last Tuesday,individual,Demo Writer 9,,,en,1,A date nobody can read.',
  ].join('\n')
  const now = new Date()
  const started = await startImport(
    ctx.db,
    { actor: SYSTEM, now },
    {
      callId: target.id,
      accountId: account.id,
      fileName: 'letters-received.csv',
      format: 'csv',
      sha256: sha256Of(csv),
    },
  )
  if (!started.ok) return
  await runImport(ctx.db, { actor: SYSTEM, now }, started.value.id, Readable.from([Buffer.from(csv)]))
  await rebuildCampaigns(ctx.db, { actor: SYSTEM, now }, target.id)
}
