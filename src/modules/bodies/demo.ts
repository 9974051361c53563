// Loads the demo's bodies: the chain of bodies (General Assembly, ECOSOC, CSTD, WGEC) with their
// names in the six languages, the WGEC's composition, members, observer and officers. The demo's
// Chair chairs the two bodies whose processes the processes demo runs (the WGEC and the CSTD).
import { recordAudit } from '../../core/audit/audit.ts'
import { SYSTEM } from '../../core/auth/actor.ts'
import { grantRole } from '../../core/auth/grants.ts'
import type { DemoContext } from '../../core/module.ts'
import type { Result } from '../../core/result.ts'
import { findOrganizationBySlug } from '../actors/index.ts'
import { addBodyMember, addBodyOfficer, createBody } from './commands.ts'
import { NAMES, WGEC_ORGANIZATIONS, WGEC_STATES } from './demo-data.ts'

function must<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`demo ${what}: ${JSON.stringify(result.error)}`)
  return result.value
}

/** The demo's Chair account chairs `bodyId`: a grant scoped to that body, as an administrator makes it. */
async function chairOf(ctx: DemoContext, bodyId: number) {
  const chair = ctx.accounts.get('chair')
  if (!chair) throw new Error('demo account chair is missing')
  const scope = { type: 'body' as const, id: String(bodyId) }
  const grant = await grantRole(ctx.db, { accountId: chair.id, role: 'chair', scope, grantedBy: null })
  await recordAudit(ctx.db, {
    actor: SYSTEM,
    action: 'role.granted',
    subjectType: 'account',
    subjectId: chair.id,
    payload: { grantId: grant.id, role: 'chair', scope },
  })
}

async function organizationId(demo: DemoContext, slug: string): Promise<number> {
  const org = await findOrganizationBySlug(demo.db, slug)
  if (!org) throw new Error(`demo organization ${slug} is missing`)
  return org.id
}

export async function loadBodiesDemo(demo: DemoContext): Promise<void> {
  const { db } = demo
  const ctx = { actor: SYSTEM, now: new Date('2016-05-13T12:00:00Z') }
  const ga = must(
    await createBody(db, ctx, {
      slug: 'unga',
      name: 'United Nations General Assembly',
      acronym: 'UNGA',
      names: NAMES.unga,
    }),
    'GA',
  )
  const ecosoc = must(
    await createBody(db, ctx, {
      slug: 'ecosoc',
      name: 'Economic and Social Council',
      names: NAMES.ecosoc,
      acronym: 'ECOSOC',
      parentBodyId: ga.id,
      memberStateSeats: 54,
    }),
    'ECOSOC',
  )
  const cstd = must(
    await createBody(db, ctx, {
      slug: 'cstd',
      name: 'Commission on Science and Technology for Development',
      names: NAMES.cstd,
      acronym: 'CSTD',
      parentBodyId: ecosoc.id,
      memberStateSeats: 43,
      mandateSymbol: 'E/RES/1992/62',
      description:
        'A subsidiary body of ECOSOC and the UN system’s focal point for the follow-up of the World Summit on the Information Society.',
    }),
    'CSTD',
  )
  const wgec = must(
    await createBody(db, ctx, {
      slug: 'wgec',
      name: 'Working Group on Enhanced Cooperation',
      names: NAMES.wgec,
      acronym: 'WGEC',
      parentBodyId: cstd.id,
      mandateSymbol: 'A/RES/70/125, para. 65',
      termStartsOn: '2016-09-30',
      termEndsOn: '2018-05-18',
      memberStateSeats: 22,
      stakeholderSeats: {
        private_sector: 4,
        civil_society: 5,
        technical_community: 5,
        academic_community: 2,
        intergovernmental_organization: 4,
      },
      illustrativeMembership: true,
      description:
        'Established by the Chair of the CSTD in 2016 under A/RES/70/125 para 65 to develop recommendations on how to further implement enhanced cooperation as envisioned by the Tunis Agenda.',
    }),
    'WGEC',
  )
  await chairOf(demo, wgec.id)
  await chairOf(demo, cstd.id)
  for (const iso3 of WGEC_STATES) {
    must(
      await addBodyMember(db, ctx, wgec.id, { standing: 'member', memberStateIso3: iso3, since: '2016-06-01' }),
      iso3,
    )
  }
  for (const slug of WGEC_ORGANIZATIONS) {
    const id = await organizationId(demo, slug)
    must(await addBodyMember(db, ctx, wgec.id, { standing: 'member', organizationId: id, since: '2016-06-01' }), slug)
  }
  const unDesa = await organizationId(demo, 'un-desa')
  must(await addBodyMember(db, ctx, wgec.id, { standing: 'observer', organizationId: unDesa }), 'observer')
  must(
    await addBodyOfficer(db, ctx, wgec.id, {
      office: 'chair',
      name: 'Ambassador Benedicto Fonseca Filho',
      memberStateIso3: 'BRA',
      selection: 'designated',
      since: '2016-09-30',
      record: 'Designated by the Chair of the CSTD (A/RES/70/125, para. 65)',
    }),
    'Chair',
  )
  must(
    await addBodyOfficer(db, ctx, wgec.id, { office: 'secretariat', name: 'CSTD secretariat (UNCTAD)' }),
    'Secretariat',
  )
}
