// The list of participants as the UN prints it: the Member States members of the body, then the
// observers (States and organizations that are observers of the body, or attended without being
// members), then the stakeholders members of the body, each group sorted by name in the reader's
// language, each delegation with its representatives and how each took part (in person, remote).
import type { AttendanceMode } from '../tables.ts'

export interface Attendee {
  name: string
  function: string | null
  mode: AttendanceMode
}

export interface Delegation {
  kind: 'state' | 'organization'
  /** ISO alpha-3 for a State, the slug for an organization */
  key: string
  name: string
  href: string
  /** the delegation's mode: remote only when every representative took part remotely */
  mode: AttendanceMode
  people: Attendee[]
}

export interface ParticipantList {
  memberStates: Delegation[]
  observers: Delegation[]
  stakeholders: Delegation[]
}

export type Standing = 'member' | 'observer'

/** Groups delegations by their standing in the body; names sorted with `collator`. */
export function arrangeParticipants(
  delegations: readonly Delegation[],
  standingOf: (d: Delegation) => Standing | null,
  collator: Intl.Collator,
): ParticipantList {
  const byName = (a: Delegation, b: Delegation) => collator.compare(a.name, b.name)
  const list: ParticipantList = { memberStates: [], observers: [], stakeholders: [] }
  for (const d of delegations) {
    const standing = standingOf(d)
    if (standing === 'member' && d.kind === 'state') list.memberStates.push(d)
    else if (standing === 'member') list.stakeholders.push(d)
    else list.observers.push(d)
  }
  list.memberStates.sort(byName)
  list.observers.sort((a, b) => (a.kind === b.kind ? byName(a, b) : a.kind === 'state' ? -1 : 1))
  list.stakeholders.sort(byName)
  return list
}

/** Several meetings' delegations as one: each delegation once, its people once by name. */
export function mergeDelegations(lists: readonly (readonly Delegation[])[]): Delegation[] {
  const merged = new Map<string, Delegation>()
  for (const d of lists.flat()) {
    const id = `${d.kind}:${d.key}`
    const seen = merged.get(id)
    if (!seen) {
      merged.set(id, { ...d, people: [...d.people] })
      continue
    }
    if (d.mode === 'in_person') seen.mode = 'in_person'
    for (const p of d.people) {
      const same = seen.people.find((q) => q.name.toLocaleLowerCase() === p.name.toLocaleLowerCase())
      if (!same) seen.people.push(p)
      else if (p.mode === 'in_person') same.mode = 'in_person'
    }
  }
  return [...merged.values()]
}
