// The demo's capacity gaps and offers: illustrative gaps (marked so in their source) and offers
// modelled on real programmes of the demo's organizations; one offer matched to a gap.
import { SYSTEM } from '../../core/auth/actor.ts'
import type { DemoContext } from '../../core/module.ts'
import { listOrganizations } from '../actors/index.ts'
import { matchOffer, recordGap, recordOffer } from './commands.ts'

export async function loadCapacityDemo(ctx: DemoContext): Promise<void> {
  const at = { actor: SYSTEM, now: new Date() }
  const { rows } = await listOrganizations(ctx.db, { limit: 1000, offset: 0 })
  const org = (acronym: string) => rows.find((o) => o.acronym === acronym)?.id
  const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }, what: string): T => {
    if (!r.ok) throw new Error(`demo capacity ${what}: ${JSON.stringify(r.error)}`)
    return r.value
  }
  const source = 'Illustrative, for the demo'
  const gaps = [
    must(
      await recordGap(ctx.db, at, {
        memberStateIso3: 'MWI',
        issueSlug: 'cybersecurity',
        description: 'No national computer incident response team yet; incidents are handled case by case.',
        source,
        identifiedOn: '2025-06-10',
      }),
      'gap 1',
    ),
    must(
      await recordGap(ctx.db, at, {
        memberStateIso3: 'FJI',
        issueSlug: 'access-digital-divide',
        description: 'Outer islands lack affordable broadband; submarine cable resilience is a concern.',
        source,
        identifiedOn: '2025-09-01',
      }),
      'gap 2',
    ),
    must(
      await recordGap(ctx.db, at, {
        regionalGroup: 'african',
        issueSlug: 'data-governance',
        description: 'Few countries have the expertise to negotiate cross-border data arrangements.',
        source,
        identifiedOn: '2024-11-20',
      }),
      'gap 3',
    ),
    must(
      await recordGap(ctx.db, at, {
        memberStateIso3: 'BOL',
        issueSlug: 'cybercrime',
        description: 'Prosecutors need training on electronic evidence.',
        source,
        identifiedOn: '2025-02-14',
      }),
      'gap 4',
    ),
  ]
  const itu = org('ITU')
  const unodc = org('UNODC')
  const unctad = org('UNCTAD')
  if (!itu || !unodc || !unctad) return
  const cirt = must(
    await recordOffer(ctx.db, at, {
      organizationId: itu,
      title: 'CIRT readiness assessment and establishment',
      description: 'Assessment and support to establish national computer incident response teams.',
      issues: ['cybersecurity'],
      regions: [],
      modality: 'hybrid',
      languages: ['en', 'fr', 'es', 'ar'],
      url: 'https://www.itu.int/en/ITU-D/Cybersecurity/Pages/national-CIRT.aspx',
    }),
    'offer 1',
  )
  must(
    await recordOffer(ctx.db, at, {
      organizationId: unodc,
      title: 'Global Programme on Cybercrime: training on electronic evidence',
      description: 'Training of investigators, prosecutors and judges on cybercrime and electronic evidence.',
      issues: ['cybercrime'],
      regions: ['grulac', 'african', 'asia-pacific'],
      modality: 'in_person',
      languages: ['en', 'es', 'fr'],
      url: 'https://www.unodc.org/unodc/en/cybercrime/global-programme-cybercrime.html',
    }),
    'offer 2',
  )
  must(
    await recordOffer(ctx.db, at, {
      organizationId: unctad,
      title: 'eTrade Readiness Assessments',
      description:
        'Assessments of countries’ readiness for e-commerce and the digital economy, data governance included.',
      issues: ['ecommerce-trade', 'data-governance'],
      regions: [],
      modality: 'hybrid',
      languages: ['en', 'fr', 'es'],
      url: 'https://unctad.org/topic/ecommerce-and-digital-economy/etrade-readiness-assessments-of-LDCs',
    }),
    'offer 3',
  )
  must(await matchOffer(ctx.db, at, gaps[0]?.id as number, cirt.id, 'Illustrative match'), 'match')
}
