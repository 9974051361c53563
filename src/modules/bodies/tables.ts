// Kysely types of the bodies tables. The first three were created by the processes module's first
// migration and renamed to this module's prefix by migrations/20261207-0230-bodies-own-their-tables.
import type { Generated } from 'kysely'
import type { CreatedAt, Json } from '../../core/db/tables.ts'
import type { Localized, StakeholderGroup } from '../actors/index.ts'

export const OFFICES = ['chair', 'vice_chair', 'rapporteur', 'secretariat'] as const
export type Office = (typeof OFFICES)[number]
export const SELECTIONS = ['elected', 'designated'] as const
export type Selection = (typeof SELECTIONS)[number]
export const STANDINGS = ['member', 'observer'] as const
export type Standing = (typeof STANDINGS)[number]

/** Seats per stakeholder group, as a body's composition rules set them. */
export type StakeholderSeats = Partial<Record<StakeholderGroup, number>>

export interface BodiesBodyTable {
  id: Generated<number>
  slug: string
  name: string
  names: Json<Partial<Localized>>
  acronym: string | null
  description: Generated<string>
  parentBodyId: number | null
  mandateSymbol: string | null
  mandateText: Generated<string>
  memberStateSeats: number | null
  stakeholderSeats: Json<StakeholderSeats>
  termStartsOn: string | null
  termEndsOn: string | null
  illustrativeMembership: Generated<boolean>
  createdAt: CreatedAt
  updatedAt: CreatedAt
}

export interface BodiesMemberTable {
  id: Generated<number>
  bodyId: number
  standing: Standing
  memberStateIso3: string | null
  organizationId: number | null
  since: string | null
  until: string | null
}

export interface BodiesOfficerTable {
  id: Generated<number>
  bodyId: number
  office: Office
  name: string
  personId: number | null
  memberStateIso3: string | null
  organizationId: number | null
  selection: Selection | null
  record: string | null
  since: string | null
  until: string | null
}

export interface BodiesRepresentativeTable {
  id: Generated<number>
  memberId: number
  name: string
  function: string | null
  personId: number | null
  createdAt: CreatedAt
}

export type BodiesTables = {
  bodiesBody: BodiesBodyTable
  bodiesMember: BodiesMemberTable
  bodiesOfficer: BodiesOfficerTable
  bodiesRepresentative: BodiesRepresentativeTable
}
