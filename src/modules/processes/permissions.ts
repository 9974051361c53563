// Who may run processes: a body's Chair (or the Secretariat) runs its processes. Who sets bodies
// up is the bodies module's (bodies/permissions.ts).
import { type ActionsOf, defineActions } from '../../core/auth/actions.ts'
import { type Actor, chairsBody, isStaff } from '../../core/auth/actor.ts'
import { EVERYONE, PERSONA, STAFF } from '../../core/auth/personas.ts'

function runsBody(actor: Actor, subject: { bodyId: number }): boolean {
  return isStaff(actor) || chairsBody(actor, subject.bodyId)
}

export const processesActions = defineActions({
  'process.read': { scope: 'read', allow: () => true, expect: [{ allowed: EVERYONE }] },
  /** Run a process of a body: calls, meetings, documents, attendance, phases, transmission. */
  'process.manage': {
    scope: 'chair',
    allow: runsBody,
    expect: [{ subject: { bodyId: PERSONA.bodyId }, allowed: [...STAFF, 'chair'] }],
  },
  /**
   * Issue a meeting's documents as files and add their language versions: the Secretariat's work
   * (documents services edit, translate and issue documents under symbols); a Chair's text reaches
   * the meeting through the Secretariat, and the Chair still links a document (`process.manage`).
   */
  'meeting.document.upload': {
    scope: 'secretariat',
    allow: (actor: Actor) => isStaff(actor),
    expect: [{ allowed: STAFF }],
  },
  /** Extend a call past its closing time: the Chair decides; the Secretariat may record it. */
  'call.extend': {
    scope: 'chair',
    allow: runsBody,
    expect: [{ subject: { bodyId: PERSONA.bodyId }, allowed: [...STAFF, 'chair'] }],
  },
})

declare module '../../core/auth/actions.ts' {
  interface Actions extends ActionsOf<typeof processesActions> {}
}
