// Kysely types of the actors tables (migrations/).
import type { Generated } from 'kysely'
import type { CreatedAt, Json } from '../../core/db/tables.ts'
import type { Localized, StakeholderGroup } from './rules/vocabulary.ts'

export interface RegionalGroupMembership {
  group: string
  electoral: boolean
  note: string | null
}

export interface Classification {
  kind: 'ldc' | 'lldc' | 'sids'
  validUntil: string | null
  source: string
}

export interface ActorsMemberStateTable {
  iso3: string
  iso2: string
  m49: string
  membership: 'member' | 'observer'
  shortName: Json<Localized>
  formalName: Json<Localized>
  regionalGroups: Json<RegionalGroupMembership[]>
  classifications: Json<Classification[]>
  sourceHash: string
  updatedAt: CreatedAt
}

export interface ActorsOrganizationTable {
  id: Generated<number>
  slug: string
  name: Json<Partial<Localized>>
  acronym: string | null
  stakeholderGroup: StakeholderGroup
  headquartersIso3: string | null
  website: string | null
  description: Json<Partial<Localized>>
  searchText: Generated<string>
  createdBy: number | null
  createdAt: CreatedAt
  updatedAt: CreatedAt
}

export interface ActorsPersonTable {
  id: Generated<number>
  name: string
  honorific: string | null
  accountId: number | null
  profilePublic: Generated<boolean>
  createdAt: CreatedAt
  updatedAt: CreatedAt
}

export interface ActorsAffiliationTable {
  id: Generated<number>
  personId: number
  memberStateIso3: string | null
  organizationId: number | null
  title: string | null
  startedOn: string | null
  endedOn: string | null
  createdAt: CreatedAt
}

export type ActorsTables = {
  actorsMemberState: ActorsMemberStateTable
  actorsOrganization: ActorsOrganizationTable
  actorsPerson: ActorsPersonTable
  actorsAffiliation: ActorsAffiliationTable
}
