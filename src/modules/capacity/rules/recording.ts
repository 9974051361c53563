// Who records a capacity gap, and for whom. A gap of a State is that State's to name: its own
// delegates record it, or the Secretariat (which also records what a State says in a meeting or a
// report). A regional group has no delegation of its own; in UN practice its members speak for it,
// so a gap of a group is recorded by a delegate of any Member State in that group (Türkiye's
// delegates for both its groups), or by the Secretariat. Pure: the command passes the recorder's
// delegations and the groups those States belong to.
import { err, ok, type Result } from '../../../core/result.ts'

export interface Recorder {
  /** the Secretariat, an administrator, or the platform itself */
  isSecretariat: boolean
  /** the Member States (ISO alpha-3) the recorder is an accredited delegate of */
  delegations: readonly string[]
  /** the UN regional groups those States belong to */
  groupsOfDelegations: readonly string[]
}

export interface GapPlace {
  memberStateIso3?: string | undefined
  regionalGroup?: string | undefined
}

/** Why this recorder may not record a gap for this place, or ok. */
export function gapRecordingRefusal(recorder: Recorder, place: GapPlace): Result<void> {
  if (recorder.isSecretariat) return ok(undefined)
  if (place.memberStateIso3 && !recorder.delegations.includes(place.memberStateIso3)) {
    return err({ type: 'forbidden', id: 'capacity_not_your_state' })
  }
  if (place.regionalGroup && !recorder.groupsOfDelegations.includes(place.regionalGroup)) {
    return err({ type: 'forbidden', id: 'capacity_not_your_group' })
  }
  return ok(undefined)
}
