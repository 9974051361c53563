// The actors' boundary schemas: the same zod objects validate HTML forms and the JSON API and
// generate the OpenAPI document.
import { z } from '@hono/zod-openapi'
import { queryBoolean } from '../../core/http/api.ts'
import { LOCALES } from '../../core/i18n/locales.ts'
import { REGIONAL_GROUPS, STAKEHOLDER_GROUPS } from './rules/vocabulary.ts'

const localizedText = (max: number) => z.partialRecord(z.enum(LOCALES), z.string().trim().min(1).max(max))

export const Iso3 = z
  .string()
  .regex(/^[A-Za-z]{3}$/)
  .transform((v) => v.toUpperCase())
  .openapi({ description: 'ISO 3166-1 alpha-3 code', example: 'BRA' })

export const OrganizationInput = z
  .object({
    name: localizedText(300)
      .refine((names) => Object.values(names).some(Boolean), { message: 'actors.organizationNameRequired' })
      .openapi({
        description: 'Names by language (ar, zh, en, fr, ru, es); at least one',
        example: { en: 'Association for Progressive Communications' },
      }),
    acronym: z.string().trim().min(1).max(30).optional().openapi({ example: 'APC' }),
    stakeholderGroup: z.enum(STAKEHOLDER_GROUPS),
    headquarters: Iso3.optional().openapi({ description: 'ISO alpha-3 code of the headquarters country' }),
    website: z
      .url({ protocol: /^https?$/, error: 'validation.url' })
      .max(500)
      .optional()
      .openapi({ example: 'https://www.apc.org' }),
    description: localizedText(2000).optional(),
  })
  .openapi('OrganizationInput')

export type OrganizationInput = z.infer<typeof OrganizationInput>

const LocalizedSchema = z
  .object(Object.fromEntries(LOCALES.map((l) => [l, z.string()])) as Record<(typeof LOCALES)[number], z.ZodString>)
  .openapi('LocalizedText', { description: 'The same text in the six UN languages' })

export const MemberStateSchema = z
  .object({
    iso3: z.string().openapi({ example: 'BRA' }),
    iso2: z.string().openapi({ example: 'BR' }),
    m49: z.string().openapi({ example: '076' }),
    membership: z.enum(['member', 'observer']),
    name: z.string().openapi({ description: 'Short name in the language asked for', example: 'Brazil' }),
    shortName: LocalizedSchema,
    formalName: LocalizedSchema,
    regionalGroup: z
      .enum(REGIONAL_GROUPS)
      .nullable()
      .openapi({ description: 'The UN regional group it counts in for elections; null for observer States' }),
    regionalGroups: z.array(
      z.object({ group: z.enum(REGIONAL_GROUPS), electoral: z.boolean(), note: z.string().nullable() }),
    ),
    ldc: z.boolean().openapi({ description: 'Least developed country, today' }),
    lldc: z.boolean().openapi({ description: 'Landlocked developing country, today' }),
    sids: z.boolean().openapi({ description: 'Small island developing State, today' }),
    classifications: z.array(
      z.object({ kind: z.enum(['ldc', 'lldc', 'sids']), validUntil: z.string().nullable(), source: z.string() }),
    ),
    url: z.string().openapi({ example: '/member-states/BRA' }),
  })
  .openapi('MemberState')

export const MemberStateQuery = z.object({
  group: z
    .enum(REGIONAL_GROUPS)
    .optional()
    .openapi({ description: 'UN regional group (any membership, electoral or not)' }),
  ldc: queryBoolean.optional(),
  lldc: queryBoolean.optional(),
  sids: queryBoolean.optional(),
  membership: z.enum(['member', 'observer']).optional(),
  q: z.string().max(200).optional().openapi({ description: 'Name in any of the six languages, or an ISO code' }),
  lang: z.enum(LOCALES).optional().openapi({ description: 'Language of `name` and of error messages' }),
})

export const OrganizationSchema = z
  .object({
    id: z.number().int(),
    slug: z.string().openapi({ example: 'apc' }),
    name: z.string().openapi({ description: 'Name in the language asked for' }),
    names: localizedText(300),
    acronym: z.string().nullable(),
    stakeholderGroup: z.enum(STAKEHOLDER_GROUPS),
    headquarters: z.string().nullable().openapi({ description: 'ISO alpha-3 code' }),
    website: z.string().nullable(),
    description: localizedText(2000),
    url: z.string().openapi({ example: '/organizations/apc' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Organization')

export const OrganizationQuery = z.object({
  group: z.enum(STAKEHOLDER_GROUPS).optional(),
  headquarters: Iso3.optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  lang: z.enum(LOCALES).optional(),
})
