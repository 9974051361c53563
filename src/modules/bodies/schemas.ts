// The bodies' boundary schemas: the same zod objects validate the Secretariat's forms and the JSON
// API, and describe the API in the OpenAPI document. Limits are refused, never truncated.
import { z } from '@hono/zod-openapi'
import { IdPathParam, idSchema } from '../../core/http/ids.ts'
import { LOCALES } from '../../core/i18n/locales.ts'
import { STAKEHOLDER_GROUPS } from '../actors/index.ts'
import { OFFICES, SELECTIONS, STANDINGS } from './tables.ts'

const text = (max: number) => z.string().trim().min(1).max(max)
const isoDate = z.iso.date({ error: 'validation.format' }).openapi({ example: '2016-09-30' })
const slug = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'validation.format' })
  .max(80)
  .refine((s) => s !== 'new', { message: 'bodies.slugReserved' })
const iso3 = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, { error: 'validation.format' })
  .transform((v) => v.toUpperCase())
  .openapi({ example: 'BRA' })

/** The name in each language (English is the `name` field): { fr: "Groupe de travail ..." } */
const Names = z.partialRecord(z.enum(LOCALES), text(300)).openapi({ example: { fr: 'Groupe de travail' } })
const Seats = z
  .partialRecord(z.enum(STAKEHOLDER_GROUPS), z.coerce.number().int().min(0).max(200))
  .openapi({ description: 'Seats per stakeholder group', example: { civil_society: 5, technical_community: 5 } })

const bodyFields = {
  name: text(300).openapi({ description: 'The name in English', example: 'Working Group on Enhanced Cooperation' }),
  names: Names.optional(),
  acronym: text(30).optional().openapi({ example: 'WGEC' }),
  description: z.string().trim().max(5000).optional(),
  parentBodyId: idSchema().optional().openapi({ description: 'The body it reports to' }),
  mandateSymbol: text(100).optional().openapi({ example: 'A/RES/70/125' }),
  mandateText: z.string().trim().max(20_000).optional(),
  memberStateSeats: z.coerce.number().int().min(0).max(195).optional(),
  stakeholderSeats: Seats.optional(),
  termStartsOn: isoDate.optional(),
  termEndsOn: isoDate.optional(),
  illustrativeMembership: z.boolean().optional(),
}

const termInOrder = (b: { termStartsOn?: string | null | undefined; termEndsOn?: string | null | undefined }) =>
  !b.termStartsOn || !b.termEndsOn || b.termEndsOn >= b.termStartsOn

export const BodyInput = z
  .object({ slug, ...bodyFields })
  .refine(termInOrder, { path: ['termEndsOn'], message: 'bodies.termEndsBeforeStart' })
  .openapi('BodyInput')
export type BodyInput = z.infer<typeof BodyInput>

/** A change: the fields given change, `null` clears an optional one; the slug stays. */
export const BodyUpdate = z
  .object({
    name: bodyFields.name.optional(),
    names: Names.optional(),
    acronym: text(30).nullable().optional(),
    description: z.string().trim().max(5000).optional(),
    parentBodyId: idSchema().nullable().optional(),
    mandateSymbol: text(100).nullable().optional(),
    mandateText: z.string().trim().max(20_000).optional(),
    memberStateSeats: z.coerce.number().int().min(0).max(195).nullable().optional(),
    stakeholderSeats: Seats.optional(),
    termStartsOn: isoDate.nullable().optional(),
    termEndsOn: isoDate.nullable().optional(),
  })
  .refine(termInOrder, { path: ['termEndsOn'], message: 'bodies.termEndsBeforeStart' })
  .openapi('BodyUpdate')
export type BodyUpdate = z.infer<typeof BodyUpdate>

const RepresentativeFields = z.object({
  name: text(200),
  function: text(200).optional().openapi({ example: 'Head of delegation' }),
  personId: idSchema().optional(),
})

export const MemberInput = z
  .object({
    standing: z.enum(STANDINGS),
    memberStateIso3: iso3.optional(),
    organizationId: idSchema().optional(),
    since: isoDate.optional(),
    representatives: z.array(RepresentativeFields).max(30).optional(),
  })
  .refine((m) => Boolean(m.memberStateIso3) !== Boolean(m.organizationId), {
    path: ['memberStateIso3'],
    message: 'bodies.stateOrOrganization',
  })
  .openapi('BodyMemberInput')
export type MemberInput = z.infer<typeof MemberInput>

export const RepresentativeInput = RepresentativeFields.openapi('RepresentativeInput')
export type RepresentativeInput = z.infer<typeof RepresentativeInput>

export const OfficerInput = z
  .object({
    office: z.enum(OFFICES),
    name: text(200),
    personId: idSchema().optional(),
    memberStateIso3: iso3.optional(),
    organizationId: idSchema().optional(),
    selection: z.enum(SELECTIONS).optional(),
    since: isoDate.optional().openapi({ description: 'The date of the election or designation' }),
    record: text(300)
      .optional()
      .openapi({ description: 'Where it is recorded', example: 'E/CN.16/2017/CRP.1, para. 4' }),
  })
  .openapi('BodyOfficerInput')
export type OfficerInput = z.infer<typeof OfficerInput>

// ---- API output ----

export const IdParam = IdPathParam

export const BodySchema = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    name: z.string().openapi({ description: 'In the language asked for, else English' }),
    names: z.record(z.string(), z.string()).openapi({ description: 'The name in each language given' }),
    acronym: z.string().nullable(),
    description: z.string(),
    mandate: z.object({ symbol: z.string().nullable(), text: z.string() }),
    term: z.object({ startsOn: z.string().nullable(), endsOn: z.string().nullable() }),
    reportsTo: z.array(z.object({ id: z.number().int(), name: z.string(), acronym: z.string().nullable() })).openapi({
      description: 'The chain of bodies it reports to, nearest first',
    }),
    composition: z.object({
      memberStateSeats: z.number().int().nullable(),
      stakeholderSeats: z.record(z.string(), z.number().int()),
    }),
    illustrativeMembership: z.boolean(),
    url: z.string(),
  })
  .openapi('Body')

export const SeatSchema = z.object({
  constituency: z.string().openapi({ description: '"member_states" or a stakeholder group' }),
  seats: z.number().int().nullable(),
  filled: z.number().int(),
})

export const MemberSchema = z
  .object({
    id: z.number().int(),
    standing: z.enum(STANDINGS),
    memberState: z.string().nullable().openapi({ description: 'ISO alpha-3' }),
    organization: z.string().nullable().openapi({ description: 'Organization slug' }),
    name: z.string(),
    group: z.string().nullable().openapi({ description: 'Regional group (States) or stakeholder group' }),
    since: z.string().nullable(),
    representatives: z.array(z.object({ name: z.string(), function: z.string().nullable() })),
  })
  .openapi('BodyMember')

export const OfficerSchema = z
  .object({
    id: z.number().int(),
    office: z.enum(OFFICES),
    name: z.string(),
    memberState: z.string().nullable(),
    selection: z.enum(SELECTIONS).nullable(),
    since: z.string().nullable(),
    record: z.string().nullable(),
  })
  .openapi('BodyOfficer')

export const BodyDetailSchema = BodySchema.extend({
  seats: z.array(SeatSchema).openapi({ description: 'One row per constituency' }),
  members: z.array(MemberSchema),
  officers: z.array(OfficerSchema),
}).openapi('BodyDetail')
